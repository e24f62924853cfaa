/**
 * Text made as many small pieces (a catalogue row, an item of the content store), gathered into
 * batches of about a megabyte: few enough writes or encodes, and never the whole text as one string.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** Characters gathered before a batch is handed on. */
const BATCH_CHARS = 1 << 20;

/** `pieces` joined into batches of about `BATCH_CHARS` characters each, in order. */
export function* batches(pieces: Iterable<string>): Generator<string> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= BATCH_CHARS) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/**
 * Writes `pieces` to `file` a batch at a time (replacing it); returns its size in bytes. If making the
 * pieces throws, the file is closed, holding what was written so far, and the error goes on.
 */
export function writePieces(file: string, pieces: Iterable<string>): number {
  const fd = openSync(file, 'w');
  let bytes = 0;
  try {
    for (const batch of batches(pieces)) bytes += writeSync(fd, batch);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batches, writePieces } from '../../src/catalogue/pieces.ts';
import { tempDir } from '../support/temp-dir.ts';

// Over a megabyte of multi-byte text, so it comes in several batches.
const pieces = Array.from({ length: 3000 }, (_, index) => `${index}: ${'ünïcode ≥ 🙂 '.repeat(40)}\n`);

describe('batches', () => {
  it('joins the pieces into batches of about a megabyte, in order, the last holding the rest', () => {
    const out = [...batches(pieces)];
    expect(out.length).toBeGreaterThan(1);
    expect(out.join('')).toBe(pieces.join(''));
    for (const batch of out.slice(0, -1)) expect(batch.length).toBeGreaterThanOrEqual(1 << 20);
    expect([...batches([])]).toEqual([]);
  });
});

describe('writePieces', () => {
  const dir = tempDir('pieces');

  it('writes the pieces as UTF-8, replacing what the file held, and returns its size in bytes', () => {
    const file = join(dir, 'papers.csv');
    writeFileSync(file, 'x'.repeat(5_000_000));
    const bytes = writePieces(file, pieces);
    const expected = Buffer.from(pieces.join(''), 'utf8');
    expect(readFileSync(file).equals(expected)).toBe(true);
    expect(bytes).toBe(expected.length);
  });

  it('closes the file and lets the error through when making the pieces fails', () => {
    const file = join(dir, 'broken.txt');
    function* failing() {
      yield 'kept';
      throw new Error('no more');
    }
    expect(() => writePieces(file, failing())).toThrow('no more');
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});

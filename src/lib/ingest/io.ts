/**
 * The file-system edges of ingest: reading dumps and paper files, and
 * writing paper files atomically. Everything between is pure.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { FrontmatterError, parsePaperFile } from '../frontmatter.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { ExistingPaper } from './reconcile.ts';

/** A dump's name and its text. */
export interface DumpText {
  /** File name, e.g. `000_60b5.txt`; what `sources[].dump` records. */
  name: string;
  /** Path as shown to people. */
  path: string;
  text: string;
}

/** File names in `dir` (paths below it, when `recursive`) with one of `extensions`, sorted so runs are stable on every machine. */
function listFiles(dir: string, extensions: readonly string[], recursive = false): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive })
    .filter((entry) => entry.isFile() && extensions.includes(extname(entry.name)))
    .map((entry) => join(relative(dir, entry.parentPath), entry.name))
    .sort();
}

/**
 * Decodes a dump as strict UTF-8. On a bad byte, the diagnostic names the
 * line it is on, so the person can find and fix it.
 */
export function decodeDump(bytes: Uint8Array, path: string): { text?: string; problem?: Diagnostic } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (bytes.includes(0)) {
    return { problem: { file: path, line: lineOfOffset(bytes, bytes.indexOf(0)), message: 'is not a text file (it holds NUL bytes)', fix: 'dumps are plain UTF-8 text: paste the page text into a .txt file' } };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    // Find the first line that does not decode; lines split on LF, which never occurs inside a UTF-8 sequence.
    let start = 0;
    for (let line = 1; start <= bytes.length; line += 1) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      try {
        decoder.decode(bytes.subarray(start, end));
      } catch {
        return { problem: { file: path, line, message: 'is not valid UTF-8 text', fix: 're-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`), or re-copy the text from the page' } };
      }
      start = end + 1;
    }
    return { problem: { file: path, message: 'is not valid UTF-8 text', fix: 're-save the file as UTF-8' } };
  }
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Reads every `*.txt` in `dir`. Problems are returned, not thrown, so all of them are reported at once. */
export function readDumps(dir: string): { dumps: DumpText[]; problems: Diagnostic[] } {
  const dumps: DumpText[] = [];
  const problems: Diagnostic[] = [];
  if (!existsSync(dir)) {
    problems.push({ file: dir, message: 'the dumps folder does not exist', fix: 'create it and put the .txt dumps in it, or pass --dumps DIR' });
    return { dumps, problems };
  }
  for (const name of listFiles(dir, ['.txt'])) {
    const path = join(dir, name);
    const { text, problem } = decodeDump(readFileSync(path), path);
    if (problem) problems.push(problem);
    else dumps.push({ name, path, text: text! });
  }
  return { dumps, problems };
}

/**
 * Reads every `.md`/`.mdx` paper file in `dir` (and in its subfolders with `recursive`, as the site does).
 * A file that cannot be parsed is a problem naming its line.
 */
export function readPaperFiles(dir: string, { recursive = false } = {}): { papers: ExistingPaper[]; problems: Diagnostic[] } {
  const papers: ExistingPaper[] = [];
  const problems: Diagnostic[] = [];
  for (const name of listFiles(dir, ['.md', '.mdx'], recursive)) {
    const path = join(dir, name);
    try {
      const { data, body } = parsePaperFile(readFileSync(path, 'utf8'));
      papers.push({ path, slug: basename(name, extname(name)), data, body });
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      problems.push({ file: path, line: error.line, message: error.message, fix: 'fix the YAML between the two "---" lines (quote text that holds ": " or starts with a special character)' });
    }
  }
  return { papers, problems };
}

/**
 * Writes a file atomically: the text goes to a temporary file beside it,
 * which is then renamed over the target, so a reader or an interrupted run
 * sees the old file or the new one, never half of one.
 */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

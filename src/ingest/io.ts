/**
 * The file-system edges of ingest: reading dumps and paper files, and
 * writing paper files atomically. Everything between is pure.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { threadId } from 'node:worker_threads';
import { FrontmatterError, parsePaperFile } from '../papers/frontmatter.ts';
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
export function listFiles(dir: string, extensions: readonly string[], recursive = false): string[] {
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

/** The dumps in `dir` (`*.txt`, sorted), and their total size in bytes; a problem when the folder is missing. */
export function listDumps(dir: string): { names: string[]; bytes: number; problems: Diagnostic[] } {
  if (!existsSync(dir)) {
    return { names: [], bytes: 0, problems: [{ file: dir, message: 'the dumps folder does not exist', fix: 'create it and put the .txt dumps in it, or pass --dumps DIR' }] };
  }
  const names = listFiles(dir, ['.txt']);
  return { names, bytes: names.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0), problems: [] };
}

/**
 * Reads the dumps `names` in `dir` (every `*.txt` by default). Problems are
 * returned, not thrown, so all of them are reported at once.
 */
export function readDumps(dir: string, names?: readonly string[]): { dumps: DumpText[]; problems: Diagnostic[] } {
  const dumps: DumpText[] = [];
  const problems: Diagnostic[] = [];
  if (!names) {
    const listed = listDumps(dir);
    if (listed.problems.length > 0) return { dumps, problems: listed.problems };
    names = listed.names;
  }
  for (const name of names) {
    const path = join(dir, name);
    const { text, problem } = decodeDump(readFileSync(path), path);
    if (problem) problems.push(problem);
    else dumps.push({ name, path, text: text! });
  }
  return { dumps, problems };
}

/** The `.md`/`.mdx` paper files in `dir` (and its subfolders with `recursive`), as paths relative to it. */
export function listPaperFiles(dir: string, { recursive = false } = {}): string[] {
  return listFiles(dir, ['.md', '.mdx'], recursive);
}

/**
 * Reads every `.md`/`.mdx` paper file in `dir` (and in its subfolders with `recursive`, as the site does),
 * or the files `names` in it. A file that cannot be parsed is a problem naming its line.
 */
export function readPaperFiles(
  dir: string,
  { recursive = false, names = listPaperFiles(dir, { recursive }) }: { recursive?: boolean; names?: readonly string[] } = {},
): { papers: ExistingPaper[]; problems: Diagnostic[] } {
  const papers: ExistingPaper[] = [];
  const problems: Diagnostic[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      const { data, body } = parsePaperFile(readFileSync(path, 'utf8'));
      papers.push({ path, slug: basename(name, extname(name)), data, body });
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      problems.push({ file: path, line: error.line, column: error.column, field: error.field, message: error.message, fix: error.fix });
    }
  }
  return { papers, problems };
}

let temporaries = 0;

/** A temporary name beside `path`, unique among the processes and threads writing at once (no randomness per file). */
function temporaryBeside(path: string): string {
  temporaries += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}-${temporaries}.tmp`);
}

/**
 * Writes `text` to `path` as UTF-8 (`flag` as for `writeFileSync`; the encoding keeps Node's fast path),
 * making its folder when it does not exist yet (once, rather than checking before every file).
 */
function writeMakingFolder(path: string, text: string, flag: 'w' | 'wx'): void {
  try {
    writeFileSync(path, text, { flag, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { flag, encoding: 'utf8' });
  }
}

/**
 * Writes a file atomically: the text goes to a temporary file beside it,
 * which is then renamed over the target, so a reader or an interrupted run
 * sees the old file or the new one, never half of one.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = temporaryBeside(path);
  try {
    writeMakingFolder(temporary, text, 'w');
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A file to write: its path and its whole text. */
export interface FileToWrite {
  path: string;
  text: string;
}

/**
 * A first run's way of writing: into a folder that is missing or empty, the
 * files go to a staging folder beside it (`path`), which then takes the
 * folder's place in one rename (`commit`). No reader sees a file before all
 * are written, there is no temporary name to create and rename per file
 * (`writeFileAtomic`), and an interrupted run leaves no paper file at all.
 * Undefined when `dir` holds anything: write each file atomically then.
 * A run killed before its commit leaves its staging folder behind (`.papers.<pid>-….tmp`, which
 * .gitignore keeps out of commits); the next run removes those whose process is gone.
 */
export function stagingFor(dir: string): { path: string; commit(): void; discard(): void } | undefined {
  if (!isEmptyFolder(dir)) return undefined;
  removeAbandonedTemporaries(dirname(dir), `.${basename(dir)}.`);
  const path = temporaryBeside(dir);
  mkdirSync(path, { recursive: true });
  return {
    path,
    commit: () => {
      // The empty folder goes first (Windows renames over no folder); rmdir refuses one that filled meanwhile.
      if (existsSync(dir)) rmdirSync(dir);
      // Beside it, so on the same file system: one rename.
      renameSync(path, dir);
    },
    discard: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Writes files that must not exist yet (in a staging folder, where no one reads them), making their folders. */
export function writeNewFiles(files: Iterable<FileToWrite>): void {
  for (const file of files) writeMakingFolder(file.path, file.text, 'wx');
}

/**
 * Removes what killed runs left in `folder`: temporary files and staging folders, named as
 * `temporaryBeside` names them (`.<name>.<pid>-<thread>-<n>.tmp`), of processes no longer running.
 * With `prefix`, only those whose name starts with it. A run killed between writing a temporary file
 * and renaming it leaves one behind; the next run takes it away.
 */
export function removeAbandonedTemporaries(folder: string, prefix = '.'): void {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.name.startsWith(prefix)) continue;
    const pid = /^\..+\.(\d+)-\d+-\d+\.tmp$/.exec(entry.name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(folder, entry.name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: running, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isEmptyFolder(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

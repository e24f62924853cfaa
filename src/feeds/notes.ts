/**
 * Dating notes for the notes feed: a paper's `noted` field when a person set it,
 * else the last git commit of its file, else the file's modification time.
 * Pure functions; the caller runs `git log` and reads mtimes.
 */
import { posix } from 'node:path';

/**
 * The `git log` arguments whose output `parseGitLog` reads: newest commit first (its date and author), each followed by its
 * files. `-c` lists a merge's files too when the merge itself changed them (as `git log -- <file>` counts it), not only plain commits'.
 */
export function gitLogArgs(dir: string): string[] {
  return ['-c', 'core.quotePath=false', 'log', '-c', '--format=%cI%x09%aN', '--name-only', '--relative', '--', dir];
}

/** Normalises a repository-relative path (`./content/papers/x.md` → `content/papers/x.md`). */
export function normalisePath(path: string): string {
  return posix.normalize(path.replaceAll('\\', '/')).replace(/^\.\//, '');
}

/** When a file was first committed and when it last changed; who changed it last, and everyone who did, newest first. */
export interface FileHistory {
  added: Date;
  changed: Date;
  /** Absent when the log has no authors (a history read without them, or a file known only by its mtime). */
  author?: string;
  authors?: string[];
}

/**
 * Path → first and last commit that touched it, and its authors, from one
 * `git log --format=%cI%x09%aN --name-only` (a date and author line, a blank line, the files;
 * newest commit first, so the first date seen is the last change and the last date seen the first commit).
 */
export function parseGitHistory(output: string): Map<string, FileHistory> {
  const history = new Map<string, FileHistory>();
  let current: Date | undefined;
  let author: string | undefined;
  for (const line of output.split(/\r?\n/)) {
    const commit = /^(\d{4}-\d{2}-\d{2}T\S+)(?:\t(.*))?$/.exec(line.trim());
    const text = line.trim();
    if (!text) continue;
    if (commit) {
      const date = new Date(commit[1]!);
      current = Number.isNaN(date.getTime()) ? undefined : date;
      author = commit[2]?.trim() || undefined;
    } else if (current) {
      const path = normalisePath(text);
      const known = history.get(path);
      if (known) {
        known.added = current;
        if (author && known.authors && !known.authors.includes(author)) known.authors.push(author);
      } else {
        history.set(path, author ? { added: current, changed: current, author, authors: [author] } : { added: current, changed: current });
      }
    }
  }
  return history;
}

/** Path → date of the newest commit that touched it (see `parseGitHistory`). */
export function parseGitLog(output: string): Map<string, Date> {
  return new Map([...parseGitHistory(output)].map(([path, { changed }]) => [path, changed]));
}

/** Where a note's date came from. */
export type NoteDateSource = 'noted' | 'git' | 'mtime';

/** The date of a paper's notes: `noted` when set, else its last commit, else `fallback` (the file's mtime). */
export function chooseNoteDate(
  noted: Date | undefined,
  filePath: string,
  commitDates: ReadonlyMap<string, Date>,
  fallback: () => Date,
): { date: Date; source: NoteDateSource } {
  if (noted && !Number.isNaN(noted.getTime())) return { date: noted, source: 'noted' };
  const committed = commitDates.get(normalisePath(filePath));
  if (committed) return { date: committed, source: 'git' };
  return { date: fallback(), source: 'mtime' };
}

/** Items newest first; items of the same date by title, so the feed is stable. */
export function sortNewestFirst<T extends { date: Date; title: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.date.getTime() - a.date.getTime() || a.title.localeCompare(b.title));
}

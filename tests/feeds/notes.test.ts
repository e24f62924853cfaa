import { describe, expect, it } from 'vitest';
import { chooseNoteDate, gitLogArgs, normalisePath, parseGitHistory, parseGitLog, sortNewestFirst } from '../../src/feeds/notes.ts';

const LOG = `2026-11-24T02:33:03+00:00

content/papers/a.md
content/papers/sub/b.mdx

2026-11-20T10:00:00+01:00

content/papers/a.md
content/papers/c.md
`;

describe('gitLogArgs', () => {
  it('asks for commit dates, authors and file names under one folder (a merge that changed a file too), paths relative to the working directory', () => {
    expect(gitLogArgs('content/papers')).toEqual([
      '-c',
      'core.quotePath=false',
      'log',
      '-c',
      '--format=%cI%x09%aN',
      '--name-only',
      '--relative',
      '--',
      'content/papers',
    ]);
  });
});

describe('normalisePath', () => {
  it('drops a leading ./ and turns backslashes into slashes', () => {
    expect(normalisePath('./content/papers/a.md')).toBe('content/papers/a.md');
    expect(normalisePath('content\\papers\\a.md')).toBe('content/papers/a.md');
  });
});

describe('parseGitLog', () => {
  it('maps each file to the date of the newest commit that touched it', () => {
    const dates = parseGitLog(LOG);
    expect([...dates.keys()]).toEqual(['content/papers/a.md', 'content/papers/sub/b.mdx', 'content/papers/c.md']);
    expect(dates.get('content/papers/a.md')?.toISOString()).toBe('2026-11-24T02:33:03.000Z');
    expect(dates.get('content/papers/c.md')?.toISOString()).toBe('2026-11-20T09:00:00.000Z');
  });

  it('reads Windows line endings and returns an empty map for empty output', () => {
    expect(parseGitLog(LOG.replaceAll('\n', '\r\n')).size).toBe(3);
    expect(parseGitLog('').size).toBe(0);
  });

  it('ignores file names before any date', () => {
    expect(parseGitLog('stray.md\n2026-01-01T00:00:00Z\n\nx.md\n')).toEqual(new Map([['x.md', new Date('2026-01-01T00:00:00Z')]]));
  });
});

describe('chooseNoteDate', () => {
  const commits = parseGitLog(LOG);
  const mtime = new Date('2027-01-01T00:00:00Z');

  it('prefers the noted field over the git history', () => {
    const noted = new Date('2025-03-01');
    expect(chooseNoteDate(noted, 'content/papers/a.md', commits, () => mtime)).toEqual({ date: noted, source: 'noted' });
  });

  it('uses the last commit of the file when noted is not set, whatever the path spelling', () => {
    expect(chooseNoteDate(undefined, './content/papers/c.md', commits, () => mtime)).toEqual({
      date: new Date('2026-11-20T09:00:00Z'),
      source: 'git',
    });
  });

  it('falls back to the modification time for an uncommitted file or without git', () => {
    expect(chooseNoteDate(undefined, 'content/papers/new.md', commits, () => mtime)).toEqual({ date: mtime, source: 'mtime' });
    expect(chooseNoteDate(undefined, 'content/papers/a.md', new Map(), () => mtime)).toEqual({ date: mtime, source: 'mtime' });
  });
});

describe('sortNewestFirst', () => {
  it('puts the newest first and orders items of the same date by title', () => {
    const items = [
      { title: 'Old', date: new Date('2024-01-01') },
      { title: 'B', date: new Date('2026-01-01') },
      { title: 'A', date: new Date('2026-01-01') },
    ];
    expect(sortNewestFirst(items).map((item) => item.title)).toEqual(['A', 'B', 'Old']);
    expect(items[0]!.title).toBe('Old');
  });
});

describe('parseGitHistory', () => {
  it('maps each file to its first and its last commit, from one log of the whole folder', () => {
    const history = parseGitHistory(LOG);
    expect(history.get('content/papers/a.md')).toEqual({ added: new Date('2026-11-20T09:00:00Z'), changed: new Date('2026-11-24T02:33:03Z') });
    expect(history.get('content/papers/sub/b.mdx')).toEqual({ added: new Date('2026-11-24T02:33:03Z'), changed: new Date('2026-11-24T02:33:03Z') });
    expect(history.get('content/papers/c.md')).toEqual({ added: new Date('2026-11-20T09:00:00Z'), changed: new Date('2026-11-20T09:00:00Z') });
    expect(parseGitHistory('').size).toBe(0);
  });
});

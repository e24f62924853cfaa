import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { stagingFor, writeNewFiles } from '../../src/ingest/io.ts';
import { tempDir } from '../support/temp-dir.ts';

let root: string;
let dir: string;

beforeEach(() => {
  root = tempDir('io');
  dir = join(root, 'papers');
});

describe('stagingFor', () => {
  it('stages a missing folder beside it, and the commit puts every file in place at once', () => {
    const staging = stagingFor(dir)!;
    expect(staging.path.startsWith(root)).toBe(true);
    writeNewFiles([
      { path: join(staging.path, 'a.md'), text: 'ä\n' },
      { path: join(staging.path, 'sub/b.md'), text: 'b' },
    ]);
    expect(existsSync(dir)).toBe(false);
    staging.commit();
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('ä\n');
    expect(readFileSync(join(dir, 'sub/b.md'), 'utf8')).toBe('b');
    expect(readdirSync(root)).toEqual(['papers']);
  });

  it('stages an empty folder, which the commit replaces', () => {
    mkdirSync(dir);
    const staging = stagingFor(dir)!;
    writeNewFiles([{ path: join(staging.path, 'a.md'), text: 'a' }]);
    staging.commit();
    expect(readdirSync(dir)).toEqual(['a.md']);
    expect(readdirSync(root)).toEqual(['papers']);
  });

  it('refuses to commit over a folder that filled meanwhile, keeping what is in it', () => {
    const staging = stagingFor(dir)!;
    writeNewFiles([{ path: join(staging.path, 'a.md'), text: 'a' }]);
    mkdirSync(dir);
    writeFileSync(join(dir, 'mine.md'), 'mine');
    expect(() => staging.commit()).toThrow(/ENOTEMPTY|EEXIST/);
    staging.discard();
    expect(readdirSync(dir)).toEqual(['mine.md']);
    expect(readdirSync(root)).toEqual(['papers']);
  });

  it('does not stage a folder that holds anything', () => {
    mkdirSync(dir);
    writeFileSync(join(dir, '.gitkeep'), '');
    expect(stagingFor(dir)).toBeUndefined();
    expect(readdirSync(root)).toEqual(['papers']);
  });

  it('removes the staging folders of killed runs, and keeps those of runs still going', () => {
    // A process that has exited: its staging folder is abandoned.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const abandoned = join(root, `.papers.${gone}-0-1.tmp`);
    const running = join(root, `.papers.${process.ppid}-0-1.tmp`);
    const other = join(root, `.topics.${gone}-0-1.tmp`);
    for (const folder of [abandoned, running, other]) mkdirSync(folder);
    writeFileSync(join(abandoned, 'a.md'), 'a');
    const staging = stagingFor(dir)!;
    staging.commit();
    expect(readdirSync(root).sort()).toEqual([`.papers.${process.ppid}-0-1.tmp`, `.topics.${gone}-0-1.tmp`, 'papers']);
  });

  it('leaves nothing behind when a write fails and the staging is discarded', () => {
    const staging = stagingFor(dir)!;
    const files = [
      { path: join(staging.path, 'a.md'), text: 'a' },
      { path: join(staging.path, 'a.md'), text: 'a again' },
    ];
    expect(() => writeNewFiles(files)).toThrow(/EEXIST/);
    staging.discard();
    expect(readdirSync(root)).toEqual([]);
  });
});

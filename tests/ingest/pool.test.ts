import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner, slices, threadsFor } from '../../src/ingest/pool.ts';
import { loadPapersFromDumps } from '../../src/ingest/index.ts';
import { tempDir } from '../support/temp-dir.ts';
import { ROOT } from './helpers.ts';

describe('slices', () => {
  it('cuts a list into nearly equal slices, in order, with nothing lost and no empty slice', () => {
    const items = Array.from({ length: 10 }, (_, index) => index);
    expect(slices(items, 3)).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(slices(items, 1)).toEqual([items]);
    expect(slices([1, 2], 8)).toEqual([[1], [2]]);
    expect(slices([], 4)).toEqual([]);
  });
});

describe('threadsFor', () => {
  it('keeps a small list in line and gives a big one more than one thread where there are cores', () => {
    expect(threadsFor(327)).toBe(1);
    expect(threadsFor(100_000)).toBeGreaterThanOrEqual(1);
    expect(threadsFor(100_000)).toBeLessThanOrEqual(8);
  });
});

describe('createRunner', () => {
  const { papers } = loadPapersFromDumps(join(ROOT, 'content/dumps'));
  const topicsDir = join(ROOT, 'content/topics');

  it('gives the same outputs, in the order of the slices, on worker threads as in line', async () => {
    const inLine = createRunner(1);
    const threaded = createRunner(2);
    try {
      // More slices than the threads hold at once (two each): some wait in the queue.
      const input = slices(papers, 9).map((slice) => ({ topicsDir, papers: slice.map(({ title, abstract }) => ({ title, abstract })) }));
      const expected = await inLine.run('classify', input);
      expect((await threaded.run('classify', input)).flat()).toEqual(expected.flat());
      expect(expected.flat()).toHaveLength(papers.length);
    } finally {
      await Promise.all([inLine.close(), threaded.close()]);
    }
  });

  it("rejects with the task's own message when a task fails on a thread", async () => {
    const dir = tempDir('pool');
    const runner = createRunner(2);
    try {
      await expect(runner.run('parseDumps', [{ dir, names: ['gone.txt'] }])).rejects.toThrow(/ENOENT.*gone\.txt/);
    } finally {
      await runner.close();
    }
  });
});

import type { Loader, LoaderContext } from 'astro/loaders';
import { mkdirSync, mkdtempSync, promises as fsPromises, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSynchronously } from '../../src/lib/sync-reads.ts';

const dir = mkdtempSync(join(tmpdir(), 'shelf-sync-reads-'));
const papers = join(dir, 'papers');
const elsewhere = join(dir, 'elsewhere');
mkdirSync(papers);
mkdirSync(elsewhere);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Reads `file` as Astro's glob loader does, but rewrites it right after the call, before yielding:
 * a synchronous read has the old text, a thread-pool read (which opens the file first) the new one.
 */
async function readThenRewrite(file: string | URL): Promise<string> {
  writeFileSync(file, 'before');
  const read = fsPromises.readFile(file, 'utf-8');
  writeFileSync(file, 'after');
  return read;
}

/** A loader that runs `body` as its load. */
function loaderRunning(body: () => Promise<void>): Loader {
  return { name: 'probe', load: body };
}

const context = {} as LoaderContext;

describe('readSynchronously', () => {
  it('serves reads under its folder synchronously while the load runs, as paths or file URLs', async () => {
    const results: string[] = [];
    await readSynchronously(
      loaderRunning(async () => {
        results.push(await readThenRewrite(join(papers, 'a.md')));
        results.push(await readThenRewrite(pathToFileURL(join(papers, 'sub-b.md'))));
      }),
      papers,
    ).load(context);
    expect(results).toEqual(['before', 'before']);
  });

  it('leaves reads outside its folder, and every read after the load, to the thread pool', async () => {
    const original = fsPromises.readFile;
    let outside = '';
    await readSynchronously(
      loaderRunning(async () => {
        outside = await readThenRewrite(join(elsewhere, 'a.md'));
      }),
      papers,
    ).load(context);
    expect(outside).toBe('after');
    expect(fsPromises.readFile).toBe(original);
    expect(await readThenRewrite(join(papers, 'a.md'))).toBe('after');
  });

  it('rejects a missing file as the original does, and restores the original when the load fails', async () => {
    const original = fsPromises.readFile;
    const failing = readSynchronously(
      loaderRunning(async () => {
        await fsPromises.readFile(join(papers, 'missing.md'), 'utf-8');
      }),
      papers,
    );
    await expect(failing.load(context)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fsPromises.readFile).toBe(original);
  });

  it('keeps reading synchronously until the last of two overlapping loads ends', async () => {
    const original = fsPromises.readFile;
    let finishFirst = () => {};
    const first = readSynchronously(loaderRunning(() => new Promise<void>((resolve) => (finishFirst = resolve))), papers).load(context);
    let second = '';
    const secondLoad = readSynchronously(
      loaderRunning(async () => {
        finishFirst();
        await first;
        second = await readThenRewrite(join(elsewhere, 'b.md'));
      }),
      elsewhere,
    ).load(context);
    await secondLoad;
    expect(second).toBe('before');
    expect(fsPromises.readFile).toBe(original);
  });
});

describe("readSynchronously around Astro's glob loader", () => {
  it('loads every entry with none of its reads reaching the thread pool', async () => {
    const { glob } = await import('astro/loaders');
    const base = join(dir, 'glob');
    mkdirSync(base);
    for (const name of ['a', 'b', 'c']) writeFileSync(join(base, `${name}.md`), `---\ntitle: Paper ${name}\n---\n`);
    const stored = new Map<string, { data: Record<string, unknown> }>();
    const entryInfo = ({ contents }: { contents: string }) => ({ data: { title: /title: (.*)/.exec(contents)![1] }, body: '' });
    const globContext = {
      config: { root: pathToFileURL(`${dir}/`), srcDir: pathToFileURL(`${dir}/src/`) },
      collection: 'papers',
      logger: { warn: () => {}, error: () => {}, info: () => {} },
      parseData: async ({ data }: { data: Record<string, unknown> }) => data,
      generateDigest: (contents: string) => String(contents.length),
      store: { keys: () => [], get: () => undefined, delete: () => {}, set: (entry: { id: string; data: Record<string, unknown> }) => stored.set(entry.id, entry) },
      entryTypes: new Map([['.md', { getEntryInfo: entryInfo }]]),
    } as unknown as LoaderContext;
    const original = fsPromises.readFile;
    let threadPoolReads = 0;
    fsPromises.readFile = ((...args: Parameters<typeof original>) => {
      threadPoolReads += 1;
      return original(...args);
    }) as typeof original;
    try {
      await readSynchronously(glob({ pattern: '*.md', base }), base).load(globContext);
    } finally {
      fsPromises.readFile = original;
    }
    expect([...stored.values()].map((entry) => entry.data.title).sort()).toEqual(['Paper a', 'Paper b', 'Paper c']);
    expect(threadPoolReads).toBe(0);
  });
});

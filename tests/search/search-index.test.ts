import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { afterEach, describe, expect, it } from 'vitest';
import { anotherPagefindApi, installSearchIndex, pinPagefind, withEnv, writeSearchIndex, type PagefindApi } from '../../src/search/search-index.ts';
import { parseCpuList } from '../../src/lib/cpu-pinning.ts';
import { searchDocument } from '../../src/search/search-records.ts';

const logger = { info: () => {} } as unknown as AstroIntegrationLogger;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shelf-pagefind-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const titles = new Map([['long-context', 'Long context']]);
const paper = { slug: 'a', title: 'Paper A', abstract: 'About ropes.', topics: ['long-context'], body: '' };

describe('withEnv', () => {
  it('sets the variables given for the call, leaves undefined ones alone, and restores them all after, even on error', () => {
    process.env.SHELF_TEST_KEPT = 'kept';
    expect(
      withEnv({ SHELF_TEST_SET: 'set', SHELF_TEST_KEPT: undefined }, () => [process.env.SHELF_TEST_SET, process.env.SHELF_TEST_KEPT]),
    ).toEqual(['set', 'kept']);
    expect(process.env.SHELF_TEST_SET).toBeUndefined();
    expect(() =>
      withEnv({ SHELF_TEST_KEPT: 'changed' }, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.env.SHELF_TEST_KEPT).toBe('kept');
    delete process.env.SHELF_TEST_KEPT;
  });
});

describe('writeSearchIndex', () => {
  it('writes a Pagefind bundle holding one page per document', async () => {
    const out = join(tempDir(), 'pagefind');
    const documents = [searchDocument(paper, titles), searchDocument({ ...paper, slug: 'b', title: 'Paper B' }, titles)];
    await expect(writeSearchIndex(documents, out)).resolves.toBe(2);
    expect(existsSync(join(out, 'pagefind.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8')).languages.en.page_count).toBe(2);
  });

  it('splits a big index into shards: the first in the folder itself, the others in shard-N/', async () => {
    const out = join(tempDir(), 'pagefind');
    const documents = ['a', 'b', 'c'].map((slug) => searchDocument({ ...paper, slug, title: `Paper ${slug}` }, titles));
    await expect(writeSearchIndex(documents, out, { shardSize: 2 })).resolves.toBe(3);
    const count = (folder: string) => JSON.parse(readFileSync(join(out, folder, 'pagefind-entry.json'), 'utf8')).languages.en.page_count;
    expect([count(''), count('shard-2')]).toEqual([2, 1]);
    expect(existsSync(join(out, 'shard-3'))).toBe(false);
  });

  it('runs whileFirstShardWrites once, after Pagefind was asked to write the first shard', async () => {
    const out = join(tempDir(), 'pagefind');
    const documents = ['a', 'b', 'c'].map((slug) => searchDocument({ ...paper, slug, title: `Paper ${slug}` }, titles));
    const calls: boolean[] = [];
    const whileFirstShardWrites = () => calls.push(existsSync(join(out, 'shard-2')));
    await expect(writeSearchIndex(documents, out, { shardSize: 2, whileFirstShardWrites })).resolves.toBe(3);
    expect(calls).toEqual([false]);
  });

  it('fails with the error whileFirstShardWrites throws, and leaves no Pagefind process behind', async () => {
    const out = join(tempDir(), 'pagefind');
    const whileFirstShardWrites = () => {
      throw new Error('related papers failed');
    };
    await expect(writeSearchIndex([searchDocument(paper, titles)], out, { whileFirstShardWrites })).rejects.toThrow('related papers failed');
    await expect(writeSearchIndex([searchDocument(paper, titles)], out)).resolves.toBe(1);
  });

  it('cuts the word index into chunks of chunkSize word locations, unless PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE says otherwise', async () => {
    const words = 'rotary position interpolation extends the context window of a transformer without training';
    const documents = ['a', 'b', 'c', 'd'].map((slug) => searchDocument({ ...paper, slug, title: `Paper ${slug}`, abstract: words }, titles));
    // What Pagefind's process is started with: the variable as createIndex sees it.
    const seen: (string | undefined)[] = [];
    const api: PagefindApi = {
      createIndex: (options) => (seen.push(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE), pagefind.createIndex(options)),
      close: () => pagefind.close(),
    };
    const chunks = async (options: { chunkSize?: number; shardSize?: number }) => {
      const out = join(tempDir(), 'pagefind');
      await writeSearchIndex(documents, out, { ...options, firstLane: { api } });
      return readdirSync(join(out, 'index')).length;
    };
    // By default, searchChunkSize of the shard size: 3,536 for shards of 5,000 (a stream's default), 1,000 for 2.
    expect(await chunks({})).toBe(1);
    expect(await chunks({ shardSize: 2 })).toBe(1);
    expect(seen.splice(0)).toEqual(['3536', '1000', '1000']);
    expect(await chunks({ chunkSize: 10 })).toBeGreaterThan(5);
    expect(seen.splice(0)).toEqual(['10']);
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '100000';
    try {
      expect(await chunks({ chunkSize: 10 })).toBe(1);
    } finally {
      delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    }
  });

  it('takes a stream of documents, shard by shard, as they come', async () => {
    const out = join(tempDir(), 'pagefind');
    const given: string[] = [];
    async function* stream() {
      for (const slug of ['a', 'b', 'c']) {
        given.push(slug);
        yield searchDocument({ ...paper, slug, title: `Paper ${slug}` }, titles);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    // The first shard is written before the stream has given its last document.
    const whileFirstShardWrites = () => expect(given).toEqual(['a', 'b']);
    await expect(writeSearchIndex(stream(), out, { shardSize: 2, whileFirstShardWrites })).resolves.toBe(3);
    const count = (folder: string) => JSON.parse(readFileSync(join(out, folder, 'pagefind-entry.json'), 'utf8')).languages.en.page_count;
    expect([count(''), count('shard-2')]).toEqual([2, 1]);
  });

  it('fails with the error the stream throws, and leaves Pagefind usable', async () => {
    const out = join(tempDir(), 'pagefind');
    async function* stream() {
      yield searchDocument(paper, titles);
      throw new Error('broken.md:2: bad YAML');
    }
    await expect(writeSearchIndex(stream(), out)).rejects.toThrow('broken.md:2: bad YAML');
    await expect(writeSearchIndex([searchDocument(paper, titles)], out)).resolves.toBe(1);
  });

  it('lets a second lane, once it joins, write shards alongside the first, each in its own Pagefind process', async () => {
    const out = join(tempDir(), 'pagefind');
    const second = await anotherPagefindApi();
    const started: string[] = [];
    const api: PagefindApi = {
      createIndex: (config) => (started.push('second'), second.createIndex(config)),
      close: () => second.close(),
    };
    const documents = ['a', 'b', 'c', 'd', 'e'].map((slug) => searchDocument({ ...paper, slug, title: `Paper ${slug}` }, titles));
    let join_!: () => void;
    const joined = new Promise<void>((resolve) => (join_ = resolve));
    // The second lane joins while the first shard is being written.
    const whileFirstShardWrites = () => join_();
    const secondLane = joined.then(() => ({ api }));
    await expect(writeSearchIndex(documents, out, { shardSize: 2, whileFirstShardWrites, secondLane })).resolves.toBe(5);
    expect(started).toEqual(['second']);
    const count = (folder: string) => JSON.parse(readFileSync(join(out, folder, 'pagefind-entry.json'), 'utf8')).languages.en.page_count;
    expect([count(''), count('shard-2'), count('shard-3')]).toEqual([2, 2, 1]);
    expect(existsSync(join(out, 'shard-4'))).toBe(false);
  });

  it('lets the lanes take turns to write: one parses the next shard while the other writes', async () => {
    const out = join(tempDir(), 'pagefind');
    const second = await anotherPagefindApi();
    const writes: string[] = [];
    let writing = 0;
    let most = 0;
    // Each write is held back 100 ms before Pagefind starts it, so two at once would overlap.
    const turnTaking = (name: string, api: PagefindApi): PagefindApi => ({
      createIndex: async (config) => {
        const response = await api.createIndex(config);
        const index = response.index!;
        const writeFiles: typeof index.writeFiles = async (options) => {
          writing += 1;
          most = Math.max(most, writing);
          writes.push(name);
          await new Promise((resolve) => setTimeout(resolve, 100));
          try {
            return await index.writeFiles(options);
          } finally {
            writing -= 1;
          }
        };
        return { ...response, index: Object.assign(Object.create(index), { writeFiles }) };
      },
      close: () => api.close(),
    });
    const documents = ['a', 'b', 'c', 'd', 'e', 'f'].map((slug) => searchDocument({ ...paper, slug, title: `Paper ${slug}` }, titles));
    const options = { shardSize: 1, firstLane: { api: turnTaking('first', pagefind) }, secondLane: Promise.resolve({ api: turnTaking('second', second) }) };
    await expect(writeSearchIndex(documents, out, options)).resolves.toBe(6);
    expect(new Set(writes)).toEqual(new Set(['first', 'second']));
    expect(most).toBe(1);
  });

  it('fails with the error a second lane meets, and leaves both lanes usable', async () => {
    const out = join(tempDir(), 'pagefind');
    const second = await anotherPagefindApi();
    const api: PagefindApi = {
      createIndex: async () => ({ errors: ['the second Pagefind could not start'] }) as Awaited<ReturnType<PagefindApi['createIndex']>>,
      close: () => second.close(),
    };
    const documents = ['a', 'b', 'c'].map((slug) => searchDocument({ ...paper, slug, title: `Paper ${slug}` }, titles));
    await expect(writeSearchIndex(documents, out, { shardSize: 1, secondLane: Promise.resolve({ api }) })).rejects.toThrow('the second Pagefind could not start');
    await expect(writeSearchIndex(documents, out, { shardSize: 1, secondLane: Promise.resolve({ api: second }) })).resolves.toBe(3);
  });

  it('refuses to write an empty index', async () => {
    await expect(writeSearchIndex([], join(tempDir(), 'pagefind'))).rejects.toThrow(/no papers to index/);
  });
});

describe('pinPagefind', () => {
  // A CPU this test may use (usually 0).
  const allowed = parseCpuList(/^Cpus_allowed_list:\s*(.*)$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
  const cpu = allowed[0];

  it('writes a launcher that runs Pagefind on the chosen CPU, and points Pagefind at it', async () => {
    const dir = tempDir();
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, SEARCH_INDEX_CPU: String(cpu) };
    expect(pinPagefind(dir, env)?.cpu).toBe(cpu);
    const launcher = join(dir, 'pagefind-pinned.sh');
    expect(env.PAGEFIND_EXTENDED_BINARY_PATH).toBe(launcher);
    expect(readFileSync(launcher, 'utf8')).toMatch(new RegExp(`^#!/bin/sh\nexec '[^']*/taskset' -c ${cpu} '[^']*/@pagefind/linux-[^/]+/bin/pagefind_extended' "\\$@"\n$`));
    // The Node API starts Pagefind through the launcher, and the index is written as before.
    const before = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = launcher;
    try {
      const out = join(dir, 'pagefind');
      await expect(writeSearchIndex([searchDocument(paper, titles)], out)).resolves.toBe(1);
      expect(JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8')).languages.en.page_count).toBe(1);
    } finally {
      if (before === undefined) delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
      else process.env.PAGEFIND_EXTENDED_BINARY_PATH = before;
    }
  });

  it('wraps a Pagefind binary set by hand', () => {
    const dir = tempDir();
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, SEARCH_INDEX_CPU: String(cpu), PAGEFIND_BINARY_PATH: '/opt/pagefind' };
    expect(pinPagefind(dir, env)?.cpu).toBe(cpu);
    expect(readFileSync(join(dir, 'pagefind-pinned.sh'), 'utf8')).toContain(` -c ${cpu} '/opt/pagefind' `);
  });

  it('writes a second launcher, for another CPU, when the build may use one', () => {
    const dir = tempDir();
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, SEARCH_INDEX_CPU: String(cpu), PAGEFIND_BINARY_PATH: '/opt/pagefind' };
    const spare = allowed.find((other) => other !== cpu);
    const pinning = pinPagefind(dir, env);
    if (spare === undefined) {
      expect(pinning?.spare).toBeUndefined();
      return;
    }
    expect(pinning?.spare).toEqual({ cpu: spare, binary: join(dir, 'pagefind-pinned-spare.sh') });
    expect(readFileSync(pinning!.spare!.binary, 'utf8')).toContain(` -c ${spare} '/opt/pagefind' `);
    // Pagefind's own variable still points at the first launcher.
    expect(env.PAGEFIND_EXTENDED_BINARY_PATH).toBe(join(dir, 'pagefind-pinned.sh'));
  });

  it('leaves Pagefind alone with SEARCH_INDEX_CPU=none or without taskset, and names the fix for a bad value', () => {
    const dir = tempDir();
    const none: NodeJS.ProcessEnv = { PATH: process.env.PATH, SEARCH_INDEX_CPU: 'none' };
    expect(pinPagefind(dir, none)).toBeUndefined();
    const noTaskset: NodeJS.ProcessEnv = { PATH: dir, SEARCH_INDEX_CPU: String(cpu) };
    expect(pinPagefind(dir, noTaskset)).toBeUndefined();
    expect(none.PAGEFIND_EXTENDED_BINARY_PATH ?? noTaskset.PAGEFIND_EXTENDED_BINARY_PATH).toBeUndefined();
    expect(existsSync(join(dir, 'pagefind-pinned.sh'))).toBe(false);
    expect(() => pinPagefind(dir, { SEARCH_INDEX_CPU: 'fast' })).toThrow(/SEARCH_INDEX_CPU: "fast" is not a CPU number/);
  });
});

describe('installSearchIndex', () => {
  function site(paperPages: string[]): { dist: URL; staging: string } {
    const root = tempDir();
    for (const slug of paperPages) {
      mkdirSync(join(root, 'dist/papers', slug), { recursive: true });
      writeFileSync(join(root, 'dist/papers', slug, 'index.html'), '<h1>x</h1>');
    }
    mkdirSync(join(root, 'staging'));
    writeFileSync(join(root, 'staging/pagefind.js'), '// bundle');
    return { dist: pathToFileURL(join(root, 'dist/')), staging: join(root, 'staging') };
  }

  it('moves the staged bundle into dist/pagefind when it covers every paper page', async () => {
    const { dist, staging } = site(['a', 'b']);
    await installSearchIndex({ pages: 2, ms: 1 }, staging, dist, logger);
    expect(readFileSync(new URL('pagefind/pagefind.js', dist), 'utf8')).toBe('// bundle');
    expect(existsSync(staging)).toBe(false);
  });

  it('fails, naming both counts, when the index and the built pages disagree', async () => {
    const { dist, staging } = site(['a', 'b', 'c']);
    await expect(installSearchIndex({ pages: 2, ms: 1 }, staging, dist, logger)).rejects.toThrow(/holds 2 papers but the build wrote 3 paper pages/);
    expect(existsSync(new URL('pagefind/', dist))).toBe(false);
  });
});

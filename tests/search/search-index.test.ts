import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { indexPapers, installSearchIndex, paperDocuments, writeSearchIndex } from '../../src/search/search-index.ts';
import { searchDocument, type SearchDocument } from '../../src/search/search-records.ts';
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

describe('writeSearchIndex', () => {
  it('writes a Pagefind bundle holding one page per document', async () => {
    const out = join(tempDir(), 'pagefind');
    const documents = [searchDocument(paper, titles), searchDocument({ ...paper, slug: 'b', title: 'Paper B' }, titles)];
    await expect(writeSearchIndex(documents, out, { shardSize: 10 })).resolves.toBe(2);
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
    await expect(writeSearchIndex(stream(), out, { shardSize: 2 })).resolves.toBe(3);
    expect(given).toEqual(['a', 'b', 'c']);
    const count = (folder: string) => JSON.parse(readFileSync(join(out, folder, 'pagefind-entry.json'), 'utf8')).languages.en.page_count;
    expect([count(''), count('shard-2')]).toEqual([2, 1]);
  });

  it('fails with the error the stream throws, and leaves Pagefind usable', async () => {
    const out = join(tempDir(), 'pagefind');
    async function* stream() {
      yield searchDocument(paper, titles);
      throw new Error('broken.md:2: bad YAML');
    }
    await expect(writeSearchIndex(stream(), out, { shardSize: 10 })).rejects.toThrow('broken.md:2: bad YAML');
    await expect(writeSearchIndex([searchDocument(paper, titles)], out, { shardSize: 10 })).resolves.toBe(1);
  });

  it('refuses to write an empty index', async () => {
    await expect(writeSearchIndex([], join(tempDir(), 'pagefind'), { shardSize: 10 })).rejects.toThrow(/no papers to index/);
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
    installSearchIndex(2, staging, dist);
    expect(readFileSync(new URL('pagefind/pagefind.js', dist), 'utf8')).toBe('// bundle');
    expect(existsSync(staging)).toBe(false);
  });

  it('fails, naming both counts, when the index and the built pages disagree', async () => {
    const { dist, staging } = site(['a', 'b', 'c']);
    expect(() => installSearchIndex(2, staging, dist)).toThrow(/holds 2 papers but the build wrote 3 paper pages/);
    expect(existsSync(new URL('pagefind/', dist))).toBe(false);
  });
});

describe('paperDocuments', () => {
  async function all(papersDir: string, topicsDir: string): Promise<SearchDocument[]> {
    const documents: SearchDocument[] = [];
    for await (const document of paperDocuments(papersDir, topicsDir)) documents.push(document);
    return documents;
  }

  it('makes one document per paper file, subfolders included, with the topics by title', async () => {
    const content = 'tests/fixtures/site/content';
    const documents = await all(`${content}/papers`, `${content}/topics`);
    expect(documents.map((document) => document.url).sort()).toEqual(
      ['/papers/markup-in-abstract/', '/papers/nested-test-time/', '/papers/notes-in-mdx/', '/papers/plain-long-context/', '/papers/rated-with-links/'],
    );
    const mdx = documents.find((document) => document.url === '/papers/notes-in-mdx/')!;
    expect(mdx.content).toContain('data-pagefind-filter="topic:Long chain-of-thought"');
    expect(mdx.content).toContain('data-pagefind-meta="notes:yes"');
  });

  it('fails naming the file and line of a paper whose frontmatter cannot be read', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'papers'));
    mkdirSync(join(root, 'topics'));
    writeFileSync(join(root, 'papers', 'broken.md'), '---\ntitle: [unclosed\n---\n');
    await expect(all(join(root, 'papers'), join(root, 'topics'))).rejects.toThrow(/broken\.md:\d+/);
  });
});

describe('indexPapers', () => {
  const pageCounts = (out: string) =>
    ['', ...readdirSync(out).filter((name) => name.startsWith('shard-')).sort()].map(
      (folder) => JSON.parse(readFileSync(join(out, folder, 'pagefind-entry.json'), 'utf8')).languages.en.page_count,
    );

  it('indexes a list of up to 10,000 papers as one shard, and follows SEARCH_SHARD_SIZE', async () => {
    const content = 'tests/fixtures/site/content';
    const before = process.env.SEARCH_SHARD_SIZE;
    try {
      delete process.env.SEARCH_SHARD_SIZE;
      const one = join(tempDir(), 'pagefind');
      await expect(indexPapers(`${content}/papers`, `${content}/topics`, one)).resolves.toBe(5);
      expect(pageCounts(one)).toEqual([5]);
      process.env.SEARCH_SHARD_SIZE = '2';
      const three = join(tempDir(), 'pagefind');
      await expect(indexPapers(`${content}/papers`, `${content}/topics`, three)).resolves.toBe(5);
      expect(pageCounts(three)).toEqual([2, 2, 1]);
      // One vocabulary for all shards, in the first: the five papers' words, each with the papers holding it.
      const words = JSON.parse(readFileSync(join(three, 'vocabulary.json'), 'utf8')).words;
      expect(JSON.parse(readFileSync(join(one, 'vocabulary.json'), 'utf8')).words).toEqual(words);
      expect(words.context).toBe(3);
      expect(words.quokka).toBeUndefined();
      expect(existsSync(join(three, 'shard-2', 'vocabulary.json'))).toBe(false);
    } finally {
      if (before === undefined) delete process.env.SEARCH_SHARD_SIZE;
      else process.env.SEARCH_SHARD_SIZE = before;
    }
  });
});

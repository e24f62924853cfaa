import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builds, readPage, readPapers, readSearchFragments, readTopics, searchShardDirs } from './builds.ts';
import { searchShardCount, searchShardSize } from '../../src/search/search-records.ts';

describe.each(builds)('the Pagefind index of the $name build', (build) => {
  const papers = readPapers(build);
  const topics = readTopics(build);
  const bundle = join(build.outDir, 'pagefind');
  const fragments = readSearchFragments(build);
  const byUrl = new Map(fragments.map((fragment) => [fragment.url, fragment]));

  it('exists and holds exactly the paper pages, at their URLs relative to the base', () => {
    const counts = searchShardDirs(build).flatMap((shard) => {
      const entry = JSON.parse(readFileSync(join(shard, 'pagefind-entry.json'), 'utf8'));
      return Object.values(entry.languages as Record<string, { page_count: number }>).map((l) => l.page_count);
    });
    expect(counts.reduce((a, b) => a + b, 0)).toBe(papers.length);
    expect(existsSync(join(bundle, 'pagefind.js'))).toBe(true);
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(papers.map((paper) => `/papers/${paper.slug}/`).sort());
    for (const url of byUrl.keys()) expect(existsSync(join(build.outDir, url, 'index.html')), url).toBe(true);
  });

  it('holds each paper’s title as metadata, its topic titles as the topic filter, and its title and abstract as text', () => {
    for (const paper of papers) {
      const fragment = byUrl.get(`/papers/${paper.slug}/`)!;
      expect(fragment.meta.title, paper.path).toBe(paper.data.title);
      expect(fragment.filters.topic ?? [], paper.path).toEqual(paper.data.topics.map((slug) => topics.get(slug)));
      expect(fragment.content.startsWith(paper.data.title.replace(/\s+/g, ' ')), paper.path).toBe(true);
      // The abstract's last words, as the reader sees them; nothing of the page around it (chips, evidence, chrome).
      const tail = paper.data.abstract.trim().split(/\s+/).slice(-4).join(' ');
      expect(fragment.content, paper.path).toContain(tail);
      expect(fragment.content, paper.path).not.toMatch(/Edit this page|Related papers|Listed in/);
    }
  });

  it('has beside it the vocabulary of every paper, each word with the number of papers that hold it, saved for offline search', () => {
    const file = join(bundle, 'vocabulary.json');
    const words = JSON.parse(readFileSync(file, 'utf8')).words as Record<string, number>;
    // Counted against the text Pagefind stored for each paper (title, abstract, notes), word by word.
    const holding = (word: string) => fragments.filter((fragment) => new RegExp(`(^|[^\\p{L}\\p{N}])${word}($|[^\\p{L}\\p{N}])`, 'iu').test(fragment.content)).length;
    const sample = build.name === 'fixture' ? ['attention', 'entropy', 'reasoning', 'sink', 'notes'] : ['attention', 'cache', 'sink', 'reward', 'entropy', 'rotary'];
    for (const word of sample) expect(words[word], word).toBe(holding(word));
    // Every word of every title, as the index compares words (lower case, no accents, three characters or more, a letter among them).
    for (const paper of papers) {
      const titleWords = paper.data.title.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]{3,}/gu) ?? [];
      for (const word of titleWords.filter((candidate) => /\p{L}/u.test(candidate))) expect(words[word] ?? 0, `${paper.path}: ${word}`).toBeGreaterThan(0);
    }
    expect(statSync(file).size).toBeLessThan(100 * 1024);
    expect(readFileSync(join(build.outDir, 'sw.js'), 'utf8')).toContain('pagefind/vocabulary.json');
  });

  it('is split into shards of SEARCH_SHARD_SIZE papers, each full but the last, each listed on the search page for merging', () => {
    const size = searchShardSize(papers.length, build.env);
    const shards = searchShardDirs(build);
    expect(shards).toHaveLength(searchShardCount(papers.length, size));
    // Pages per shard, as Pagefind counted them: the real list in one; the fixture's five papers in shards of two, the first of one.
    const pageCounts = shards.map((dir) => JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')).languages.en.page_count as number);
    expect(pageCounts).toEqual(size >= papers.length ? [papers.length] : [2, 2, 1]);
    const listed = readPage(build, 'search/').querySelector('#search-app')?.getAttribute('data-shards') ?? '';
    expect(listed.split(' ').filter(Boolean)).toEqual(shards.slice(1).map((dir) => `pagefind/${dir.split('/').pop()}/`));
  });
});

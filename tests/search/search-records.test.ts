import { describe, expect, it } from 'vitest';
import { searchDocument, searchShardCount, searchShardPath, searchShardSize } from '../../src/search/search-records.ts';

const titles = new Map([
  ['long-context', 'Long context'],
  ['long-cot', 'Long chain-of-thought'],
]);

describe('searchDocument', () => {
  const paper = { slug: 'ring-attention', title: 'Ring <Attention> & "you"', abstract: 'First line.\n\nSecond  line.', topics: ['long-context', 'long-cot'], body: '' };

  it('puts the paper at its URL relative to the base (the search page adds the base)', () => {
    expect(searchDocument(paper, titles).url).toBe('/papers/ring-attention/');
  });

  it('makes the escaped title the heading and metadata, the abstract paragraphs text, and topic titles filters', () => {
    const { content } = searchDocument(paper, titles);
    expect(content).toContain('<h1 data-pagefind-meta="title">Ring &lt;Attention&gt; &amp; &quot;you&quot;</h1>');
    expect(content).toContain('<p>First line.</p><p>Second line.</p>');
    expect(content).toContain('<span data-pagefind-filter="topic:Long context"></span><span data-pagefind-filter="topic:Long chain-of-thought"></span>');
    expect(content).not.toContain('notes:yes');
  });

  it('adds the notes as plain text, and flags papers that have them', () => {
    const { content } = searchDocument({ ...paper, body: '\n## Why\n\nSee [the code](https://x.org) and $O(n)$.\n' }, titles);
    expect(content).toContain('<p>Why See the code and $O(n)$.</p>');
    expect(content).toContain('<span data-pagefind-meta="notes:yes"></span>');
  });

  it('keeps an unknown topic slug as its own filter value rather than dropping it', () => {
    expect(searchDocument({ ...paper, topics: ['mystery'] }, titles).content).toContain('data-pagefind-filter="topic:mystery"');
  });
});

describe('search shards', () => {
  it('defaults to one shard up to 10,000 papers and 5000 papers a shard past that, reads SEARCH_SHARD_SIZE and names the fix for a bad value', () => {
    expect([0, 327, 10_000, 10_001, 50_000].map((count) => searchShardSize(count, {}))).toEqual([1, 327, 10_000, 5000, 5000]);
    expect([0, 327, 10_000, 10_001, 50_000].map((count) => searchShardCount(count, searchShardSize(count, {})))).toEqual([1, 1, 1, 3, 10]);
    expect(searchShardSize(327, { SEARCH_SHARD_SIZE: '2' })).toBe(2);
    expect(() => searchShardSize(50_000, { SEARCH_SHARD_SIZE: '-1' })).toThrow(/SEARCH_SHARD_SIZE: "-1" .*unset it for the default, 5000/);
  });

  it('counts shards, at least one, each full but the last', () => {
    expect([0, 1, 5000, 5001, 7500, 10000, 10001, 50000].map((count) => searchShardCount(count, 5000))).toEqual([1, 1, 1, 2, 2, 2, 3, 10]);
    // The fixture's shards of two: 2, 2 and 1 papers.
    expect(searchShardCount(5, 2)).toBe(3);
  });

  it('puts the first shard in pagefind/ and the others beside its files', () => {
    expect([0, 1, 9].map(searchShardPath)).toEqual(['pagefind/', 'pagefind/shard-2/', 'pagefind/shard-10/']);
  });
});

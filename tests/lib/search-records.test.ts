import { describe, expect, it } from 'vitest';
import { searchDocument } from '../../src/lib/search-records.ts';

const titles = new Map([
  ['long-context', 'Long context'],
  ['long-cot', 'Long chain-of-thought'],
]);

describe('searchDocument', () => {
  const paper = { slug: 'ring-attention', title: 'Ring <Attention> & "you"', abstract: 'First line.\n\nSecond  line.', topics: ['long-context', 'long-cot'], body: '' };

  it('puts the paper at its URL under the base', () => {
    expect(searchDocument(paper, titles, '/').url).toBe('/papers/ring-attention/');
    expect(searchDocument(paper, titles, '/shelf').url).toBe('/shelf/papers/ring-attention/');
  });

  it('makes the escaped title the heading and metadata, the abstract paragraphs text, and topic titles filters', () => {
    const { content } = searchDocument(paper, titles, '/');
    expect(content).toContain('<h1 data-pagefind-meta="title">Ring &lt;Attention&gt; &amp; &quot;you&quot;</h1>');
    expect(content).toContain('<p>First line.</p><p>Second line.</p>');
    expect(content).toContain('<span data-pagefind-filter="topic:Long context"></span><span data-pagefind-filter="topic:Long chain-of-thought"></span>');
    expect(content).not.toContain('notes:yes');
  });

  it('adds the notes as plain text, and flags papers that have them', () => {
    const { content } = searchDocument({ ...paper, body: '\n## Why\n\nSee [the code](https://x.org) and $O(n)$.\n' }, titles, '/');
    expect(content).toContain('<p>Why See the code and $O(n)$.</p>');
    expect(content).toContain('<span data-pagefind-meta="notes:yes"></span>');
  });

  it('keeps an unknown topic slug as its own filter value rather than dropping it', () => {
    expect(searchDocument({ ...paper, topics: ['mystery'] }, titles, '/').content).toContain('data-pagefind-filter="topic:mystery"');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXCERPT_WORDS, matchedExcerpt, titleParts, type ExcerptPart, type MatchedWord } from '../../src/search/search-excerpt.ts';
import { parsePaperFile } from '../../src/papers/frontmatter.ts';

/** The text Pagefind stores for a paper (its title as the first heading, then the abstract), as in the built index. */
const stored = (title: string, abstract: string) => `${title}. ${abstract}`;
/** The positions of the words of `content` that `test` accepts, as Pagefind reports a search's matches. */
const matches = (content: string, test: (word: string) => boolean): MatchedWord[] =>
  content.split(/\s+/).flatMap((word, location) => (test(word) ? [{ location, balanced_score: 1 }] : []));
const plain = (parts: readonly ExcerptPart[]) => parts.map((part) => part.text).join('');
const marked = (parts: readonly ExcerptPart[]) => parts.filter((part) => part.mark).map((part) => part.text);
const words = (text: string) => text.replace(/…/g, '').trim().split(/\s+/);

// A real paper whose title holds "KV cache", and whose abstract first says it in its second sentence.
const scbench = parsePaperFile(readFileSync('content/papers/scbench-a-kv-cache-centric-analysis-of-long-context-methods.md', 'utf8')).data as {
  title: string;
  abstract: string;
};
const scbenchText = stored(scbench.title, scbench.abstract);
const isKvCache = (word: string) => /^\W*(kv|cache)/i.test(word);

describe('titleParts', () => {
  it('highlights the title words the search matched, but not the punctuation around them', () => {
    const parts = titleParts(scbench.title, scbenchText, matches(scbenchText, isKvCache));
    expect(plain(parts)).toBe(scbench.title);
    expect(marked(parts)).toEqual(['KV', 'Cache-Centric']);
    const title = 'Keys (KV) and Values';
    expect(titleParts(title, stored(title, 'Abstract.'), [{ location: 1 }])).toEqual([
      { text: 'Keys (', mark: false },
      { text: 'KV', mark: true },
      { text: ') and Values', mark: false },
    ]);
  });

  it('highlights nothing for matches in the abstract, or when the stored text does not start with the title', () => {
    const abstractOnly = matches(scbenchText, isKvCache).filter((word) => word.location > 12);
    expect(marked(titleParts(scbench.title, scbenchText, abstractOnly))).toEqual([]);
    expect(marked(titleParts('Another Title', scbenchText, matches(scbenchText, isKvCache)))).toEqual([]);
  });
});

describe('matchedExcerpt', () => {
  it('shows the abstract around its matches, never the title again, with the matches highlighted', () => {
    const parts = matchedExcerpt(scbenchText, scbench.title, matches(scbenchText, isKvCache));
    const text = plain(parts);
    expect(text).not.toContain('SCBench: A KV');
    expect(marked(parts).length).toBeGreaterThan(3);
    for (const word of marked(parts)) expect(word).toMatch(/^(KV|cache)/i);
    expect(words(text).length).toBe(EXCERPT_WORDS);
    expect(text.endsWith(' …')).toBe(true);
  });

  it('centres a lone match, with an ellipsis where it cuts the text on each side', () => {
    const abstract = Array.from({ length: 100 }, (_, index) => (index === 60 ? 'needle' : `w${index}`)).join(' ');
    const content = stored('A Title', abstract);
    const parts = matchedExcerpt(content, 'A Title', matches(content, (word) => word === 'needle'), 20);
    expect(plain(parts).startsWith('… ')).toBe(true);
    expect(plain(parts).endsWith(' …')).toBe(true);
    const shown = words(plain(parts));
    expect(shown).toHaveLength(20);
    expect(Math.abs(shown.indexOf('needle') - 10)).toBeLessThanOrEqual(1);
    expect(marked(parts)).toEqual(['needle']);
  });

  it('chooses the densest stretch of matches', () => {
    const abstract = Array.from({ length: 200 }, (_, index) => ([20, 120, 124, 127].includes(index) ? 'hit' : `w${index}`)).join(' ');
    const content = stored('T', abstract);
    const parts = matchedExcerpt(content, 'T', matches(content, (word) => word === 'hit'), 20);
    expect(marked(parts)).toEqual(['hit', 'hit', 'hit']);
  });

  it('starts at the abstract when nothing after the title matched, or a match is near its start', () => {
    const titleOnly = matches(scbenchText, isKvCache).filter((word) => word.location < 9);
    const opening = plain(matchedExcerpt(scbenchText, scbench.title, titleOnly));
    expect(opening.startsWith('Long-context LLMs have enabled')).toBe(true);
    const content = stored('T', 'one two three needle five six seven eight nine ten eleven twelve');
    const parts = matchedExcerpt(content, 'T', matches(content, (word) => word === 'needle'), 6);
    expect(plain(parts)).toBe('one two three needle five six …');
  });

  it('shows a short abstract whole, and markup in it as text', () => {
    const content = stored('T', 'tries <script>x</script> and <img src=x onerror=y>');
    expect(matchedExcerpt(content, 'T', matches(content, (word) => word === 'and'))).toEqual([
      { text: 'tries <script>x</script> ', mark: false },
      { text: 'and', mark: true },
      { text: ' <img src=x onerror=y>', mark: false },
    ]);
  });
});

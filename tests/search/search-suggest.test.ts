import { describe, expect, it } from 'vitest';
import { readPaperFiles } from '../../src/ingest/io.ts';
import { searchedText } from '../../src/search/search-records.ts';
import { allowedDistance, corrections, editDistance, suggestedQueries, TYPO_FACTOR } from '../../src/search/search-suggest.ts';
import { countPaperWords } from '../../src/search/search-vocabulary.ts';

// The vocabulary of the real list, as the build writes it.
const vocabulary = new Map<string, number>();
for (const paper of readPaperFiles('content/papers').papers) {
  countPaperWords(vocabulary, searchedText({ slug: paper.slug, title: String(paper.data.title), abstract: String(paper.data.abstract), topics: [], body: paper.body }));
}

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(editDistance('atention', 'attention', 2)).toBe(1);
    expect(editDistance('attnetion', 'attention', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });

  it('stops at the limit', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('allowedDistance', () => {
  it('corrects no word under four letters, one letter up to five, two beyond', () => {
    expect([3, 4, 5, 6, 12].map(allowedDistance)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('corrections', () => {
  it("corrects a typo to the list's own words, closest and commonest first", () => {
    expect(corrections('atention', vocabulary)[0]).toBe('attention');
    expect(corrections('Reinforcment', vocabulary)[0]).toBe('reinforcement');
    expect(corrections('interpolaton', vocabulary)[0]).toBe('interpolation');
  });

  it('leaves out words that start with a better correction, which the search matches already', () => {
    expect(corrections('atention', vocabulary)).toContain('attention');
    expect(corrections('atention', vocabulary)).not.toContain('attentions');
  });

  it('leaves short words alone, and offers nothing for a term no paper is near', () => {
    expect(corrections('kv', vocabulary)).toEqual([]);
    expect(corrections('zzqx', vocabulary)).toEqual([]);
  });

  it('replaces a word some papers hold only with a word one letter away in many more papers', () => {
    // A typo one abstract shares still gets the common spelling; a rarer real word is kept.
    expect(corrections('atention', vocabulary, 1)[0]).toBe('attention');
    expect(corrections('atention', vocabulary, vocabulary.get('attention')! / TYPO_FACTOR)).toEqual([]);
    expect(corrections('needle', vocabulary, vocabulary.get('needle'))).toEqual([]);
    // Short words are often real words a letter apart ("sink", "since"): kept when any paper holds them.
    expect(corrections('sink', vocabulary, vocabulary.get('sink'))).toEqual([]);
    // Two letters away: only for a word no paper holds.
    expect(corrections('atentin', vocabulary, 1)).toEqual([]);
    expect(corrections('atentin', vocabulary, 0)[0]).toBe('attention');
  });
});

describe('suggestedQueries', () => {
  it('corrects the words that need it and keeps the others as typed', () => {
    expect(suggestedQueries('atention sink', [{ word: 'atention', count: 0 }, { word: 'sink', count: vocabulary.get('sink')! }], vocabulary)[0]).toBe('attention sink');
    expect(suggestedQueries('needle in a haystak', [{ word: 'needle', count: vocabulary.get('needle')! }, { word: 'haystak', count: 0 }], vocabulary)[0]).toBe('needle in a haystack');
  });

  it('suggests nothing when every word is spelled as the list spells it, or none is near a word', () => {
    expect(suggestedQueries('attention sink', [{ word: 'attention', count: 62 }, { word: 'sink', count: 1 }], vocabulary)).toEqual([]);
    expect(suggestedQueries('GRPO', [{ word: 'GRPO', count: 0 }], vocabulary)).toEqual([]);
  });

  it('offers at most three, the best first', () => {
    const queries = suggestedQueries('contxt windw', [{ word: 'contxt', count: 0 }, { word: 'windw', count: 0 }], vocabulary);
    expect(queries[0]).toBe('context window');
    expect(queries.length).toBeLessThanOrEqual(3);
    expect(new Set(queries).size).toBe(queries.length);
  });
});

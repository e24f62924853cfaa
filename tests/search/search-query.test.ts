import { describe, expect, it } from 'vitest';
import { normalizeWord, queryWords, replaceWords, searchTerms } from '../../src/search/search-query.ts';

describe('searchTerms', () => {
  it('leaves out function words between the words that narrow a search', () => {
    expect(searchTerms('needle in a haystack')).toBe('needle haystack');
    expect(searchTerms('Chain of Thought')).toBe('Chain Thought');
    expect(searchTerms('credit assignment in reinforcement learning')).toBe('credit assignment reinforcement learning');
  });

  it('keeps the last word, which may be the start of a longer one being typed', () => {
    expect(searchTerms('long context in')).toBe('long context in');
    expect(searchTerms('the')).toBe('the');
    expect(searchTerms('of the')).toBe('the');
  });

  it('keeps words that only look like function words, and every word of a quoted phrase', () => {
    expect(searchTerms('In-context learning for agents')).toBe('In-context learning agents');
    expect(searchTerms('attention is all you need')).toBe('attention all you need');
    expect(searchTerms('"chain of thought" distillation')).toBe('"chain of thought" distillation');
  });

  it('collapses the spaces a reader typed', () => {
    expect(searchTerms('  kv   cache  eviction ')).toBe('kv cache eviction');
  });
});

describe('normalizeWord', () => {
  it('compares words as the index does: lower case, no diacritics, no punctuation', () => {
    expect(normalizeWord('Minimisation,')).toBe('minimisation');
    expect(normalizeWord('Test-Time')).toBe('testtime');
    expect(normalizeWord('Café')).toBe('cafe');
  });
});

describe('queryWords', () => {
  it('lists the words a query is searched by, as typed, once each', () => {
    expect(queryWords('needle in a haystack')).toEqual(['needle', 'haystack']);
    expect(queryWords('"ring attention" Attention')).toEqual(['ring', 'attention']);
    expect(queryWords('  kv   cache ')).toEqual(['kv', 'cache']);
    expect(queryWords('-- ,')).toEqual([]);
  });
});

describe('replaceWords', () => {
  it('replaces the named words and keeps the rest as typed', () => {
    expect(replaceWords('Needle in a haystak', new Map([['haystak', 'haystack']]))).toBe('Needle in a haystack');
    expect(replaceWords(' Atention  sink ', new Map([['atention', 'attention']]))).toBe('attention sink');
  });
});

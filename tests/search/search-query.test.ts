import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../src/search/search-query.ts';

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

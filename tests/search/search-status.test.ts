import { describe, expect, it } from 'vitest';
import { searchElsewhereLinks, searchStatus } from '../../src/search/search-status.ts';

const outcome = { query: 'attention', topics: [], count: 63, unmatched: [], matched: ['attention'] };

describe('searchStatus', () => {
  it('counts the papers found for the query as typed, within the topics picked', () => {
    expect(searchStatus(outcome)).toBe('63 papers for “attention”.');
    expect(searchStatus({ ...outcome, count: 1, topics: ['Long context', 'Long chain-of-thought'] })).toBe('1 paper for “attention” in Long context or Long chain-of-thought.');
    expect(searchStatus({ ...outcome, query: '', matched: [], topics: ['Long context'], count: 153 })).toBe('153 papers in Long context.');
    expect(searchStatus({ ...outcome, count: 0 })).toBe('No papers found for “attention”.');
  });

  it('says which words no paper mentions instead of counting them', () => {
    expect(searchStatus({ ...outcome, query: 'ring attention', unmatched: ['ring'], matched: ['attention'] })).toBe(
      'No paper mentions “ring”; showing 63 papers matching “attention”.',
    );
    expect(searchStatus({ ...outcome, query: 'zzqx ring sparse attention', unmatched: ['zzqx', 'ring'], matched: ['sparse', 'attention'], topics: ['Long context'], count: 4 })).toBe(
      'No paper mentions “zzqx” or “ring”; showing 4 papers matching “sparse attention” in Long context.',
    );
    expect(searchStatus({ ...outcome, query: 'GRPO', count: 0, unmatched: ['GRPO'], matched: [] })).toBe('No paper mentions “GRPO”.');
    expect(searchStatus({ ...outcome, query: 'zzqx attention', topics: ['Credit assignment'], count: 0, unmatched: ['zzqx'] })).toBe(
      'No paper mentions “zzqx”, and no paper in Credit assignment matches “attention”.',
    );
  });
});

describe('searchElsewhereLinks', () => {
  it('runs the query on arXiv (all fields) and Semantic Scholar', () => {
    expect(searchElsewhereLinks('atention  sink')).toEqual([
      { label: 'arXiv', url: 'https://arxiv.org/search/?query=atention%20sink&searchtype=all' },
      { label: 'Semantic Scholar', url: 'https://www.semanticscholar.org/search?q=atention%20sink' },
    ]);
  });
});

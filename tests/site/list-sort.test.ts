import { describe, expect, it } from 'vitest';
import { sortFromSearch, sortRows } from '../../src/site/list-sort.ts';

const row = (name: string, ranks: Record<string, string>) => ({ name, dataset: ranks as DOMStringMap });

describe('sortFromSearch', () => {
  it('reads a known sort from the query string, else reading order', () => {
    expect(sortFromSearch('?sort=title')).toBe('title');
    expect(sortFromSearch('?sort=noted&x=1')).toBe('noted');
    expect(sortFromSearch('?sort=rating')).toBe('reading');
    expect(sortFromSearch('')).toBe('reading');
  });
});

describe('sortRows', () => {
  const rows = [
    row('a', { rankTitle: '2', rankAdded: '0' }),
    row('b', { rankTitle: '0', rankAdded: '2', rankNoted: '1' }),
    row('c', { rankTitle: '1', rankAdded: '1', rankNoted: '0' }),
    row('d', { rankTitle: '3', rankAdded: '3' }),
  ];

  it('orders rows by the rank the build wrote for the chosen sort', () => {
    expect(sortRows(rows, 'title').map((r) => r.name)).toEqual(['b', 'c', 'a', 'd']);
    expect(sortRows(rows, 'added').map((r) => r.name)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('puts rows without a rank (no notes) after the rest, in their order', () => {
    expect(sortRows(rows, 'noted').map((r) => r.name)).toEqual(['c', 'b', 'a', 'd']);
    expect(rows.map((r) => r.name)).toEqual(['a', 'b', 'c', 'd']);
  });
});

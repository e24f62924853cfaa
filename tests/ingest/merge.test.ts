import { describe, expect, it } from 'vitest';
import { mergeListings, paperKey } from '../../src/ingest/merge.ts';
import type { Listing } from '../../src/ingest/parse.ts';

const listing = (title: string, dump: string, line: number, abstract = 'An abstract.'): Listing => ({ title, abstract, dump, line });

describe('paperKey', () => {
  it('is the same for titles that differ only in case or spacing', () => {
    expect(paperKey('Long  Context Scaling')).toBe(paperKey('long context scaling'));
    expect(paperKey('LongContext Scaling')).toBe(paperKey('Long Context\tScaling'));
    expect(paperKey('Ｌｏｎｇ Context')).toBe(paperKey('Long Context'));
  });

  it('differs for different titles', () => {
    expect(paperKey('Long-Context Scaling')).not.toBe(paperKey('Long Context Scaling'));
  });
});

describe('mergeListings', () => {
  it('merges listings of one paper across dumps and keeps every source in order', () => {
    const merged = mergeListings([listing('A Paper', 'a.txt', 3), listing('Other', 'a.txt', 7), listing('a  PAPER', 'b.txt', 11)]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ title: 'A Paper', sources: [{ dump: 'a.txt', line: 3 }, { dump: 'b.txt', line: 11 }] });
  });

  it('takes the title and the abstract from the first listing', () => {
    const merged = mergeListings([listing('A Paper', 'a.txt', 1, 'The first copy.'), listing('A paper', 'b.txt', 1, 'A longer second copy.')]);
    expect(merged[0].title).toBe('A Paper');
    expect(merged[0].abstract).toBe('The first copy.');
  });

  it('merges the real dumps into 327 distinct papers', async () => {
    const { loadPapersFromDumps } = await import('../../src/ingest/index.ts');
    const { papers, listings } = loadPapersFromDumps(new URL('../../content/dumps', import.meta.url).pathname);
    expect(listings).toHaveLength(417);
    expect(papers).toHaveLength(327);
    expect(papers.filter((paper) => paper.sources.length > 1).length).toBeGreaterThan(0);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arxivIdHint, emptyCache, HttpError, lookUp, mergeCitation, type PaperToEnrich } from '../../src/enrich/enrich.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/arxiv/${name}`, 'utf8');

const longrope: PaperToEnrich = { file: 'longrope.md', data: { title: 'LongRoPE: Extending LLM Context Window Beyond 2 Million Tokens' } };
const vineppo: PaperToEnrich = { file: 'vineppo.md', data: { title: 'VinePPO: Unlocking RL Potential For LLM Reasoning Through Refined Credit Assignment', year: 2025 } };
const absent: PaperToEnrich = { file: 'absent.md', data: { title: 'A Reading Group Memo Never Posted Anywhere' } };
const longrope2: PaperToEnrich = { file: 'longrope2.md', data: { title: 'LongRoPE2: Near-Lossless LLM Context Window Scaling', url: 'https://arxiv.org/abs/2502.20082v1' } };
const known: PaperToEnrich = { file: 'known.md', data: { title: 'Already Cited', arxiv: '2401.00001' } };

/** A fake arXiv that answers from the recorded responses and keeps the URLs asked for and when. */
function recorded(answer: (url: URL) => string) {
  const asked: { url: URL; at: number }[] = [];
  let clock = 0;
  return {
    asked,
    now: () => clock,
    sleep: async (ms: number) => {
      clock += ms;
    },
    fetchText: async (url: string) => {
      asked.push({ url: new URL(url), at: clock });
      return answer(new URL(url));
    },
  };
}

describe('mergeCitation', () => {
  it('adds authors, year and arxiv where the paper has none and never overwrites what a person wrote', () => {
    const found = { id: '2410.01679', title: 'VinePPO', authors: ['A B', 'C D'], year: 2024 };
    const { data, added } = mergeCitation({ title: 'VinePPO', year: 2025, venue: 'ICML 2025' }, found);
    expect(data).toEqual({ title: 'VinePPO', year: 2025, venue: 'ICML 2025', authors: ['A B', 'C D'], arxiv: '2410.01679' });
    expect(added).toEqual(['authors', 'arxiv']);
    expect(mergeCitation({ title: 'x', authors: ['Me'], year: 1, arxiv: 'y' }, found).added).toEqual([]);
  });

  it('reads an arXiv id from the paper’s own addresses', () => {
    expect(arxivIdHint(longrope2.data)).toBe('2502.20082');
    expect(arxivIdHint({ links: [{ label: 'PDF', url: 'https://arxiv.org/pdf/hep-th/9901001v2' }] })).toBe('hep-th/9901001');
    expect(arxivIdHint({ url: 'https://example.org/arxiv.org/abs/2401.01234' })).toBeUndefined();
  });
});

describe('lookUp', () => {
  it('asks by id, then by title in one batch, three seconds apart; accepts only equal titles', async () => {
    const api = recorded((url) => (url.searchParams.get('id_list') ? fixture('id-list.xml') : fixture('titles.xml')));
    const cache = emptyCache();
    const progress: number[] = [];
    const found = await lookUp({ papers: [longrope, vineppo, absent, longrope2, known], cache, ...api, onProgress: ({ done }) => progress.push(done) });
    expect([...found.keys()].sort()).toEqual(['longrope.md', 'longrope2.md', 'vineppo.md']);
    expect(found.get('vineppo.md')).toMatchObject({ id: '2410.01679', year: 2024 });
    expect(found.get('longrope2.md')?.authors).toHaveLength(8);
    // One id_list request, one request for the three titles; the paper with an arxiv id is not looked up.
    expect(api.asked.map(({ url }) => url.searchParams.get('id_list') ?? url.searchParams.get('search_query'))).toEqual([
      '2502.20082',
      'ti:"longrope extending llm context window beyond 2 million tokens" OR ti:"vineppo unlocking rl potential for llm reasoning through refined credit assignment" OR ti:"a reading group memo never posted anywhere"',
    ]);
    expect(api.asked[1].at - api.asked[0].at).toBeGreaterThanOrEqual(3000);
    expect(progress.at(-1)).toBe(4);
    // What arXiv has not is remembered too, so a second run asks nothing.
    expect(cache.titles['a reading group memo never posted anywhere']).toBeNull();
    const again = recorded(() => {
      throw new Error('no request expected');
    });
    const second = await lookUp({ papers: [longrope, vineppo, absent, longrope2], cache, ...again });
    expect(again.asked).toEqual([]);
    expect([...second.keys()].sort()).toEqual(['longrope.md', 'longrope2.md', 'vineppo.md']);
  });

  it('asks again one title at a time when arXiv had more answers than it sent', async () => {
    const api = recorded((url) => (url.searchParams.get('search_query')?.includes(' OR ') ? fixture('truncated.xml') : fixture('titles.xml')));
    const cache = emptyCache();
    const found = await lookUp({ papers: [longrope, absent], cache, ...api });
    expect(api.asked).toHaveLength(3);
    expect(found.has('longrope.md')).toBe(true);
    expect(cache.titles['a reading group memo never posted anywhere']).toBeNull();
  });

  it('retries a busy arXiv twice, then lets the error through with what was learnt in the cache', async () => {
    let calls = 0;
    const api = recorded((url) => {
      calls += 1;
      if (url.searchParams.get('id_list')) return fixture('id-list.xml');
      throw new HttpError(503, url.href);
    });
    const cache = emptyCache();
    await expect(lookUp({ papers: [longrope2, longrope], cache, ...api })).rejects.toThrow(/503/);
    expect(calls).toBe(4);
    expect(cache.ids['2502.20082']?.title).toBe('LongRoPE2: Near-Lossless LLM Context Window Scaling');
  });
});

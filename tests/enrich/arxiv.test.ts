import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idQuery, normaliseTitle, parseFeed, titleQuery } from '../../src/enrich/arxiv.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/arxiv/${name}`, 'utf8');

describe('normaliseTitle', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(normaliseTitle('LongRoPE: Extending LLM Context Window Beyond 2 Million\n  Tokens')).toBe(
      normaliseTitle('longrope — extending llm context-window beyond 2 million tokens'),
    );
    expect(normaliseTitle('Über Çafé')).toBe('uber cafe');
  });
});

describe('queries', () => {
  it('asks for several titles as phrases joined by OR, and for ids as an id_list', () => {
    const url = new URL(titleQuery(['LongRoPE: Extending', 'VinePPO "quoted"'], 'https://export.arxiv.org/api/query'));
    expect(url.searchParams.get('search_query')).toBe('ti:"longrope extending" OR ti:"vineppo quoted"');
    expect(url.searchParams.get('max_results')).toBe('10');
    expect(new URL(idQuery(['2402.13753', 'hep-th/9901001'])).searchParams.get('id_list')).toBe('2402.13753,hep-th/9901001');
  });
});

describe('parseFeed', () => {
  it('reads id without version, title on one line, authors in order and the year of the first version', () => {
    const { papers, total } = parseFeed(fixture('titles.xml'));
    expect(total).toBe(3);
    expect(papers[0]).toEqual({
      id: '2402.13753',
      title: 'LongRoPE: Extending LLM Context Window Beyond 2 Million Tokens',
      authors: ['Yiran Ding', 'Li Lyna Zhang', 'Chengruidong Zhang', 'Yuanyuan Xu', 'Ning Shang', 'Jiahang Xu', 'Fan Yang', 'Mao Yang'],
      year: 2024,
    });
    expect(papers.map((paper) => paper.id)).toEqual(['2402.13753', '1706.03762', '2410.01679']);
  });

  it('skips the Error entry arXiv sends for an unknown id, and says when an answer is not XML', () => {
    expect(parseFeed(fixture('id-error.xml')).papers).toEqual([]);
    expect(() => parseFeed('<html><body>Rate exceeded</body>')).toThrow(/without an Atom feed/);
  });
});

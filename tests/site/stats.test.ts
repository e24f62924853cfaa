import { describe, expect, it } from 'vitest';
import { keyPhrases, topicCounts, topicOverlap } from '../../src/site/stats.ts';

const papers = [
  { title: 'Long context scaling', abstract: 'We extend the long context window.', topics: ['lc'] },
  { title: 'Long context retrieval', abstract: 'Long context models read long documents.', topics: ['lc', 'cot'] },
  { title: 'Long chain of thought', abstract: 'Reasoning with a long chain of thought.', topics: ['cot'] },
  { title: 'Image classification', abstract: 'We classify images.', topics: [] },
];

describe('topicCounts', () => {
  it('counts papers per topic and those on none', () => {
    expect(topicCounts(papers, ['lc', 'cot'])).toEqual([
      { id: 'lc', count: 2 },
      { id: 'cot', count: 2 },
      { id: 'none', count: 1 },
    ]);
  });
});

describe('topicOverlap', () => {
  it('counts papers on both topics, with totals on the diagonal', () => {
    expect(topicOverlap(papers, ['lc', 'cot'])).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });
});

describe('keyPhrases', () => {
  it('puts the phrase shared by a topic and rare elsewhere first', () => {
    const phrases = keyPhrases(papers, ['lc', 'cot'], 3);
    expect(phrases.get('lc')![0]).toEqual({ phrase: 'long context', papers: 2 });
    expect(phrases.get('lc')!.map((entry) => entry.phrase)).not.toContain('context');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPapers } from '../../src/papers/load.ts';
import { relatedPrecision } from '../../src/related/evaluate.ts';
import { relatedInputs, relatedPapers } from '../../src/related/related.ts';
import { parseLabels, type Label } from '../../src/topics/evaluate.ts';

const label = (title: string, topics: string[]): Label => ({ title, topics, confidence: 'high', line: 2 });

describe('relatedPrecision', () => {
  const papers = [
    { id: 'a', title: 'Ring Attention' },
    { id: 'b', title: 'Blockwise  attention' },
    { id: 'c', title: 'World models' },
    { id: 'd', title: 'Not labelled' },
    { id: 'e', title: 'Unrelated' },
  ];
  const labels = [label('ring attention', ['long-context']), label('Blockwise Attention', ['long-context', 'long-cot']), label('World Models', []), label('Unrelated', [])];

  it('counts a labelled related paper as a hit when it shares a labelled topic, matching titles as eval:topics does', () => {
    const related = new Map([['a', [{ id: 'b' }, { id: 'c' }, { id: 'd' }]]]);
    const result = relatedPrecision(papers, related, labels);
    expect(result).toMatchObject({ judged: 2, shared: 1, precision: 0.5, empty: 1 });
    expect(result.misses).toEqual([{ title: 'Ring Attention', topics: ['long-context'], related: 'World models', relatedTopics: [] }]);
  });

  it('judges only papers labelled with a topic, and counts those left with no related paper (here ring and blockwise attention)', () => {
    const related = new Map([['c', [{ id: 'e' }]], ['e', [{ id: 'c' }]]]);
    expect(relatedPrecision(papers, related, labels)).toMatchObject({ judged: 0, precision: 1, empty: 2 });
  });
});

describe('related papers on the real content', () => {
  const root = join(import.meta.dirname, '../..');
  const papers = loadPapers(join(root, 'content/papers'), join(root, 'content/topics'), root);
  const labels = parseLabels(readFileSync(join(root, 'tests/fixtures/topic-labels-dev.tsv'), 'utf8'), 'topic-labels-dev.tsv');
  const related = relatedPapers(relatedInputs(papers));
  const result = relatedPrecision(papers.map((paper) => ({ id: paper.id, title: paper.data.title })), related, labels);

  it('share a labelled topic with the paper at least 85 % of the time on the dev labels', () => {
    expect(result.judged).toBeGreaterThan(200);
    expect(result.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('give every paper on a topic five related papers', () => {
    for (const paper of papers.filter((candidate) => candidate.data.topics.length > 0)) expect([paper.id, related.get(paper.id)?.length]).toEqual([paper.id, 5]);
  });
});

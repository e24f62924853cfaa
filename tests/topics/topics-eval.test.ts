// The topic rules measured on the hand-labelled dev set, over the real papers
// (`content/papers`, or the dumps before ingest has written them). Fails when
// the rules fall below the targets of issue 5.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLabels } from '../../src/topics/evaluate.ts';
import { loadTopics } from '../../src/topics/topics.ts';
import { evaluateTopics, readPapers } from '../../scripts/eval-topics.ts';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const LABELS = path('../fixtures/topic-labels-dev.tsv');

const TARGET = { macroF1: 0.92, exactMatch: 0.93, topicF1: 0.85 };

describe('evaluateTopics on the dev labels', () => {
  const topics = loadTopics(path('../../content/topics'));
  const labels = parseLabels(readFileSync(LABELS, 'utf8'), LABELS);
  const { papers } = readPapers(path('../../content/papers'), path('../../content/dumps'));
  const { evaluation, unmatched } = evaluateTopics(labels, papers, topics);
  const mistakes = evaluation.mistakes.map((c) => `${c.title}: expected ${c.expected.join(',') || 'none'}, got ${c.got.join(',') || 'none'}`);

  it('finds a paper for every labelled title', () => {
    expect(unmatched.map((label) => label.title)).toEqual([]);
  });

  it(`reaches a macro-F1 of ${TARGET.macroF1}`, () => {
    expect(evaluation.macroF1, mistakes.join('\n')).toBeGreaterThanOrEqual(TARGET.macroF1);
  });

  it(`gets the exact topic set right for ${TARGET.exactMatch * 100}% of papers`, () => {
    expect(evaluation.exactMatch, mistakes.join('\n')).toBeGreaterThanOrEqual(TARGET.exactMatch);
  });

  it(`keeps every topic at an F1 of ${TARGET.topicF1} or more`, () => {
    const low = evaluation.topics.filter((topic) => topic.f1 < TARGET.topicF1).map((topic) => `${topic.slug}: ${topic.f1.toFixed(3)}`);
    expect(low).toEqual([]);
  });
});

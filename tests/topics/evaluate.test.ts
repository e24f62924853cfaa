import { describe, expect, it } from 'vitest';
import { evaluate, normaliseTitle, parseLabels } from '../../src/topics/evaluate.ts';

describe('normaliseTitle', () => {
  it('lower-cases and collapses white space', () => {
    expect(normaliseTitle('  Long  Context\tIs\nNot Long ')).toBe('long context is not long');
  });
});

describe('parseLabels', () => {
  it('reads titles, topic lists, none and confidence', () => {
    const text = 'title\ttopics\tconfidence\nA paper\tlong-context, long-cot\thigh\n\nAnother\tnone\tlow\n';
    expect(parseLabels(text, 'labels.tsv')).toEqual([
      { title: 'A paper', topics: ['long-context', 'long-cot'], confidence: 'high', line: 2 },
      { title: 'Another', topics: [], confidence: 'low', line: 4 },
    ]);
  });

  it('finds the columns by their header, in any order', () => {
    const [label] = parseLabels('confidence\ttopics\ttitle\nlow\tlong-cot\tA paper\n', 'labels.tsv');
    expect(label).toMatchObject({ title: 'A paper', topics: ['long-cot'], confidence: 'low' });
  });

  it('names the file and line of a row without topics', () => {
    expect(() => parseLabels('title\ttopics\tconfidence\nFine\tnone\thigh\nBroken\t\thigh\n', 'labels.tsv')).toThrow(
      'labels.tsv:3: a row needs a title and topics',
    );
  });

  it('names a missing column', () => {
    expect(() => parseLabels('title\tconfidence\n', 'labels.tsv')).toThrow('labels.tsv:1: the header has no "topics" column');
  });
});

describe('evaluate', () => {
  const slugs = ['a', 'b'];

  it('computes precision, recall, F1 and support per topic', () => {
    const result = evaluate(
      [
        { title: '1', expected: ['a'], got: ['a'] },
        { title: '2', expected: ['a'], got: [] },
        { title: '3', expected: [], got: ['a'] },
        { title: '4', expected: ['a'], got: ['a'] },
      ],
      slugs,
    );
    expect(result.topics[0]).toEqual({
      slug: 'a',
      precision: 2 / 3,
      recall: 2 / 3,
      f1: 2 / 3,
      support: 3,
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 1,
    });
  });

  it('scores a topic nobody expected and nothing got as perfect', () => {
    const result = evaluate([{ title: '1', expected: ['a'], got: ['a'] }], slugs);
    expect(result.topics[1]).toMatchObject({ slug: 'b', precision: 1, recall: 1, f1: 1, support: 0 });
  });

  it('scores a topic that was expected but never got as F1 0', () => {
    const result = evaluate([{ title: '1', expected: ['b'], got: [] }], slugs);
    expect(result.topics[1]).toMatchObject({ precision: 1, recall: 0, f1: 0 });
  });

  it('averages F1 over topics and counts exact matches, none included', () => {
    const cases = [
      { title: 'right', expected: ['a', 'b'], got: ['b', 'a'] },
      { title: 'right none', expected: [], got: [] },
      { title: 'one too many', expected: ['a'], got: ['a', 'b'] },
      { title: 'missed', expected: ['b'], got: [] },
    ];
    const result = evaluate(cases, slugs);
    const [a, b] = result.topics;
    expect(result.macroF1).toBeCloseTo((a.f1 + b.f1) / 2);
    expect(result.exactMatch).toBe(0.5);
    expect(result.count).toBe(4);
    expect(result.mistakes.map((c) => c.title)).toEqual(['one too many', 'missed']);
  });
});

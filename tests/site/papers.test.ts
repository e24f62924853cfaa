import { describe, expect, it } from 'vitest';
import {
  compareTitles,
  hasNotes,
  papersByInitial,
  papersByTopic,
  papersWithNotes,
  sortByRecency,
  sortByTitle,
  sortTopics,
  topicReadingGroups,
  type PaperEntry,
} from '../../src/site/papers.ts';

function paper(id: string, topics: string[] = [], extra: Partial<PaperEntry['data']> & { body?: string } = {}): PaperEntry {
  const { body, ...data } = extra;
  return { id, body, data: { title: id, topics, ...data } };
}

const topics = [
  { id: 'long-cot', data: { title: 'Long chain-of-thought', order: 3 } },
  { id: 'long-context', data: { title: 'Long context', order: 1 } },
  { id: 'credit-assignment', data: { title: 'Credit assignment', order: 4 } },
  { id: 'test-time-adaptation', data: { title: 'Test-time adaptation', order: 2 } },
];

const ids = (list: PaperEntry[]) => list.map((entry) => entry.id);

describe('hasNotes', () => {
  it('is true only for a body with text in it', () => {
    expect(hasNotes(paper('a', [], { body: 'Read §3.' }))).toBe(true);
    expect(hasNotes(paper('a', [], { body: ' \n\n ' }))).toBe(false);
    expect(hasNotes(paper('a'))).toBe(false);
  });
});

describe('compareTitles', () => {
  it('ignores case and leading punctuation and orders numbers by value', () => {
    const titles = ['b', 'Apple', '"A quoted"', 'Top 10', 'Top 9'].sort(compareTitles);
    expect(titles).toEqual(['"A quoted"', 'Apple', 'b', 'Top 9', 'Top 10']);
  });
});

describe('sortByTitle', () => {
  it('sorts by title without changing the input', () => {
    const input = [paper('zeta'), paper('Alpha'), paper('beta')];
    expect(ids(sortByTitle(input))).toEqual(['Alpha', 'beta', 'zeta']);
    expect(ids(input)).toEqual(['zeta', 'Alpha', 'beta']);
  });
});

describe('sortTopics', () => {
  it('orders topics by their order field', () => {
    expect(sortTopics(topics).map((topic) => topic.id)).toEqual([
      'long-context',
      'test-time-adaptation',
      'long-cot',
      'credit-assignment',
    ]);
  });
});

describe('papersByTopic', () => {
  it('lists each paper under every topic it has, by title, and every topic even when empty', () => {
    const byTopic = papersByTopic([paper('b', ['long-cot']), paper('a', ['long-cot', 'long-context']), paper('c')], topics);
    expect(ids(byTopic.get('long-cot')!)).toEqual(['a', 'b']);
    expect(ids(byTopic.get('long-context')!)).toEqual(['a']);
    expect(byTopic.get('credit-assignment')).toEqual([]);
  });
});

describe('papersWithNotes', () => {
  it('keeps papers with notes, highest rating then latest note first, otherwise in the given order', () => {
    const list = [
      paper('plain'),
      paper('b-unrated', [], { body: 'x' }),
      paper('a-unrated', [], { body: 'x' }),
      paper('rated-3', [], { body: 'x', rating: 3 }),
      paper('rated-5', [], { body: 'x', rating: 5 }),
      paper('rated-3-later', [], { body: 'x', rating: 3, noted: new Date('2025-05-01') }),
    ];
    expect(ids(papersWithNotes(list))).toEqual(['rated-5', 'rated-3-later', 'rated-3', 'b-unrated', 'a-unrated']);
  });
});

describe('topicReadingGroups', () => {
  const list = [
    paper('plain b', ['long-cot']),
    paper('plain a', ['long-cot']),
    paper('noted', ['long-cot', 'credit-assignment'], { body: 'Worth it.' }),
    paper('bridge credit', ['long-cot', 'credit-assignment']),
    paper('bridge context', ['long-context', 'long-cot', 'credit-assignment']),
    paper('elsewhere', ['long-context']),
  ];

  it('puts notes first, then bridges to other topics in topic order, then the rest; each paper once', () => {
    const groups = topicReadingGroups(list, 'long-cot', topics);
    expect(groups.map((group) => [group.id, group.heading, ids(group.papers)])).toEqual([
      ['notes', 'With notes', ['noted']],
      ['also-long-context', 'Also on Long context', ['bridge context']],
      ['also-credit-assignment', 'Also on Credit assignment', ['bridge credit']],
      ['only', 'Only on this topic', ['plain a', 'plain b']],
    ]);
  });

  it('orders papers within a group by centrality, then title', () => {
    const score: Record<string, number> = { 'plain b': 5, 'plain a': 1 };
    const groups = topicReadingGroups(list, 'long-cot', topics, (entry) => score[entry.id] ?? 0);
    expect(ids(groups.at(-1)!.papers)).toEqual(['plain b', 'plain a']);
  });

  it('leaves out empty groups and is empty for a topic without papers', () => {
    expect(topicReadingGroups(list, 'test-time-adaptation', topics)).toEqual([]);
    const groups = topicReadingGroups([paper('x', ['long-context'])], 'long-context', topics);
    expect(groups.map((group) => group.id)).toEqual(['only']);
  });
});

describe('papersByInitial', () => {
  it('groups by first letter, with digits and symbols under # first', () => {
    const groups = papersByInitial([paper('beta'), paper('1B LLM'), paper('alpha'), paper('"Quoted"'), paper('Bravo')]);
    expect(groups.map((group) => [group.initial, ids(group.papers)])).toEqual([
      ['#', ['1B LLM']],
      ['A', ['alpha']],
      ['B', ['beta', 'Bravo']],
      ['Q', ['"Quoted"']],
    ]);
  });
});

describe('sortByRecency', () => {
  const paper = (title: string, dump: string, line: number) => ({ id: title, data: { title, topics: [], sources: [{ dump, line }] } });
  const day = (date: string) => new Date(`${date}T00:00:00Z`);

  it('puts the newest first; on the same date the newest dump first, in the dump’s order, then by title', () => {
    const items = [
      { paper: paper('Old', '003_c.txt', 1), date: day('2024-01-01') },
      { paper: paper('B', '001_a.txt', 5), date: day('2026-01-01') },
      { paper: paper('C', '002_b.txt', 9), date: day('2026-01-01') },
      { paper: paper('D', '002_b.txt', 3), date: day('2026-01-01') },
      { paper: paper('A', '001_a.txt', 5), date: day('2026-01-01') },
    ];
    expect(sortByRecency(items).map((item) => item.paper.data.title)).toEqual(['D', 'C', 'A', 'B', 'Old']);
    expect(items[0]!.paper.data.title).toBe('Old');
  });
});

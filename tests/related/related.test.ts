import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePaperFile } from '../../src/papers/frontmatter.ts';
import { countTerms, relatedPapers, tokenize } from '../../src/related/related.ts';

const paper = (id: string, title: string, abstract: string) => ({ id, title, abstract });

describe('tokenize', () => {
  it('lower-cases, drops stopwords, numbers and one-letter words, and folds plain plurals', () => {
    expect(tokenize('We propose RoPE scaling for 128 Contexts and a model')).toEqual(['rope', 'scaling', 'context']);
  });

  it('keeps non-ASCII words', () => {
    expect(tokenize('Überlange Kontexte α-scaling')).toEqual(['überlange', 'kontexte', 'scaling']);
  });
});

describe('countTerms', () => {
  it('counts words and adjacent word pairs, each text as many times as it weighs', () => {
    const { terms, counts, termCount, documentFrequency, termText } = countTerms([
      [['Long context windows', 2], ['long context', 1]],
      [['context windows', 1]],
    ]);
    const counted = (document: number) =>
      Object.fromEntries([...terms[document]].map((term, index) => [termText(term), counts[document][index]]));
    expect(counted(0)).toEqual({ long: 3, context: 3, window: 2, 'long context': 3, 'context window': 2 });
    expect(counted(1)).toEqual({ context: 1, window: 1, 'context window': 1 });
    expect(termCount).toBe(5);
    const frequency = Object.fromEntries(Array.from({ length: termCount }, (_, term) => [termText(term), documentFrequency[term]]));
    expect(frequency).toEqual({ long: 1, context: 2, window: 2, 'long context': 1, 'context window': 2 });
  });

  it('makes no pair across two texts of a document', () => {
    const { terms, termText } = countTerms([[['ring attention', 1], ['sparse retrieval', 1]]]);
    expect([...terms[0]].map(termText).sort()).toEqual(['attention', 'retrieval', 'ring', 'ring attention', 'sparse', 'sparse retrieval']);
  });
});

describe('relatedPapers', () => {
  const papers = [
    paper('rope', 'Rotary position embeddings for long context', 'We extend rotary position embeddings to long context windows.'),
    paper('yarn', 'Position interpolation for long context windows', 'Interpolating rotary position embeddings extends the context window.'),
    paper('tta', 'Entropy minimisation for test-time adaptation', 'Test-time adaptation under distribution shift with entropy minimisation.'),
    paper('tent', 'Test-time adaptation by entropy', 'Adapting batch norm at test time under distribution shift.'),
    paper('prm', 'Process reward models', 'Step-level rewards for reasoning chains.'),
  ];

  it('ranks the paper on the same subject first', () => {
    const related = relatedPapers(papers, { count: 2 });
    expect(related.get('rope')![0].id).toBe('yarn');
    expect(related.get('tta')![0].id).toBe('tent');
  });

  it('never relates a paper to itself and keeps at most `count`', () => {
    for (const [id, list] of relatedPapers(papers, { count: 2 })) {
      expect(list.map((item) => item.id)).not.toContain(id);
      expect(list.length).toBeLessThanOrEqual(2);
    }
  });

  it('gives nothing for a paper that shares no word with any other', () => {
    expect(relatedPapers(papers).get('prm')).toEqual([]);
  });

  it('lists papers that share a topic before closer wording on another topic', () => {
    const onTopics = [
      { ...paper('kv', 'Memory for long context: KV cache eviction', 'Evicting cached keys keeps memory small over long context windows.'), topics: ['long-context'] },
      { ...paper('world', 'Memory for world models', 'A world model with memory of long context windows and episodes.'), topics: [] },
      { ...paper('snap', 'Compressing the KV cache', 'Cache compression for long inputs.'), topics: ['long-context'] },
    ];
    expect(relatedPapers(onTopics).get('kv')!.map((item) => item.id)).toEqual(['snap', 'world']);
    // Without topics, the words decide.
    expect(relatedPapers(onTopics.map(({ topics, ...rest }) => rest)).get('kv')![0].id).toBe('world');
  });

  it('ranks papers sharing more of the topics higher among those sharing one', () => {
    const text = 'Process rewards assign credit to reasoning steps.';
    const related = relatedPapers([
      { ...paper('p', 'Step rewards for long reasoning', text), topics: ['long-cot', 'credit-assignment'] },
      { ...paper('one', 'Step rewards for long reasoning', text), topics: ['long-cot'] },
      { ...paper('both', 'Step rewards for long reasoning', text), topics: ['credit-assignment', 'long-cot'] },
    ]);
    expect(related.get('p')!.map((item) => item.id)).toEqual(['both', 'one']);
    // The score stays the cosine of the words.
    expect(related.get('p')!.map((item) => item.score)).toEqual([1, 1]);
  });

  it('is deterministic', () => {
    expect(relatedPapers(papers)).toEqual(relatedPapers([...papers]));
  });

  it('on the real papers, mostly relates papers that share a topic', () => {
    const dir = join(import.meta.dirname, '../../content/papers');
    const real = readdirSync(dir).map((file) => {
      const { data, body } = parsePaperFile(readFileSync(join(dir, file), 'utf8'));
      return { id: file, title: String(data.title), abstract: String(data.abstract), notes: body, topics: data.topics as string[] };
    });
    const byId = new Map(real.map((item) => [item.id, item]));
    const related = relatedPapers(real);
    let shared = 0;
    let total = 0;
    for (const item of real.filter((candidate) => candidate.topics.length > 0)) {
      const list = related.get(item.id)!;
      expect(list).toHaveLength(5);
      for (const { id } of list) {
        total += 1;
        if (byId.get(id)!.topics.some((topic) => item.topics.includes(topic))) shared += 1;
      }
    }
    expect(shared / total).toBeGreaterThan(0.65);
  });
});

import { describe, expect, it } from 'vitest';
import { readPaperFiles } from '../../src/ingest/io.ts';
import { searchedText } from '../../src/search/search-records.ts';
import { countPaperWords, parseVocabulary, vocabularyJson, vocabularyWords } from '../../src/search/search-vocabulary.ts';

describe('vocabularyWords', () => {
  it('lists distinct words as the index compares them, without short words and bare numbers', () => {
    expect([...vocabularyWords('Test-Time Adaptation: test-time minimisation of entropy, in 2024 (Café) of a KV cache')]).toEqual([
      'test', 'time', 'adaptation', 'minimisation', 'entropy', 'cafe', 'cache',
    ]);
  });
});

describe('vocabularyJson and parseVocabulary', () => {
  it('counts papers per word, commonest first, and reads back what it writes', () => {
    const counts = new Map<string, number>();
    countPaperWords(counts, 'Attention sinks. Attention again.');
    countPaperWords(counts, 'Sparse attention.');
    const json = vocabularyJson(counts);
    expect(Object.keys(JSON.parse(json).words)).toEqual(['attention', 'again', 'sinks', 'sparse']);
    expect(parseVocabulary(json)).toEqual(new Map([['attention', 2], ['again', 1], ['sinks', 1], ['sparse', 1]]));
  });

  it('leaves out the rarest words a whole count at a time past the limit', () => {
    const counts = new Map([['common', 9], ['twice', 2], ['again', 2], ['once', 1], ['alone', 1]]);
    expect(Object.keys(JSON.parse(vocabularyJson(counts, 3)).words)).toEqual(['common', 'again', 'twice']);
    expect(Object.keys(JSON.parse(vocabularyJson(counts, 2)).words)).toEqual(['common']);
  });

  it('says which file is wrong when it is not a vocabulary', () => {
    expect(() => parseVocabulary('{"counts": {}}')).toThrow('vocabulary.json has no "words" object');
  });

  it('holds every word of the real list in one file of a few tens of KiB', () => {
    const { papers } = readPaperFiles('content/papers');
    const counts = new Map<string, number>();
    for (const paper of papers) {
      countPaperWords(counts, searchedText({ slug: paper.slug, title: String(paper.data.title), abstract: String(paper.data.abstract), topics: [], body: paper.body }));
    }
    const words = parseVocabulary(vocabularyJson(counts));
    expect(words.get('attention')).toBeGreaterThan(50);
    expect(words.get('sink')).toBeGreaterThan(0);
    expect(vocabularyJson(counts).length).toBeLessThan(100 * 1024);
  });
});

import { describe, expect, it } from 'vitest';
import { FrontmatterError, parsePaperFile, stringifyPaperFile } from '../../src/papers/frontmatter.ts';

describe('parsePaperFile', () => {
  it('keeps date-like and number-like strings as written', () => {
    const { data } = parsePaperFile("---\ntitle: 2024-01-02\nnoted: 2025-03-01\n---\n");
    expect(data.title).toBe('2024-01-02');
    expect(data.noted).toBe('2025-03-01');
  });

  it('reports broken YAML with the line in the file', () => {
    const text = '---\ntitle: A\nabstract: "unclosed\ntopics: []\n---\n';
    expect(() => parsePaperFile(text)).toThrow(FrontmatterError);
    try {
      parsePaperFile('---\ntitle: A\ntopics: [a\nabstract: x\n---\n');
    } catch (error) {
      expect((error as FrontmatterError).line).toBeGreaterThanOrEqual(3);
      expect((error as FrontmatterError).line).toBeLessThanOrEqual(5);
    }
  });

  it('rejects a file without frontmatter', () => {
    expect(() => parsePaperFile('just notes\n')).toThrow(/does not start with a "---"/);
  });
});

describe('stringifyPaperFile', () => {
  it('round-trips a file byte for byte, body included', () => {
    const text = stringifyPaperFile({ data: { title: 'A: B', topics: ['x'], status: 'read' }, body: '\n## Notes\n\nNo final newline' });
    const parsed = parsePaperFile(text);
    expect(stringifyPaperFile(parsed)).toBe(text);
    expect(parsed.body).toBe('\n## Notes\n\nNo final newline');
  });

  it('puts ingest fields first and keeps people fields in their order', () => {
    const text = stringifyPaperFile({ data: { zeta: 1, sources: [], title: 'T', alpha: 2, topics: [] }, body: '' });
    expect(text.split('\n').filter((line) => /^\w/.test(line)).map((line) => line.split(':')[0])).toEqual(['title', 'topics', 'sources', 'zeta', 'alpha']);
  });

  it('quotes text that YAML would misread', () => {
    const data = { title: 'No: colons # or hashes', abstract: '- a list? no\n\nsecond paragraph', topics: [] };
    expect(parsePaperFile(stringifyPaperFile({ data, body: '' })).data).toEqual(data);
  });
});

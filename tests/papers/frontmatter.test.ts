import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FrontmatterError, paperBody, parsePaperFile, stringifyPaperFile } from '../../src/papers/frontmatter.ts';

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

describe('paperBody', () => {
  it('gives the body parsePaperFile gives, for every real and fixture paper file', () => {
    const dirs = ['content/papers', 'tests/fixtures/site/content/papers'];
    let files = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => /\.mdx?$/.test(entry))) {
        const text = readFileSync(join(dir, name), 'utf8');
        expect(paperBody(text), name).toBe(parsePaperFile(text).body);
        files += 1;
      }
    }
    expect(files).toBeGreaterThan(300);
  });

  it('keeps the body byte for byte: line ends, a rule that looks like a fence, a missing final newline', () => {
    for (const [text, body] of [
      ["---\ntitle: 'A'\n---\nNotes *here*.\n", 'Notes *here*.\n'],
      ["---\r\ntitle: 'A'\r\n---\r\n\r\nCRLF notes", '\r\nCRLF notes'],
      ["---\ntitle: 'A'\n---\nOne\n\n---\n\nTwo", 'One\n\n---\n\nTwo'],
      ["---\ntitle: 'A'\n---", ''],
      ["---\ntitle: 'A'\n---\n", ''],
    ] as const) {
      expect(paperBody(text)).toBe(body);
      expect(parsePaperFile(text).body).toBe(body);
    }
    expect(paperBody('Just notes.')).toBe('Just notes.');
  });
});

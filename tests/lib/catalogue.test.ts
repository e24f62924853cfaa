import { describe, expect, it } from 'vitest';
import { csvField, CSV_COLUMNS, toCsv } from '../../src/lib/catalogue.ts';
import type { CatalogueEntry } from '../../src/schema.ts';

const entry: CatalogueEntry = {
  id: 'a-paper',
  url: '/papers/a-paper/',
  title: 'A "Quoted", Comma Title',
  abstract: 'Line one.\n\nLine two.',
  topics: ['long-context', 'long-cot'],
  sources: [{ dump: 'a.txt', line: 3 }],
  status: null,
  tags: [],
  rating: 4,
  links: [{ label: 'Code', url: 'https://github.com/x/y' }],
  notes: '',
  related: ['b', 'c'],
};

describe('csvField', () => {
  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('toCsv', () => {
  it('writes a header and one row per paper, lists joined with "; "', () => {
    const csv = toCsv([entry]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(row.startsWith('a-paper,/papers/a-paper/,"A ""Quoted"", Comma Title",long-context; long-cot,,4,,a.txt:3,https://github.com/x/y,b; c,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

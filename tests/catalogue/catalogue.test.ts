import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { catalogueJson, csvField, csvRows, CSV_COLUMNS, spreadsheetText, streamedResponse } from '../../src/catalogue/catalogue.ts';
import type { Catalogue, CatalogueEntry } from '../../src/papers/schema.ts';

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
  authors: ['Ada Lovelace'],
  year: 2024,
  venue: null,
  arxiv: '2402.13753',
  doi: null,
  notes: '',
  related: ['b', 'c'],
};

describe('csvField', () => {
  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+2')).toBe('"\'=1+2"');
  });
});

describe('spreadsheetText', () => {
  it("puts a ' before text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return), and leaves the rest", () => {
    for (const value of ['=1+2 Formula Title Study', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://evil.example","x")']) {
      expect(spreadsheetText(value)).toBe(`'${value}`);
    }
    for (const value of ['Plain', ' =1', "'=1", 'a=1', '1+2', '', 'https://x.org/?a=-1']) expect(spreadsheetText(value)).toBe(value);
  });
});

describe('csvRows', () => {
  it('reads back with a CSV parser as the catalogue\'s values, every formula neutralised and every cell intact', () => {
    const hostile: CatalogueEntry = {
      ...entry,
      id: 'hostile',
      title: '=1+2 Formula Title Study',
      abstract: '@SUM(1+1)*cmd|\' /C calc\'!A0, "quoted"\r\nand lines',
      tags: ['-minus', '+plus'],
      notes: '\t=tabbed',
      links: [{ label: 'x', url: 'https://x.org/?q="a,b"' }],
    };
    const rows: string[][] = parse([...csvRows([entry, hostile])].join(''), { relaxQuotes: false });
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const cell = (row: string[], column: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(column)];
    expect(cell(rows[1]!, 'title')).toBe('A "Quoted", Comma Title');
    expect(cell(rows[1]!, 'abstract')).toBe('Line one.\n\nLine two.');
    expect(cell(rows[2]!, 'title')).toBe("'=1+2 Formula Title Study");
    expect(cell(rows[2]!, 'abstract')).toBe('\'@SUM(1+1)*cmd|\' /C calc\'!A0, "quoted"\r\nand lines');
    expect(cell(rows[2]!, 'tags')).toBe("'-minus; +plus");
    expect(cell(rows[2]!, 'notes')).toBe("'\t=tabbed");
    expect(cell(rows[2]!, 'links')).toBe('https://x.org/?q="a,b"');
    // No cell a spreadsheet would evaluate.
    for (const row of rows) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });


  it('writes a header and one row per paper, lists joined with "; "', () => {
    const csv = [...csvRows([entry])].join('');
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(row.startsWith('a-paper,/papers/a-paper/,"A ""Quoted"", Comma Title",long-context; long-cot,,4,,a.txt:3,https://github.com/x/y,b; c,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // One piece per row, so a long list is never one string.
    expect([...csvRows([entry, entry])]).toHaveLength(3);
  });
});

describe('catalogueJson', () => {
  it('writes exactly what JSON.stringify writes, a piece per paper', () => {
    const head = { version: 1, generated: '2026-11-24T00:00:00.000Z', topics: [{ id: 'long-cot', title: 'Long CoT', description: 'Say "why".' }] };
    for (const papers of [[], [entry], [entry, { ...entry, id: 'b', title: 'Ünïcode — ≥ 2 \u2028 lines' }]]) {
      const catalogue = { ...head, papers } as Catalogue;
      const pieces = [...catalogueJson(catalogue)];
      expect(pieces.join('')).toBe(JSON.stringify(catalogue));
      expect(pieces).toHaveLength(papers.length + 2);
    }
  });
});

describe('streamedResponse', () => {
  it('encodes the pieces as one UTF-8 body, across batches, with the content type', async () => {
    // Over a megabyte of multi-byte text, so the body comes in several batches.
    const pieces = Array.from({ length: 3000 }, (_, index) => `${index}: ${'ünïcode ≥ 🙂 '.repeat(40)}\n`);
    const response = streamedResponse(pieces, 'text/csv; charset=utf-8');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });

  it('gives an empty body for no pieces', async () => {
    expect(await streamedResponse([], 'text/plain').text()).toBe('');
  });
});

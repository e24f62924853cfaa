import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, spreadsheetText } from '../../src/catalogue/catalogue.ts';
import { catalogueSchema } from '../../src/papers/schema.ts';
import { builds, readPapers } from './builds.ts';

describe.each(builds)('the catalogue of the $name build', (build) => {
  const papers = readPapers(build);
  const json = JSON.parse(readFileSync(join(build.outDir, 'papers.json'), 'utf8'));

  it('follows the documented schema and lists every paper with its topics', () => {
    const catalogue = catalogueSchema.parse(json);
    expect(catalogue.papers.map((entry) => entry.id).sort()).toEqual(papers.map((paper) => paper.slug).sort());
    for (const paper of papers) {
      const entry = catalogue.papers.find((candidate) => candidate.id === paper.slug)!;
      expect(entry.title).toBe(paper.data.title);
      expect(entry.topics).toEqual(paper.data.topics);
      expect([entry.authors, entry.year, entry.arxiv, entry.doi]).toEqual([paper.data.authors ?? [], paper.data.year ?? null, paper.data.arxiv ?? null, paper.data.doi ?? null]);
      expect(entry.url.endsWith(`${build.base}papers/${paper.slug}/`)).toBe(true);
    }
  });

  it('publishes the JSON Schema it follows', () => {
    const schema = JSON.parse(readFileSync(join(build.outDir, 'papers.schema.json'), 'utf8'));
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(schema.properties.papers.items.properties)).toEqual(Object.keys(json.papers[0]));
  });

  it('writes the same papers as CSV, one row each', () => {
    const rows: string[][] = parse(readFileSync(join(build.outDir, 'papers.csv'), 'utf8'));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((row) => row[0]).sort()).toEqual(papers.map((paper) => paper.slug).sort());
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(CSV_COLUMNS.length);
      const entry = json.papers.find((candidate: { id: string }) => candidate.id === row[0]);
      expect(row[2]).toBe(spreadsheetText(entry.title));
      expect(row[CSV_COLUMNS.indexOf('abstract')]).toBe(spreadsheetText(entry.abstract));
      for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

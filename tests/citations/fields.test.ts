import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { latestYear } from '../../src/citations/fields.ts';
import { formatDiagnostic } from '../../src/ingest/diagnostics.ts';
import { checkContent } from '../../src/papers/check.ts';
import { makeWorkspace, ROOT } from '../ingest/helpers.ts';

let ws: ReturnType<typeof makeWorkspace>;
let name: string;
const path = () => join(ws.out, name);
/** The paper file with these lines added to its frontmatter, then `npm run check`'s errors. */
const checkWith = async (lines: string) => {
  writeFileSync(path(), readFileSync(path(), 'utf8').replace(/^---\n/, `---\n${lines}\n`));
  return (await checkContent({ dumps: ws.dumps, papers: ws.out, topics: ws.topics })).errors.map(formatDiagnostic);
};

beforeEach(() => {
  ws = makeWorkspace();
  cpSync(join(ROOT, 'content/papers'), ws.out, { recursive: true });
  name = readdirSync(ws.out).sort()[0];
});

describe('citation fields in npm run check', () => {
  it('accepts authors, year, venue, both styles of arXiv id, a DOI and web addresses', async () => {
    for (const arxiv of ['2401.01234', '2401.01234v2', '0704.0001', 'hep-th/9901001', 'math.GT/0309136v1']) {
      expect(await checkWith(`authors:\n  - Ada Lovelace\nyear: ${latestYear()}\nvenue: NeurIPS 2024\narxiv: '${arxiv}'\ndoi: 10.1145/3292500.3330701\nurl: https://example.org/p\npdf: https://example.org/p.pdf`)).toEqual([]);
      cpSync(join(ROOT, 'content/papers', name), path());
    }
  });

  it('names the file, the field and the fix for each malformed value', async () => {
    const errors = await checkWith(
      `arxiv: 'arXiv:2401.01234'\ndoi: https://doi.org/10.1/x\nyear: ${latestYear() + 1}\nurl: javascript:alert(1)\npdf: ftp://example.org/p.pdf\nauthors: []`,
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        `${path()}: arxiv: "arXiv:2401.01234" is not an arXiv id (write it as 2401.01234 (optionally with a version, 2401.01234v2) or hep-th/9901001, without "arXiv:" or a URL)`,
        `${path()}: doi: "https://doi.org/10.1/x" is not a DOI (write it as 10.1234/abc.5678, without "https://doi.org/")`,
        `${path()}: year: must be a year from 1900 to ${latestYear()} (write the year the paper first appeared, e.g. 2024)`,
        `${path()}: url: "javascript:alert(1)" is not an http(s) address or a path on this site (write the paper’s own page in full, starting with https://)`,
        `${path()}: pdf: "ftp://example.org/p.pdf" is not an http(s) address or a path on this site (write a direct link to the PDF in full, starting with https://)`,
        expect.stringMatching(new RegExp(`^${path()}: authors: list at least one author`)),
      ]),
    );
    expect(errors).toHaveLength(6);
    cpSync(join(ROOT, 'content/papers', name), path());
    expect(await checkWith('year: 1899')).toEqual([`${path()}: year: must be a year from 1900 to ${latestYear()} (write the year the paper first appeared, e.g. 2024)`]);
  });
});

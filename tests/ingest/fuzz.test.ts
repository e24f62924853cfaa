/**
 * Seeded fuzz test of ingest → check → what the build makes of the papers, over generated hostile
 * listings and hand edits (see tests/support/hostile.ts). For every case: no exception but the
 * documented ones escapes, no note is lost, a second run changes no byte, every problem is reported
 * as a diagnostic naming the file, and no payload leaves its field in any output: the paper files read
 * back as the dumps say, the CSV has no formula, the JSON parses to the same text, the search documents
 * and links carry no markup or scheme. The components' HTML gets the same check in tests/components/fuzz.test.ts.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { catalogueEntry, catalogueJson, csvRows } from '../../src/catalogue/catalogue.ts';
import { IngestError } from '../../src/ingest/diagnostics.ts';
import { runIngest } from '../../src/ingest/index.ts';
import { mergeListings } from '../../src/ingest/merge.ts';
import { parseDump } from '../../src/ingest/parse.ts';
import { checkContent } from '../../src/papers/check.ts';
import { checkNotes } from '../../src/papers/safe-notes.ts';
import { parsePaperFile, updatePaperFile } from '../../src/papers/frontmatter.ts';
import { loadPapers, PaperFilesError, type Paper } from '../../src/papers/load.ts';
import type { CatalogueEntry } from '../../src/papers/schema.ts';
import { isWebUrl } from '../../src/papers/web-url.ts';
import { searchDocument } from '../../src/search/search-records.ts';
import { linkHref } from '../../src/site/urls.ts';
import { hostileAbstract, hostileDump, hostileNote, hostileTitle, hostileUrl, PAYLOADS, random, type Random, unsafeHtml } from '../support/hostile.ts';
import { tempDir } from '../support/temp-dir.ts';
import { ROOT, snapshot } from './helpers.ts';

const CASES = 240;
const SEED = 20_260_501;

/** A case's folders: one temp root, the real topic rules. */
function workspace(root: string, index: number) {
  const base = join(root, String(index));
  const ws = { dumps: join(base, 'dumps'), out: join(base, 'papers'), topics: join(base, 'topics') };
  mkdirSync(ws.dumps, { recursive: true });
  cpSync(join(ROOT, 'content/topics'), ws.topics, { recursive: true });
  return ws;
}

interface Edits {
  /** Edits that leave the content valid: the whole pipeline must pass. */
  valid: boolean;
  /** Files whose content a person made invalid: the check must name each. */
  broken: Set<string>;
  /** Files added by hand, with the title and abstract a person wrote. */
  byHand: Map<string, { title: string; abstract: string }>;
}

/** Edits a few files as people do, through the same YAML a person could type (JSON-quoted values). */
function editByHand(r: Random, out: string): Edits {
  const edits: Edits = { valid: true, broken: new Set(), byHand: new Map() };
  const names = readdirSync(out).sort();
  for (const name of names) {
    const path = join(out, name);
    const text = readFileSync(path, 'utf8');
    const roll = r.next();
    if (roll < 0.25) writeFileSync(path, text + hostileNote(r));
    else if (roll < 0.4) {
      // People's fields, written by hand after ingest's, with a comment.
      const { url, safe } = hostileUrl(r);
      const fields = `status: ${r.pick(['read', 'to-read'])}  # ${r.pick(PAYLOADS).replace(/\n/g, ' ')}\nrating: ${1 + r.int(5)}\ntags: ${JSON.stringify([r.pick(PAYLOADS)])}\nlinks:\n  - label: ${JSON.stringify(r.pick(PAYLOADS))}\n    url: ${JSON.stringify(url)}\nmy_field: ${JSON.stringify(r.pick(PAYLOADS))}\n`;
      writeFileSync(path, text.replace(/\n---\n/, `\n${fields}---\n`) + hostileNote(r));
      if (!safe) [edits.valid, edits.broken] = [false, edits.broken.add(name)];
    } else if (roll < 0.5) {
      // A title changed by hand, in a file that may have a -2 name; ingest sets it back.
      writeFileSync(path, updatePaperFile(text, { title: hostileTitle(r) }) + hostileNote(r));
    } else if (roll < 0.55) {
      // An unclosed quote: the check and ingest must name this file and line.
      writeFileSync(path, text.replace(/^title: (.*)$/m, (_, title: string) => `title: '${title.replace(/^'|'$/g, '').replace(/'/g, '')}`));
      [edits.valid, edits.broken] = [false, edits.broken.add(name)];
    } else if (roll < 0.6 && !name.endsWith('.mdx')) {
      renameSync(path, path.replace(/\.md$/, '.mdx'));
      writeFileSync(path.replace(/\.md$/, '.mdx'), `${text}\nexport const n = 2;\n\nMDX notes: {n} of them.\n`);
    }
  }
  for (let added = r.int(3); added > 0; added -= 1) {
    const name = `by-hand-${added}.md`;
    const paper = { title: hostileTitle(r), abstract: hostileAbstract(r) };
    writeFileSync(join(out, name), `---\n# added by hand\ntitle: ${JSON.stringify(paper.title)}\nabstract: ${JSON.stringify(paper.abstract)}\n---\n${hostileNote(r)}`);
    edits.byHand.set(name, paper);
  }
  return edits;
}

/** The bodies of every paper file, by name: the notes, which nothing may lose. */
function notesOf(out: string): Map<string, string> {
  return new Map(readdirSync(out).filter((name) => /\.mdx?$/.test(name)).map((name) => [name, readFileSync(join(out, name), 'utf8').replace(/^[\s\S]*?\n---\r?\n/, '')]));
}

/** The catalogue rows as the site makes them (`getCatalogueEntries`), from loaded papers. */
function catalogueEntries(papers: readonly Paper[]): CatalogueEntry[] {
  return papers.map((paper) => catalogueEntry(paper, `/papers/${paper.id}/`, []));
}

/** Asserts that the build's outputs for `papers` keep every payload as text. */
function expectOutputsSafe(papers: readonly Paper[], label: string): void {
  const entries = catalogueEntries(papers);
  const rows: string[][] = parseCsv([...csvRows(entries)].join(''));
  expect(rows, label).toHaveLength(entries.length + 1);
  for (const row of rows) for (const cell of row) expect(cell, label).not.toMatch(/^[=+\-@\t\r]/);
  const json = JSON.parse([...catalogueJson({ version: 1, generated: '', topics: [], papers: entries })].join(''));
  expect(json.papers, label).toEqual(JSON.parse(JSON.stringify(entries)));
  for (const paper of papers) {
    const document = searchDocument({ slug: paper.id, title: paper.data.title, abstract: paper.data.abstract, topics: paper.data.topics, body: paper.body }, new Map());
    const root = parseHtml(document.content);
    expect(unsafeHtml(root), label).toEqual([]);
    expect(root.querySelector('h1')!.text, label).toBe(paper.data.title);
    for (const link of paper.data.links ?? []) {
      expect(isWebUrl(link.url), label).toBe(true);
      expect(linkHref(link.url), label).toMatch(/^(?:https?:\/\/|\/(?!\/))/i);
    }
  }
}

describe('ingest → check → build, fuzzed', () => {
  it(`holds for ${CASES} seeded cases of hostile listings and hand edits`, { timeout: 120_000 }, async () => {
    const root = tempDir('fuzz');
    const tally = { valid: 0, invalid: 0, byHand: 0, ingestStopped: 0 };
    for (let index = 0; index < CASES; index += 1) {
      const r = random(SEED + index);
      const label = `case ${index} (seed ${SEED + index})`;
      const ws = workspace(root, index);
      const dump = hostileDump(r, 2 + r.int(6));
      writeFileSync(join(ws.dumps, '000_hostile.txt'), dump.text);
      const run = () => runIngest({ ...ws, threads: 1 });

      // A first run on hostile listings: every distinct paper gets a file whose title reads back as the dump's.
      const first = await run();
      const expected = mergeListings(parseDump(dump.text, '000_hostile.txt').listings);
      const files = readdirSync(ws.out);
      expect(files, label).toHaveLength(expected.length);
      expect(first.new, label).toBe(expected.length);
      const titles = files.map((name) => parsePaperFile(readFileSync(join(ws.out, name), 'utf8')).data.title).sort();
      expect(titles, label).toEqual(expected.map((paper) => paper.title).sort());
      expect((await checkContent({ ...ws, papers: ws.out })).errors, label).toEqual([]);

      const edits = editByHand(r, ws.out);
      tally.byHand += edits.byHand.size;
      const notes = notesOf(ws.out);
      const before = snapshot(ws.out);

      // Only IngestError may escape, and then nothing is written.
      let second;
      try {
        second = await run();
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        expect(edits.valid, `${label}: ${error.message}`).toBe(false);
        expect(error.diagnostics.every((problem) => [...edits.broken].some((name) => problem.file.endsWith(name))), `${label}: ${error.message}`).toBe(true);
        expect(snapshot(ws.out), label).toEqual(before);
        tally.ingestStopped += 1;
      }
      // No note is lost, nor a file; the papers added by hand keep their title and abstract.
      expect(notesOf(ws.out), label).toEqual(notes);
      for (const [name, paper] of edits.byHand) {
        if (second) expect(parsePaperFile(readFileSync(join(ws.out, name), 'utf8')).data, label).toMatchObject(paper);
      }

      const check = await checkContent({ ...ws, papers: ws.out, runMdx: true });
      const build = await checkContent({ papers: ws.out, topics: ws.topics, runMdx: true });
      if (edits.valid) {
        tally.valid += 1;
        expect(second, label).toBeDefined();
        // The pull request's check fails only on what sanitizing takes out of the hostile notes; the build only warns of it.
        const removals = checkNotes(readdirSync(ws.out).map((name) => join(ws.out, name))).errors;
        expect(check.errors, label).toEqual(removals);
        expect(build.errors, label).toEqual([]);
        // A run after that changes no byte.
        const after = snapshot(ws.out);
        expect(await run(), label).toMatchObject({ new: 0, updated: 0 });
        expect(snapshot(ws.out), label).toEqual(after);
        const papers = loadPapers(ws.out, ws.topics, ws.out);
        expect(papers, label).toHaveLength(readdirSync(ws.out).length);
        expectOutputsSafe(papers, label);
      } else {
        tally.invalid += 1;
        // Each broken file is named by the check and by the build's check, which stops the build before Astro.
        for (const name of edits.broken) {
          expect(check.errors.some((problem) => problem.file.endsWith(name)), `${label}: ${name}`).toBe(true);
          expect(build.errors.some((problem) => problem.file.endsWith(name)), `${label}: ${name}`).toBe(true);
        }
        expect(() => loadPapers(ws.out, ws.topics, ws.out), label).toThrow(PaperFilesError);
      }
      for (const problem of [...check.errors, ...build.errors]) expect(problem.file.startsWith(ws.out), label).toBe(true);
    }
    // The generator reached every kind of case.
    expect(tally.valid).toBeGreaterThan(CASES / 4);
    expect(tally.invalid).toBeGreaterThan(CASES / 10);
    expect(tally.byHand).toBeGreaterThan(CASES / 2);
    expect(tally.ingestStopped).toBeGreaterThan(0);
  });
});

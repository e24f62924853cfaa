import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { baseKey, bibliography, bibtexEntry, bibtexKeys, bibtexText, familyName, type Citable } from '../../src/citations/bibtex.ts';
import { readPaperFiles } from '../../src/ingest/io.ts';

const lovelace: Citable = {
  id: 'analytical-engine-notes',
  title: 'The Analytical Engine: Notes on {Babbage}’s 50% & $5 #1 machine_x ~ ^ \\ end',
  authors: ['Ada Lovelace', 'Babbage, Charles'],
  year: 1843 + 181,
  page: 'https://lab.example.org/papers/analytical-engine-notes/',
};

describe('keys', () => {
  it('takes the first author’s family name, the year and the first word of the title that is not a stop word', () => {
    expect(baseKey(lovelace)).toBe('lovelace2024analytical');
    expect(baseKey({ id: 'x', title: 'On the Łódź Effect', authors: ['Łukasz Müller-Šimić'], year: 2020 })).toBe('mullersimic2020lodz');
    expect(familyName('Babbage, Charles')).toBe('Babbage');
  });

  it('uses the slug when authors or year are unknown', () => {
    expect(baseKey({ id: 'some-slug', title: 'A Title', year: 2024 })).toBe('some-slug');
    expect(baseKey({ id: 'some-slug', title: 'A Title', authors: ['A B'] })).toBe('some-slug');
  });

  it('gives papers sharing a key a, b, … in the order of their ids, whatever order they come in', () => {
    const twin = (id: string) => ({ id, title: 'Analytical results', authors: ['Ada Lovelace'], year: 2024 });
    const one = bibtexKeys([twin('z-paper'), twin('a-paper'), { id: 'other', title: 'Other', authors: ['B C'], year: 2024 }]);
    const two = bibtexKeys([twin('a-paper'), { id: 'other', title: 'Other', authors: ['B C'], year: 2024 }, twin('z-paper')]);
    expect(one.get('a-paper')).toBe('lovelace2024analyticala');
    expect(one.get('z-paper')).toBe('lovelace2024analyticalb');
    expect(one.get('other')).toBe('c2024other');
    expect(two).toEqual(one);
  });
});

describe('bibtexEntry', () => {
  it('escapes LaTeX’s special characters and keeps braces balanced', () => {
    expect(bibtexText('50% & $5 #1 a_b ~ ^ \\ {x}')).toBe(
      '50\\% \\& \\$5 \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textbraceleft{}x\\textbraceright{}',
    );
    expect(bibtexText('<b>a|b</b>')).toBe('\\textless{}b\\textgreater{}a\\textbar{}b\\textless{}/b\\textgreater{}');
    expect(bibtexText("LOGO -- Long ``quoted''")).toBe("LOGO -{}- Long `{}`quoted'{}'");
    const { entries, errors } = parse(bibtexEntry(lovelace, 'lovelace2024analytical'), { english: false });
    expect(errors).toEqual([]);
    expect(entries[0].fields.title).toBe('The Analytical Engine: Notes on {Babbage}’s 50% & $5 #1 machine_x ~ ^ \\ end');
    expect(entries[0].fields.author).toEqual([
      { firstName: 'Ada', lastName: 'Lovelace' },
      { firstName: 'Charles', lastName: 'Babbage' },
    ]);
  });

  it('points an arXiv paper at its abstract page and a paper without citation data at its page here', () => {
    const arxiv = bibtexEntry({ ...lovelace, arxiv: '2402.13753' }, 'k');
    expect(arxiv).toContain('eprint        = {2402.13753}');
    expect(arxiv).toContain('url           = {https://arxiv.org/abs/2402.13753}');
    const bare = bibtexEntry({ id: 'x', title: 'Only a title', page: '/papers/x/' }, 'x');
    expect(bare.startsWith('@misc{x,')).toBe(true);
    expect(bare).toContain('url   = {/papers/x/}');
  });
});

describe('a bibliography of the real papers', () => {
  it('reads back in a BibTeX parser: one entry per paper, unique keys, the titles as written', () => {
    const { papers } = readPaperFiles('content/papers');
    const citable = papers.map((paper) => ({ id: paper.slug, title: paper.data.title as string, page: `https://lab.example.org/papers/${paper.slug}/` }));
    const bib = [...bibliography(citable)].join('');
    // english: false reads titles as written, rather than sentence-casing them as Zotero's import does.
    const { entries, errors } = parse(bib, { english: false });
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(papers.length);
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(papers.length);
    const titles = new Map(citable.map((paper) => [paper.id, paper.title.replace(/\s+/g, ' ').trim()]));
    for (const entry of entries) expect(entry.fields.title).toBe(titles.get(entry.key));
  });
});

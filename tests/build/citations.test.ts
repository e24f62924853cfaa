import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { builds, fixtureSite, readPage, readPapers, readTopics } from './builds.ts';

const meta = (page: ReturnType<typeof readPage>, name: string) => page.querySelectorAll(`meta[name="${name}"]`).map((tag) => tag.getAttribute('content'));

describe.each(builds)('citations in the $name build', (build) => {
  const papers = readPapers(build);
  // english: false reads titles back as written (Zotero's import would sentence-case them).
  const bib = parse(readFileSync(join(build.outDir, 'papers.bib'), 'utf8'), { english: false });

  it('/papers.bib holds one entry per paper, with unique keys, that a BibTeX parser reads without error', () => {
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(papers.length);
    expect(new Set(bib.entries.map((entry) => entry.key)).size).toBe(papers.length);
    expect(new Set(bib.entries.map((entry) => entry.fields.title))).toEqual(new Set(papers.map((paper) => paper.data.title.replace(/\s+/g, ' ').trim())));
  });

  it('each topic’s papers.bib holds its papers, with the keys /papers.bib gives them', () => {
    const keys = new Map(bib.entries.map((entry) => [entry.fields.title, entry.key]));
    for (const topic of readTopics(build).keys()) {
      const topicBib = parse(readFileSync(join(build.outDir, 'topics', topic, 'papers.bib'), 'utf8'), { english: false });
      expect(topicBib.errors).toEqual([]);
      const titles = papers.filter((paper) => paper.data.topics.includes(topic)).map((paper) => paper.data.title.replace(/\s+/g, ' ').trim());
      expect(topicBib.entries.map((entry) => entry.fields.title).sort()).toEqual(titles.sort());
      for (const entry of topicBib.entries) expect(entry.key).toBe(keys.get(entry.fields.title));
    }
  });

  it('every paper page carries citation_title and citation_abstract, JSON-LD that parses, and the Cite block of its /papers.bib entry', () => {
    const byTitle = new Map(bib.entries.map((entry) => [entry.fields.title, entry]));
    for (const paper of papers) {
      const page = readPage(build, `papers/${paper.slug}/`);
      const title = paper.data.title.replace(/\s+/g, ' ').trim();
      expect(meta(page, 'citation_title')).toEqual([title]);
      if (paper.data.abstract.trim()) expect(meta(page, 'citation_abstract')).toHaveLength(1);
      const ld = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent);
      expect(ld).toMatchObject({ '@type': 'ScholarlyArticle', name: title });
      const cite = page.querySelector('.cite pre.bibtex')!.textContent;
      expect(cite).toContain(`{${byTitle.get(title)!.key},`);
    }
  });
});

describe('a paper with citation data (fixture)', () => {
  const page = readPage(fixtureSite, 'papers/rated-with-links/');

  it('has Highwire tags for Zotero: one citation_author per author, date, ids and the arXiv PDF', () => {
    expect(meta(page, 'citation_author')).toEqual(['Zoë Zebra-Ünal', 'Brace {Curly}, Jr.', 'Third Author']);
    expect(meta(page, 'citation_publication_date')).toEqual(['2024']);
    expect(meta(page, 'citation_arxiv_id')).toEqual(['2409.01234']);
    expect(meta(page, 'citation_doi')).toEqual(['10.18653/v1/2024.findings-x.1']);
    expect(meta(page, 'citation_pdf_url')).toEqual(['https://arxiv.org/pdf/2409.01234']);
    expect(meta(page, 'citation_abstract_html_url')).toEqual(['https://lab.example.org/shelf/papers/rated-with-links/']);
  });

  it('shows authors, year and venue under the title, with arXiv and PDF links', () => {
    const byline = page.querySelector('.paper-header .byline')!;
    expect(byline.querySelector('.authors')!.textContent.trim()).toBe('Zoë Zebra-Ünal, Brace {Curly}, Jr., Third Author');
    expect(byline.textContent).toContain('2024 · Findings of ACL & EMNLP 2024');
    expect(byline.querySelectorAll('a').map((link) => link.getAttribute('href'))).toEqual([
      'https://arxiv.org/abs/2409.01234',
      'https://arxiv.org/pdf/2409.01234',
      'https://doi.org/10.18653/v1/2024.findings-x.1',
    ]);
  });

  it('cites it as BibTeX with an author-year key, read back intact by a parser', () => {
    const { entries, errors } = parse(page.querySelector('.cite pre.bibtex')!.textContent, { english: false });
    expect(errors).toEqual([]);
    expect(entries[0]).toMatchObject({ type: 'article', key: 'zebraunal2024zebra' });
    expect(entries[0].fields).toMatchObject({ journal: 'Findings of ACL & EMNLP 2024', eprint: '2409.01234', year: '2024' });
    expect(entries[0].fields.author).toHaveLength(3);
    const ld = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent);
    expect(ld.author.map((author: { name: string }) => author.name)).toEqual(['Zoë Zebra-Ünal', 'Brace {Curly}, Jr.', 'Third Author']);
  });
});

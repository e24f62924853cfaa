import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanTeX, documentTitle, MAX_DOCUMENT_TITLE } from '../../src/site/text.ts';
import { builds, listFiles, readListPages, readPage, readPapers, readTopics } from './builds.ts';

const paperPages = (outDir: string) =>
  listFiles(join(outDir, 'papers'))
    .map((file) => file.slice(outDir.length + 1))
    .filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))
    .sort();

describe.each(builds)('paper pages of the $name', (build) => {
  it('are one page per paper file, named by its slug, and nothing else', () => {
    const slugs = readPapers(build).map((paper) => `papers/${paper.slug}/index.html`).sort();
    expect(paperPages(build.outDir)).toEqual(slugs);
  });

  it('each hold the whole paper title as the only h1, in a page of the site layout, and a tab title of at most 70 characters', () => {
    let cut = 0;
    for (const paper of readPapers(build)) {
      const page = readPage(build, `papers/${paper.slug}/`);
      const title = paper.data.title.replace(/\s+/g, ' ').trim();
      expect(page.querySelectorAll('h1').map((h1) => h1.text.trim())).toEqual([title]);
      expect(page.querySelector('header.site-header')).not.toBeNull();
      const tab = page.querySelector('title')!.text;
      expect(tab.length, paper.path).toBeLessThanOrEqual(MAX_DOCUMENT_TITLE);
      expect(tab, paper.path).toBe(documentTitle(title));
      if (`${title} · Shelf`.length <= MAX_DOCUMENT_TITLE) expect(tab, paper.path).toBe(`${title} · Shelf`);
      else {
        cut += 1;
        expect(title.startsWith(tab.replace(/… · Shelf$/, '')), paper.path).toBe(true);
      }
    }
    if (build.name === 'site') expect(cut).toBeGreaterThan(0);
  });

  it('are all precached by the service worker or none is, never a page that does not exist', () => {
    const sw = readFileSync(join(build.outDir, 'sw.js'), 'utf8');
    const listed = [...sw.matchAll(/url:"(papers\/[^"/]+\/index\.html)"/g)].map((match) => match[1]!);
    const pages = new Set(paperPages(build.outDir));
    for (const url of listed) expect(pages.has(url), url).toBe(true);
    expect([0, pages.size]).toContain(listed.length);
  });
});

describe.each(builds)('the parts of each paper page of the $name', (build) => {
  const papers = readPapers(build);

  it('describe the page with the first 160 characters of the abstract', () => {
    for (const paper of papers) {
      const page = readPage(build, `papers/${paper.slug}/`);
      const description = page.querySelector('meta[name="description"]')!.getAttribute('content')!;
      const abstract = cleanTeX(paper.data.abstract.replace(/\s+/g, ' ').trim());
      expect(description.length, paper.path).toBeLessThanOrEqual(161);
      if (abstract) expect(abstract.startsWith(description.replace(/…$/, '').trimEnd()), paper.path).toBe(true);
    }
  });

  it('have a labelled notes section, its text in .prose, exactly when the file has notes', () => {
    for (const paper of papers) {
      const page = readPage(build, `papers/${paper.slug}/`);
      const notes = page.querySelector('section.notes');
      if (paper.body.trim() === '') {
        expect(notes, paper.path).toBeNull();
        continue;
      }
      expect(notes?.getAttribute('aria-labelledby'), paper.path).toBe('notes');
      expect(notes!.querySelector('h2#notes')!.text.trim()).toBe('Notes');
      expect(notes!.querySelector('div.prose')!.text.trim().length, paper.path).toBeGreaterThan(0);
    }
  });

  it('say what each link to the paper is, and name each dump as code', () => {
    for (const paper of papers) {
      const page = readPage(build, `papers/${paper.slug}/`);
      for (const item of page.querySelectorAll('[aria-labelledby="find"] li')) {
        expect(item.text.trim(), paper.path).toMatch(/^(Code: |Project: |Search )\S/);
        expect(item.querySelectorAll('a'), paper.path).toHaveLength(1);
      }
      const dumps = page.querySelectorAll('[aria-labelledby="sources"] li code').map((code) => code.text);
      expect(dumps, paper.path).toEqual((paper.data.sources as { dump: string }[]).map((source) => source.dump));
    }
  });

  it('list related papers as linked h3 titles without excerpts', () => {
    let seen = 0;
    for (const paper of papers) {
      const related = readPage(build, `papers/${paper.slug}/`).querySelector('section.related ul.paper-list');
      if (!related) continue;
      seen += 1;
      for (const item of related.querySelectorAll(':scope > li')) {
        expect(item.querySelector('h3.paper-title > a[href]'), paper.path).not.toBeNull();
        expect(item.querySelector('.excerpt'), paper.path).toBeNull();
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe.each(builds)('the order of each paper page of the $name', (build) => {
  const papers = readPapers(build);

  it('puts title, topics and the way to the paper first, notes before the abstract, and folds the curators’ detail', () => {
    for (const paper of papers) {
      const article = readPage(build, `papers/${paper.slug}/`).querySelector('main article')!;
      const header = article.querySelector(':scope > header')!;
      const parts = header.childNodes.filter((node) => node.nodeType === 1).map((node) => (node as typeof header).tagName.toLowerCase());
      // Authors, year and venue (a div) sit right under the title when the paper has them.
      const byline = ['authors', 'year', 'venue', 'arxiv', 'doi', 'url', 'pdf'].some((field) => paper.data[field] !== undefined) ? ['div'] : [];
      expect(parts.slice(0, 3 + byline.length), paper.path).toEqual(['h1', ...byline, paper.data.topics.length ? 'ul' : 'p', 'section']);
      expect(header.querySelector('section.find h2')?.text, paper.path).toBe('Read the paper');
      const order = article.querySelectorAll(':scope > section, :scope > nav, :scope > aside').map((node) => node.classList.value[0]);
      const expected = [...(paper.body.trim() ? ['notes'] : []), 'abstract', 'cite'];
      expect(order.slice(0, expected.length), paper.path).toEqual(expected);
      expect(order.at(-1), paper.path).toBe('paper-aside');
      // Dumps, lines and scores are inside a closed details element, after the edit link.
      const details = article.querySelector('aside details.curation')!;
      expect(details.hasAttribute('open'), paper.path).toBe(false);
      expect(details.querySelector('[aria-labelledby="sources"]'), paper.path).not.toBeNull();
      expect(details.querySelector('[aria-labelledby="why"]'), paper.path).not.toBeNull();
      expect(article.querySelectorAll('[aria-labelledby="sources"], [aria-labelledby="why"]').every((node) => node.closest('details') === details)).toBe(true);
    }
  });

  it('links each paper to the papers before and after it on each of its topics, in the topic page’s order', () => {
    const href = (slug: string) => `${build.base}papers/${slug}/`;
    for (const [topic] of readTopics(build)) {
      const order = readListPages(build, `topics/${topic}/`).flatMap((page) => page.querySelectorAll('main .paper-title a').map((a) => a.getAttribute('href')!));
      order.forEach((current, index) => {
        const slug = current.split('/').at(-2)!;
        const nav = readPage(build, `papers/${slug}/`)
          .querySelectorAll('nav.neighbours')
          .find((candidate) => candidate.querySelector('p a')?.getAttribute('href') === `${build.base}topics/${topic}/`);
        if (order.length === 1) return expect(nav, slug).toBeUndefined();
        expect(nav?.querySelector('.previous a')?.getAttribute('href'), `${topic}: ${slug}`).toBe(order[index - 1]);
        expect(nav?.querySelector('.next a')?.getAttribute('href'), `${topic}: ${slug}`).toBe(order[index + 1]);
      });
      expect(order.every((link) => papers.some((paper) => href(paper.slug) === link))).toBe(true);
    }
  });
});

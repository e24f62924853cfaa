import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builds, listFiles, readPage, readPapers } from './builds.ts';

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

  it('each hold the paper title as the only h1, in a page of the site layout', () => {
    for (const paper of readPapers(build)) {
      const page = readPage(build, `papers/${paper.slug}/`);
      expect(page.querySelectorAll('h1').map((h1) => h1.text.trim())).toEqual([paper.data.title.replace(/\s+/g, ' ').trim()]);
      expect(page.querySelector('header.site-header')).not.toBeNull();
      expect(page.querySelector('title')!.text).toBe(`${paper.data.title.replace(/\s+/g, ' ').trim()} · Shelf`);
    }
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
      const abstract = paper.data.abstract.replace(/\s+/g, ' ').trim();
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

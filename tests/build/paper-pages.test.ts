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

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_TITLE } from '../../src/site/text.ts';
import { builds, listFiles, readPage, readPapers, readTopics } from './builds.ts';

describe.each(builds)('crawler and preview tags of the $name build', (build) => {
  const papers = readPapers(build);
  const topics = readTopics(build);
  const pages = listFiles(build.outDir)
    .filter((file) => file.endsWith('.html') && !file.includes('/pagefind/'))
    .map((file) => file.slice(build.outDir.length + 1));
  const meta = (page: ReturnType<typeof readPage>, key: string) =>
    page.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

  it('gives every page Open Graph and Twitter card tags with its title and description, and a tab title of at most 70 characters', () => {
    for (const path of pages) {
      const page = readPage(build, path);
      const description = meta(page, 'description');
      expect(description, path).toBeTruthy();
      expect(meta(page, 'og:description'), path).toBe(description);
      expect(meta(page, 'twitter:description'), path).toBe(description);
      expect(meta(page, 'og:title'), path).toBeTruthy();
      expect(meta(page, 'twitter:title'), path).toBe(meta(page, 'og:title'));
      expect(meta(page, 'twitter:card'), path).toBe('summary');
      expect(meta(page, 'og:type'), path).toBe(/^papers\/(?!page\/)[^/]+\/index\.html$/.test(path) ? 'article' : 'website');
      expect(page.querySelector('title')!.text.length, path).toBeLessThanOrEqual(MAX_DOCUMENT_TITLE);
    }
    // The shared title is the paper's whole title, as in its h1.
    const paper = readPage(build, `papers/${papers[0]!.slug}/`);
    expect(meta(paper, 'og:title')).toBe(paper.querySelector('h1')!.text.trim());
  });

  it('keeps the 404 and offline pages out of search engines, and only those', () => {
    for (const path of pages) {
      const noindex = readPage(build, path).querySelector('meta[name="robots"]')?.getAttribute('content');
      expect([path, noindex], path).toEqual([path, ['404.html', 'offline/index.html'].includes(path) ? 'noindex' : undefined]);
    }
  });

  it('gives every search form a submit button (WCAG H32)', () => {
    for (const path of pages) {
      for (const form of readPage(build, path).querySelectorAll('form')) {
        expect(form.querySelector('button[type="submit"], input[type="submit"]'), path).not.toBeNull();
        expect(form.querySelector('button[type="submit"]')?.text.trim(), path).toBe('Search');
      }
    }
  });

  it.runIf(build.site)('links each page to its canonical address, its og:url, under the site URL and the base', () => {
    for (const path of pages.filter((file) => !['404.html', 'offline/index.html'].includes(file))) {
      const page = readPage(build, path);
      const expected = `${build.site}${build.base}${path.replace(/index\.html$/, '')}`;
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href'), path).toBe(expected);
      expect(meta(page, 'og:url'), path).toBe(expected);
      expect(meta(page, 'og:image'), path).toBe(`${build.site}${build.base}icons/icon-512.png`);
    }
  });

  it.runIf(build.site)('has a sitemap of every paper and topic page under the site URL and base, named in robots.txt', () => {
    const robots = readFileSync(join(build.outDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${build.site}${build.base}sitemap-index.xml`);
    const parser = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
    const index = parser.parse(readFileSync(join(build.outDir, 'sitemap-index.xml'), 'utf8'));
    const urls = index.sitemapindex.sitemap.flatMap((entry: { loc: string }) => {
      expect(entry.loc.startsWith(`${build.site}${build.base}`)).toBe(true);
      const file = join(build.outDir, entry.loc.slice(`${build.site}${build.base}`.length));
      return parser.parse(readFileSync(file, 'utf8')).urlset.url.map((url: { loc: string }) => url.loc);
    });
    const root = `${build.site}${build.base}`;
    for (const paper of papers) expect(urls, paper.slug).toContain(`${root}papers/${paper.slug}/`);
    for (const topic of topics.keys()) expect(urls, topic).toContain(`${root}topics/${topic}/`);
    expect(urls).toContain(root);
    for (const hidden of ['offline/', 'search/', '404/']) expect(urls).not.toContain(`${root}${hidden}`);
  });

  it.runIf(!build.site)('without a site URL has no sitemap, no canonical or og:url links, and a robots.txt without a Sitemap line', () => {
    expect(existsSync(join(build.outDir, 'sitemap-index.xml'))).toBe(false);
    expect(readFileSync(join(build.outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    for (const path of pages) {
      const page = readPage(build, path);
      expect(page.querySelector('link[rel="canonical"]'), path).toBeNull();
      expect(meta(page, 'og:url'), path).toBeUndefined();
    }
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanTeX, paragraphs } from '../../src/site/text.ts';
import { builds, readListPages, readPage, readPapers } from './builds.ts';

describe.each(builds)('paper pages of the $name build', (build) => {
  const papers = readPapers(build);

  it('has a page for every paper file and no other paper pages', () => {
    const pages = readdirSync(join(build.outDir, 'papers'), { withFileTypes: true })
      // papers/page/ holds the list's later pages (papers/page/2/…), not a paper.
      .filter((entry) => entry.isDirectory() && existsSync(join(build.outDir, 'papers', entry.name, 'index.html')))
      .map((entry) => entry.name);
    expect(papers.length).toBeGreaterThan(0);
    expect(pages.sort()).toEqual(papers.map((paper) => paper.slug).sort());
  });

  it('shows each paper’s title and abstract as text, as in the file, with TeX leftovers made readable', () => {
    for (const paper of papers) {
      const page = readPage(build, `papers/${paper.slug}/`);
      expect(page.querySelector('h1')?.text, paper.path).toBe(paper.data.title);
      const shown = page.querySelectorAll('.abstract p').map((p) => p.text);
      const expected = paragraphs(cleanTeX(paper.data.abstract));
      expect(shown, paper.path).toEqual(expected.length ? expected : ['No abstract in the dumps.']);
    }
  });

  it('links each paper to the file it came from, with its real extension', () => {
    for (const paper of papers) {
      const page = readPage(build, `papers/${paper.slug}/`);
      const edit = page.querySelectorAll('a').find((a) => a.text === 'Edit this page');
      expect(edit?.getAttribute('href'), paper.path).toBe(`${build.repoUrl}/edit/main/${paper.path}`);
    }
  });

  it('renders no TeX leftover such as "40times" or "times100" in an abstract', () => {
    const leftovers: string[] = [];
    for (const paper of papers) {
      const text = readPage(build, `papers/${paper.slug}/`).querySelector('.abstract')!.text;
      for (const match of text.matchAll(/\S*(?:\dtimes\b|\btimes\d|\bsim\d|mathcal\{|\^\{)\S*/g)) leftovers.push(`${paper.path}: ${match[0]}`);
    }
    expect(leftovers).toEqual([]);
  });

  it('lists every dump and line a paper came from', () => {
    for (const paper of papers) {
      const page = readPage(build, `papers/${paper.slug}/`);
      const listed = page.querySelectorAll('[aria-labelledby="sources"] li').map((li) => li.text);
      const sources = paper.data.sources as { dump: string; line: number }[];
      expect(listed, paper.path).toEqual(sources.map((source) => `${source.dump}, line ${source.line}`));
    }
  });

  it('lists every paper on the all-papers pages', () => {
    const listed = readListPages(build, 'papers/').flatMap((page) => page.querySelectorAll('main .paper-title a').map((a) => a.getAttribute('href')));
    expect(listed.sort()).toEqual(papers.map((paper) => `${build.base}papers/${paper.slug}/`).sort());
  });

  it('has a home page, a search page and a 404 page', () => {
    for (const file of ['index.html', 'search/index.html', '404.html']) {
      expect(existsSync(join(build.outDir, file)), file).toBe(true);
    }
  });
});

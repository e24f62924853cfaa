import { describe, expect, it } from 'vitest';
import { relatedInputs, relatedPapers } from '../../src/related/related.ts';
import { readPage, readPapers, realSite } from './builds.ts';

describe('related papers on the paper pages of the site build', () => {
  const papers = readPapers(realSite);
  const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
  // As the build computes them: title, abstract, notes as text, and the paper's topics.
  const expected = relatedPapers(relatedInputs(papers.map((paper) => ({ id: paper.slug, body: paper.body, data: paper.data }))));
  const shown = (slug: string) =>
    readPage(realSite, `papers/${slug}/`)
      .querySelectorAll('section[aria-labelledby="related"] .paper-title a')
      .map((a) => a.getAttribute('href')!);

  it('shows up to five related papers under a "Related papers" heading, most similar first', () => {
    for (const paper of papers) {
      const page = readPage(realSite, `papers/${paper.slug}/`);
      expect(page.querySelector('#related')?.text, paper.path).toBe('Related papers');
      const links = shown(paper.slug);
      expect(links.length, paper.path).toBeLessThanOrEqual(5);
      expect(links, paper.path).toEqual(expected.get(paper.slug)!.map(({ id }) => `${realSite.base}papers/${id}/`));
    }
  });

  it('fills all five places for nearly every paper', () => {
    const full = papers.filter((paper) => shown(paper.slug).length === 5).length;
    expect(full / papers.length).toBeGreaterThan(0.95);
  });

  it('mostly relates papers that share a topic', () => {
    let shared = 0;
    let total = 0;
    for (const paper of papers.filter((candidate) => candidate.data.topics.length > 0)) {
      for (const href of shown(paper.slug)) {
        const other = bySlug.get(href.split('/').at(-2)!)!;
        total += 1;
        if (other.data.topics.some((topic) => paper.data.topics.includes(topic))) shared += 1;
      }
    }
    expect(shared / total).toBeGreaterThan(0.65);
  });
});

import { describe, expect, it } from 'vitest';
import { relatedPapers } from '../../src/related/related.ts';
import { notesText } from '../../src/site/text.ts';
import { readPage, readPapers, realSite } from './builds.ts';

describe('related papers on the paper pages of the site build', () => {
  const papers = readPapers(realSite);
  const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
  const expected = relatedPapers(
    papers.map((paper) => ({ id: paper.slug, title: paper.data.title, abstract: paper.data.abstract, notes: notesText(paper.body) })),
  );
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

import { describe, expect, it } from 'vitest';
import { builds, readListPages, readPage, readPapers, readTopics } from './builds.ts';

describe.each(builds)('topic pages of the $name build', (build) => {
  const papers = readPapers(build);
  const topics = readTopics(build);

  it('lists exactly the papers whose frontmatter has the topic, each once', () => {
    for (const [slug] of topics) {
      const inLists = readListPages(build, `topics/${slug}/`).flatMap((page) =>
        page.querySelectorAll('main .paper-title a').map((a) => a.getAttribute('href')),
      );
      const expected = papers.filter((paper) => paper.data.topics.includes(slug)).map((paper) => paper.slug);
      expect(new Set(inLists).size, `${slug}: a paper listed twice`).toBe(inLists.length);
      expect(inLists.sort(), slug).toEqual(expected.map((paper) => `${build.base}papers/${paper}/`).sort());
    }
  });

  it('says how many papers the topic has, on the topic page and on the home page', () => {
    const home = readPage(build, '');
    for (const [slug, title] of topics) {
      const count = papers.filter((paper) => paper.data.topics.includes(slug)).length;
      const card = home.querySelectorAll('.topic-cards li').find((li) => li.querySelector('h3')?.text === title);
      expect(card?.querySelector('.count')?.text, slug).toMatch(new RegExp(`^${count} papers?\\b`));
      expect(readPage(build, `topics/${slug}/`).querySelector('main')!.text, slug).toContain(
        `${count} ${count === 1 ? 'paper' : 'papers'} on this topic`,
      );
    }
  });

  it('lists the papers with notes on the home page', () => {
    const home = readPage(build, '');
    const section = home.querySelectorAll('main .paper-title a').map((a) => a.getAttribute('href'));
    const noted = papers.filter((paper) => paper.body.trim()).map((paper) => `${build.base}papers/${paper.slug}/`);
    expect(section.sort()).toEqual(noted.sort());
  });
});

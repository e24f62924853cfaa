import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTitles } from '../../src/site/papers.ts';
import { phrasePattern } from '../../src/site/row-lines.ts';
import { cleanTeX, noteFirstLine } from '../../src/site/text.ts';
import { loadTopics } from '../../src/topics/topics.ts';
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

describe.each(builds)('topic list rows of the $name build', (build) => {
  const papers = new Map(readPapers(build).map((paper) => [paper.slug, paper]));
  const rules = new Map(loadTopics(join(build.contentDir, 'topics')).map((topic) => [topic.slug, topic.rules.flatMap((rule) => rule.phrase.split('|'))]));
  const rows = (topic: string) =>
    readListPages(build, `topics/${topic}/`).flatMap((page) => page.querySelectorAll('main .paper-list > li')).map((row) => ({
      row,
      paper: papers.get(row.querySelector('.paper-title a')!.getAttribute('href')!.split('/').at(-2)!)!,
    }));

  it('shows under each title the first line of its notes, or the abstract’s sentence where a rule of the topic matched, marked', () => {
    let plain = 0;
    let marked = 0;
    for (const topic of rules.keys()) {
      for (const { row, paper } of rows(topic)) {
        const line = row.querySelector('.excerpt');
        if (paper.body.trim()) {
          expect(line?.classList.contains('notes-excerpt'), paper.path).toBe(true);
          expect(line?.text, paper.path).toBe(noteFirstLine(paper.body));
          continue;
        }
        if (!paper.data.abstract.trim()) continue;
        plain += 1;
        const marks = line!.querySelectorAll('mark').map((mark) => mark.text);
        if (marks.length === 0) continue;
        marked += 1;
        expect(marks, paper.path).toHaveLength(1);
        expect(rules.get(topic)!.some((phrase) => phrasePattern(phrase.trim()).test(marks[0]!)), `${paper.path}: ${marks[0]}`).toBe(true);
        // The marked words are the paper's own, in a sentence of its abstract.
        expect(cleanTeX(paper.data.abstract.replace(/\s+/g, ' ')), paper.path).toContain(line!.text.replace(/^…|…$/g, '').trim());
      }
    }
    expect(plain).toBeGreaterThan(0);
    // Most rows name the topic in their own words; the rest matched in the title alone.
    expect(marked / plain).toBeGreaterThan(build.name === 'site' ? 0.8 : 0.5);
  });

  it('carries the places each row takes in every sort: A to Z, recently added, recently annotated (papers with notes only)', () => {
    for (const topic of rules.keys()) {
      const list = rows(topic);
      for (const { row, paper } of list) {
        expect(row.getAttribute('data-rank-title'), paper.path).toMatch(/^\d+$/);
        expect(row.getAttribute('data-rank-added'), paper.path).toMatch(/^\d+$/);
        expect(row.hasAttribute('data-rank-noted'), paper.path).toBe(paper.body.trim() !== '');
      }
      const byRank = [...list].sort((a, b) => Number(a.row.getAttribute('data-rank-title')) - Number(b.row.getAttribute('data-rank-title')));
      const titles = byRank.map(({ paper }) => paper.data.title);
      expect(titles).toEqual([...titles].sort(compareTitles));
    }
  });
});

describe.each(builds)('the home page of the $name build', (build) => {
  const noted = readPapers(build).filter((paper) => paper.body.trim());

  it('asks for the first note, linking a paper to start with and the guide, when no paper has notes; otherwise lists them', () => {
    const home = readPage(build, '');
    const call = home.querySelector('section.first-note');
    if (noted.length > 0) {
      expect(call).toBeNull();
      expect(home.querySelector('h2#notes')?.text).toBe('Papers with notes');
      return;
    }
    expect(home.querySelector('h2#notes')).toBeNull();
    expect(call!.querySelector('h2')!.text).toBe('Write the first note');
    const links = call!.querySelectorAll('a').map((a) => a.getAttribute('href')!);
    expect(links[0]).toMatch(new RegExp(`^${build.base}papers/[^/]+/$`));
    expect(links[1]).toBe(`${build.repoUrl}/blob/main/.github/CONTRIBUTING.md#add-a-note`);
    expect(home.querySelector('.lede')!.text).not.toContain('with notes from');
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { keyPhrases } from '../../src/site/stats.ts';
import { builds, listFiles, readPage, readPapers, readTopics } from './builds.ts';

describe.each(builds)('stats and topic feeds of the $name build', (build) => {
  const papers = readPapers(build);
  const topics = readTopics(build);

  it('has a stats page with papers per topic drawn as SVG, the overlaps and key phrases, and no script', () => {
    const page = readPage(build, 'stats/');
    const bars = page.querySelector('svg.bars');
    expect(bars).not.toBeNull();
    for (const [id, title] of topics) {
      const count = papers.filter((paper) => paper.data.topics.includes(id)).length;
      expect(bars!.querySelector('title')!.text).toContain(`${title} ${count}`);
    }
    expect(page.querySelectorAll('svg.heatmap rect')).toHaveLength(topics.size * topics.size);
    expect(page.querySelectorAll('.phrase-list').length).toBe(topics.size);
    // The background worker's key phrases are the ones the papers' files give.
    const expected = keyPhrases(
      papers.map((paper) => ({ title: paper.data.title, abstract: paper.data.abstract, topics: paper.data.topics })),
      [...topics.keys()],
    );
    const shown = page.querySelectorAll('.phrase-list').map((list) => list.querySelectorAll('li').map((li) => li.text.replace(/\s+/g, ' ').trim()));
    expect(shown.flat().sort()).toEqual([...expected.values()].flat().map(({ phrase, papers: count }) => `${phrase} ${count}`).sort());
    expect(page.querySelector('.lede')!.text).toContain(`${papers.filter((paper) => paper.body.trim() !== '').length} paper`);
    expect(page.querySelectorAll('script').filter((script) => !script.getAttribute('type')?.includes('json')).map((script) => script.text).join('')).not.toMatch(/chart/i);
  });

  it.runIf(build.site)('has an Atom feed per topic listing only that topic’s papers, linked from the topic page', () => {
    for (const [id] of topics) {
      const xml = readFileSync(join(build.outDir, 'topics', id, 'feed.xml'), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'category' || name === 'link' }).parse(xml).feed;
      const onTopic = papers.filter((paper) => paper.data.topics.includes(id));
      expect(feed.entry?.length ?? 0).toBe(Math.min(50, onTopic.length));
      for (const entry of feed.entry ?? []) {
        expect(entry.category.map((category: Record<string, string>) => category['@_term'])).toContain(id);
        expect(new URL(entry.id).pathname.startsWith(`${build.base}papers/`)).toBe(true);
      }
      const self = feed.link.find((link: Record<string, string>) => link['@_rel'] === 'self');
      expect(self['@_href']).toBe(`${build.site}${build.base}topics/${id}/feed.xml`);
      const link = readPage(build, `topics/${id}/`).querySelector('link[type="application/atom+xml"]');
      expect(link?.getAttribute('href')).toBe(`${build.base}topics/${id}/feed.xml`);
    }
  });

  it.runIf(build.site)('dates each topic feed entry by its file’s last commit, newest first', () => {
    const commit = (path: string) => new Date(execFileSync('git', ['log', '-1', '--format=%cI', '--', path], { encoding: 'utf8' }).trim() || 0);
    for (const [id] of topics) {
      const feed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(readFileSync(join(build.outDir, 'topics', id, 'feed.xml'), 'utf8')).feed;
      const times = (feed.entry ?? []).map((entry: { updated: string }) => Date.parse(entry.updated));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      for (const entry of feed.entry ?? []) {
        const slug = new URL(entry.id).pathname.split('/').at(-2);
        const paper = papers.find((candidate) => candidate.slug === slug)!;
        const committed = commit(paper.path);
        // A file not committed yet is dated by its modification time.
        if (committed.getTime() > 0) expect(new Date(entry.updated).toISOString(), paper.path).toBe(committed.toISOString());
      }
    }
  });

  it.runIf(!build.site)('writes no feed and links none without a site URL, and never points at localhost', () => {
    for (const [id] of topics) {
      expect(existsSync(join(build.outDir, 'topics', id, 'feed.xml')), id).toBe(false);
      expect(readPage(build, `topics/${id}/`).querySelector('link[type="application/atom+xml"]'), id).toBeNull();
    }
    for (const file of ['notes.xml', 'notes.json']) expect(existsSync(join(build.outDir, file)), file).toBe(false);
    const home = readPage(build, '');
    expect(home.querySelector('link[rel="alternate"]')).toBeNull();
    expect(home.querySelectorAll('a').filter((a) => /notes\.(xml|json)|feed\.xml/.test(a.getAttribute('href') ?? ''))).toEqual([]);
    const withLocalhost = listFiles(build.outDir).filter((file) => /\.(html|xml|json|txt|csv)$/.test(file) && readFileSync(file, 'utf8').includes('localhost'));
    expect(withLocalhost).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { keyPhrases } from '../../src/site/stats.ts';
import { builds, readPage, readPapers, readTopics } from './builds.ts';

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

  it('has an Atom feed per topic listing only that topic’s papers, linked from the topic page', () => {
    for (const [id] of topics) {
      const xml = readFileSync(join(build.outDir, 'topics', id, 'feed.xml'), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'category' }).parse(xml).feed;
      const onTopic = papers.filter((paper) => paper.data.topics.includes(id));
      expect(feed.entry?.length ?? 0).toBe(Math.min(50, onTopic.length));
      for (const entry of feed.entry ?? []) {
        expect(entry.category.map((category: Record<string, string>) => category['@_term'])).toContain(id);
        expect(new URL(entry.id).pathname.startsWith(`${build.base}papers/`)).toBe(true);
      }
      const link = readPage(build, `topics/${id}/`).querySelector('link[type="application/atom+xml"]');
      expect(link?.getAttribute('href')).toBe(`${build.base}topics/${id}/feed.xml`);
    }
  });
});

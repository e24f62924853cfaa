import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { notesText } from '../../src/site/text.ts';
import { fixtureSite as build, readPage, readPapers, readSearchFragments, readTopics } from './builds.ts';

const feedFile = join(build.outDir, 'notes.xml');
const noted = readPapers(build).filter((paper) => paper.body.trim().length > 0);

interface FeedItem {
  title: string;
  link: string;
  pubDate: string;
  description: string;
}

function readItems(): FeedItem[] {
  const feed = new XMLParser().parse(readFileSync(feedFile, 'utf8'));
  const items = feed.rss.channel.item ?? [];
  return Array.isArray(items) ? items : [items];
}

describe('the notes feed (fixture)', () => {
  it('is well-formed XML at /shelf/notes.xml', () => {
    expect(existsSync(feedFile)).toBe(true);
    expect(XMLValidator.validate(readFileSync(feedFile, 'utf8'))).toBe(true);
  });

  it('lists exactly the papers with notes, newest first', () => {
    const items = readItems();
    expect(items.map((item) => item.title).sort()).toEqual(noted.map((paper) => paper.data.title).sort());
    const times = items.map((item) => Date.parse(item.pubDate));
    expect(times.every((time) => !Number.isNaN(time))).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('dates a note from its noted field when set', () => {
    const item = readItems().find((entry) => entry.title === 'Reasoning With Long Chains and Step Rewards');
    expect(new Date(item!.pubDate).toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });

  it('links each item to its paper page under the base', () => {
    for (const item of readItems()) {
      const path = new URL(item.link).pathname;
      expect(path.startsWith(build.base)).toBe(true);
      expect(existsSync(join(build.outDir, path.slice(build.base.length), 'index.html'))).toBe(true);
    }
  });

  it('names its own address with atom:link rel="self", and has a JSON Feed twin', () => {
    const channel = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(feedFile, 'utf8')).rss.channel;
    expect(channel['atom:link']).toMatchObject({ '@_href': 'https://lab.example.org/shelf/notes.xml', '@_rel': 'self', '@_type': 'application/rss+xml' });
    const json = JSON.parse(readFileSync(join(build.outDir, 'notes.json'), 'utf8'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe('https://lab.example.org/shelf/notes.json');
    expect(json.items.map((item: { title: string }) => item.title)).toEqual(readItems().map((item) => item.title));
    expect(json.items.map((item: { date_modified: string }) => Date.parse(item.date_modified))).toEqual(readItems().map((item) => Date.parse(item.pubDate)));
  });

  it('carries the text of the notes, math as TeX', () => {
    const item = readItems().find((entry) => entry.title.startsWith('Zebra Context'));
    expect(item!.description).toContain('Read section 3 first.');
    expect(item!.description).toContain('$s = \\frac{1}{n}');
  });

  it('is announced in every page head and linked from the home page', () => {
    for (const path of ['', 'papers/', 'papers/plain-long-context/']) {
      const link = readPage(build, path).querySelector('head link[rel="alternate"][type="application/rss+xml"]');
      expect(link?.getAttribute('href')).toBe('/shelf/notes.xml');
      expect(link?.getAttribute('title')).toBe('Notes');
    }
    const visible = readPage(build, '').querySelectorAll('main a').find((a) => a.text.trim() === 'Notes feed');
    expect(visible?.getAttribute('href')).toBe('/shelf/notes.xml');
  });
});

describe('the Notes badge in lists (fixture)', () => {
  const titlesWithNotes = new Set(noted.map((paper) => paper.data.title));
  const lists = ['', 'papers/', ...[...readTopics(build).keys()].map((topic) => `topics/${topic}/`)];

  it.each(lists)('marks exactly the papers with notes on /shelf/%s', (path) => {
    const items = readPage(build, path).querySelectorAll('.paper-list > li');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const title = item.querySelector('.paper-title')!.text.trim();
      const badge = item.querySelectorAll('.badge').some((span) => span.text.trim() === 'Notes');
      expect([title, badge]).toEqual([title, titlesWithNotes.has(title)]);
    }
  });

  it('tells the search index which papers have notes, and indexes the notes as text', () => {
    const fragments = new Map(readSearchFragments(build).map((fragment) => [fragment.url, fragment]));
    for (const paper of readPapers(build)) {
      const fragment = fragments.get(`/papers/${paper.slug}/`)!;
      expect([paper.slug, fragment.meta.notes === 'yes']).toEqual([paper.slug, titlesWithNotes.has(paper.data.title)]);
      const firstWord = notesText(paper.body).match(/[A-Za-z]{6,}/)?.[0];
      if (firstWord) expect(fragment.content, paper.path).toContain(firstWord);
    }
  });
});

describe('math in notes (fixture)', () => {
  it('renders TeX with KaTeX at build time', () => {
    const notes = readPage(build, 'papers/rated-with-links/').querySelector('.notes');
    expect(notes?.querySelector('.katex')).not.toBeNull();
    expect(notes?.querySelector('.katex-mathml math')).not.toBeNull();
  });

  it('loads the KaTeX stylesheet only on pages with notes', () => {
    const katexCss = (path: string) =>
      readPage(build, path)
        .querySelectorAll('link[rel="stylesheet"]')
        .some((link) => /katex/i.test(link.getAttribute('href') ?? ''));
    expect(katexCss('papers/rated-with-links/')).toBe(true);
    expect(katexCss('papers/plain-long-context/')).toBe(false);
    expect(katexCss('')).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureSite as build, listFiles, readPage } from './builds.ts';

describe('wikilinks in notes (fixture, base /shelf/)', () => {
  it('links an MDX note to a paper by its title (case and punctuation aside) and to a topic, under the base', () => {
    const links = readPage(build, 'papers/notes-in-mdx/').querySelectorAll('.notes a.wikilink').map((a) => [a.getAttribute('href'), a.text]);
    expect(links).toEqual([
      ['/shelf/papers/rated-with-links/', 'the Zebra benchmark'],
      ['/shelf/topics/long-cot/', 'Long chain-of-thought'],
    ]);
  });

  it('links a Markdown note by slug, showing the title, and leaves code alone', () => {
    const notes = readPage(build, 'papers/rated-with-links/').querySelector('.notes')!;
    expect(notes.querySelectorAll('a.wikilink').map((a) => [a.getAttribute('href'), a.text])).toEqual([['/shelf/papers/plain-long-context/', 'Attention Sinks for Long Context Streaming']]);
    expect(notes.querySelector('code')?.text).toBe('[[not a link]]');
  });

  it('never shows raw [[…]] outside code, in pages, feeds or the catalogue', () => {
    for (const file of listFiles(build.outDir).filter((path) => /\.(html|xml|json)$/.test(path))) {
      const text = readFileSync(file, 'utf8').replace(/<code>[^<]*<\/code>/g, '').replace(/\[\[not a link\]\]/g, '');
      expect(text.includes('[['), file).toBe(false);
    }
  });

  it('lists the notes that mention a paper, with the sentence, linked to the note', () => {
    const section = readPage(build, 'papers/rated-with-links/').querySelector('section.mentions')!;
    expect(section.querySelector('h2')?.text).toBe('Mentioned in notes on');
    expect(section.querySelector('a')?.getAttribute('href')).toBe('/shelf/papers/notes-in-mdx/#notes');
    expect(section.querySelector('blockquote')?.text.replace(/\s+/g, ' ')).toBe('It scores the chains on the Zebra benchmark; see also Long chain-of-thought.');
    expect(section.querySelector('blockquote strong')?.text).toBe('the Zebra benchmark');
    expect(readPage(build, 'papers/plain-long-context/').querySelector('section.mentions blockquote')?.text).toBe(
      'Unlike Attention Sinks for Long Context Streaming, it measures what a model does with the whole window.',
    );
  });

  it('ranks papers linked from one another’s notes first in Related papers', () => {
    const related = (slug: string) => readPage(build, `papers/${slug}/`).querySelectorAll('section[aria-labelledby="related"] .paper-title a').map((a) => a.getAttribute('href'));
    expect(related('notes-in-mdx')[0]).toBe('/shelf/papers/rated-with-links/');
    expect(related('rated-with-links').slice(0, 2).sort()).toEqual(['/shelf/papers/notes-in-mdx/', '/shelf/papers/plain-long-context/']);
  });

  it('says who last edited a note, when, and how many people have, from git', () => {
    const line = readPage(build, 'papers/rated-with-links/').querySelector('.note-history');
    expect(line?.text).toMatch(/^Last edited by \S.* on \d{1,2} \w+ \d{4}/);
  });
});

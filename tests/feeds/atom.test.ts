import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml } from '../../src/feeds/atom.ts';

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML forbids', () => {
    expect(escapeXml('<script>a & "b"</script>\u0007')).toBe('&lt;script&gt;a &amp; &quot;b&quot;&lt;/script&gt;');
  });
});

describe('atomFeed', () => {
  const feed = atomFeed({
    title: 'Shelf — Long context',
    self: 'https://lab.example.org/topics/long-context/feed.xml',
    alternate: 'https://lab.example.org/topics/long-context/',
    entries: [
      { title: 'A <b>bold</b> & title', url: 'https://lab.example.org/papers/a/', updated: new Date('2026-01-02T00:00:00Z'), summary: 'S', categories: ['long-context'] },
      { title: 'B', url: 'https://lab.example.org/papers/b/', updated: new Date('2026-03-04T00:00:00Z'), summary: 'T' },
    ],
  });

  it('is well-formed XML with the Atom namespace', () => {
    expect(XMLValidator.validate(feed)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(feed);
    expect(parsed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.feed.entry).toHaveLength(2);
    expect(parsed.feed.entry[0].title).toBe('A <b>bold</b> & title');
  });

  it('dates the feed by its newest entry', () => {
    expect(feed).toContain('<updated>2026-03-04T00:00:00.000Z</updated>\n  <author>');
  });
});

import { describe, expect, it } from 'vitest';
import { jsonFeed } from '../../src/feeds/json-feed.ts';

describe('jsonFeed', () => {
  it('writes JSON Feed 1.1 with the feed’s own address and an item per paper', () => {
    const feed = JSON.parse(
      jsonFeed({
        title: 'Shelf — notes',
        description: 'Notes',
        home: 'https://lab.example.org/shelf/',
        self: 'https://lab.example.org/shelf/notes.json',
        items: [
          { url: 'https://lab.example.org/shelf/papers/a/', title: 'A <b>', text: 'Read it.', modified: new Date('2026-03-04T00:00:00Z'), tags: ['long-context'] },
          { url: 'https://lab.example.org/shelf/papers/b/', title: 'B', text: 'T', modified: new Date('2026-01-01T00:00:00Z') },
        ],
      }),
    );
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', feed_url: 'https://lab.example.org/shelf/notes.json', home_page_url: 'https://lab.example.org/shelf/' });
    expect(feed.items).toEqual([
      { id: 'https://lab.example.org/shelf/papers/a/', url: 'https://lab.example.org/shelf/papers/a/', title: 'A <b>', content_text: 'Read it.', date_modified: '2026-03-04T00:00:00.000Z', tags: ['long-context'] },
      { id: 'https://lab.example.org/shelf/papers/b/', url: 'https://lab.example.org/shelf/papers/b/', title: 'B', content_text: 'T', date_modified: '2026-01-01T00:00:00.000Z' },
    ]);
  });
});

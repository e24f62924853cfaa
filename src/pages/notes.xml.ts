/** The notes feed: papers with notes, most recently noted first (RSS 2.0). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getNotedPapersNewestFirst } from '../site/collections.ts';
import { excerpt, notesText } from '../site/text.ts';
import { paperPath, withBase } from '../site/urls.ts';

// Without a configured `site` the feed still builds, with addresses on the preview server.
const FALLBACK_ORIGIN = 'http://localhost:4321';

export const GET: APIRoute = async ({ site }) => {
  const noted = await getNotedPapersNewestFirst();
  return rss({
    title: 'Shelf — notes',
    description: 'Papers on the reading list that someone has written notes on, most recent first.',
    site: new URL(withBase(''), site ?? FALLBACK_ORIGIN).href,
    items: noted.map(({ paper, title, date }) => ({
      title,
      link: withBase(paperPath(paper.id)),
      pubDate: date,
      description: excerpt(notesText(paper.body ?? ''), 2000),
    })),
    customData: '<language>en</language>',
  });
};

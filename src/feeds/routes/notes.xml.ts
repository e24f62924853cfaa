/** `/notes.xml`: papers with notes, most recently noted first (RSS 2.0). Added by `src/feeds/integration.ts` only when `site` is set. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { escapeXml } from '../atom.ts';
import { getNotedPapersNewestFirst, getNotesPlainText } from '../../site/collections.ts';
import { excerpt } from '../../site/text.ts';
import { notesFeedPath, paperPath, withBase } from '../../site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string) => new URL(withBase(path), site).href;
  const noted = await getNotedPapersNewestFirst();
  return rss({
    title: 'Shelf — notes',
    description: 'Papers on the reading list that someone has written notes on, most recent first.',
    site: absolute(''),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    items: await Promise.all(noted.map(async ({ paper, title, date }) => ({
      title,
      link: absolute(paperPath(paper.id)),
      pubDate: date,
      description: excerpt(await getNotesPlainText(paper), 2000),
    }))),
    customData: `<language>en</language><atom:link href="${escapeXml(absolute(notesFeedPath()))}" rel="self" type="application/rss+xml"/>`,
  });
};

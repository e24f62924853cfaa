/** `/notes.json`: the notes feed as JSON Feed 1.1. Added by `src/feeds/integration.ts` only when `site` is set. */
import type { APIRoute } from 'astro';
import { jsonFeed } from '../json-feed.ts';
import { getNotedPapersNewestFirst, getNotesPlainText } from '../../site/collections.ts';
import { excerpt } from '../../site/text.ts';
import { notesJsonFeedPath, paperPath, withBase } from '../../site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string) => new URL(withBase(path), site).href;
  const body = jsonFeed({
    title: 'Shelf — notes',
    description: 'Papers on the reading list that someone has written notes on, most recent first.',
    home: absolute(''),
    self: absolute(notesJsonFeedPath()),
    items: await Promise.all((await getNotedPapersNewestFirst()).map(async ({ paper, title, date }) => ({
      url: absolute(paperPath(paper.id)),
      title,
      text: excerpt(await getNotesPlainText(paper), 2000),
      modified: date,
      tags: paper.data.topics,
    }))),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};

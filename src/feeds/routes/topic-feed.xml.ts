/**
 * `/topics/<topic>/feed.xml`: an Atom feed of the topic's papers, most recently changed first,
 * each dated by its file's last commit. Added by `src/feeds/integration.ts` only when `site` is set.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomFeed } from '../atom.ts';
import { getPapers, getTopics, paperFileDate } from '../../site/collections.ts';
import { sortByRecency } from '../../site/papers.ts';
import { cleanTeX, excerpt } from '../../site/text.ts';
import { paperPath, topicFeedPath, topicPath, withBase } from '../../site/urls.ts';

const ENTRIES = 50;

export const getStaticPaths = (async () => (await getTopics()).map((topic) => ({ params: { topic: topic.id }, props: { topic } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { topic } = props as { topic: Awaited<ReturnType<typeof getTopics>>[number] };
  const absolute = (path: string) => new URL(withBase(path), site).href;
  // The newest entries first; only those that make the feed get an excerpt and an address.
  const onTopic = (await getPapers()).filter((paper) => paper.data.topics.includes(topic.id));
  const entries = sortByRecency(onTopic.map((paper) => ({ paper, date: paperFileDate(paper) })))
    .slice(0, ENTRIES)
    .map(({ paper, date }) => ({
      title: paper.data.title,
      url: absolute(paperPath(paper.id)),
      updated: date,
      summary: excerpt(cleanTeX(paper.data.abstract), 600),
      categories: paper.data.topics,
    }));
  const body = atomFeed({
    title: `Shelf — ${topic.data.title}`,
    subtitle: topic.data.description,
    self: absolute(topicFeedPath(topic.id)),
    alternate: absolute(topicPath(topic.id)),
    entries,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};

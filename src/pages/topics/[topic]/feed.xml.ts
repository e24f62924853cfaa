/** `/topics/<topic>/feed.xml`: an Atom feed of the topic's papers, most recently changed first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomFeed } from '../../../feeds/atom.ts';
import { getPapers, getTopics, paperFileDate } from '../../../site/collections.ts';
import { excerpt } from '../../../site/text.ts';
import { paperPath, topicFeedPath, topicPath, withBase } from '../../../site/urls.ts';

// Without a configured `site` the feed still builds, with addresses on the preview server.
const FALLBACK_ORIGIN = 'http://localhost:4321';
const ENTRIES = 50;

export const getStaticPaths = (async () => (await getTopics()).map((topic) => ({ params: { topic: topic.id }, props: { topic } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { topic } = props as { topic: Awaited<ReturnType<typeof getTopics>>[number] };
  const absolute = (path: string) => new URL(withBase(path), site ?? FALLBACK_ORIGIN).href;
  // The newest entries first; only those that make the feed get an excerpt and an address.
  const entries = (await getPapers())
    .filter((paper) => paper.data.topics.includes(topic.id))
    .map((paper) => ({ paper, updated: paperFileDate(paper) }))
    .sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.paper.data.title.localeCompare(b.paper.data.title))
    .slice(0, ENTRIES)
    .map(({ paper, updated }) => ({
      title: paper.data.title,
      url: absolute(paperPath(paper.id)),
      updated,
      summary: excerpt(paper.data.abstract, 600),
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

/**
 * What the search index holds for a paper: a small HTML document made from
 * the paper's file rather than its rendered page, so the index can be built
 * while the pages are. The title is the `<h1>` (Pagefind ranks heading words
 * above body words) and the `title` metadata; then come the abstract and the
 * notes as text, a `notes:yes` flag when there are notes, and the topic titles
 * as the `topic` filter. Nothing else on the page (chips, evidence, related
 * papers, chrome) is searched.
 */
import { escapeXml } from '../feeds/atom.ts';
import { paperCountSetting } from '../site/settings.ts';
import { notesText, paragraphs } from '../site/text.ts';
import { joinBase, paperPath } from '../site/urls.ts';

/** A paper as the index sees it. */
export interface SearchablePaper {
  slug: string;
  title: string;
  abstract: string;
  topics: readonly string[];
  /** The Markdown body: the person's notes. */
  body: string;
}

/** The shape of Pagefind's `addHTMLFile` argument. */
export interface SearchDocument {
  url: string;
  content: string;
}

/**
 * The search document for one paper; `topicTitles` maps topic slugs to the names readers filter by.
 * Its URL is relative to the site's base: the search page gives Pagefind the base (`baseUrl`).
 */
export function searchDocument(paper: SearchablePaper, topicTitles: ReadonlyMap<string, string>): SearchDocument {
  const notes = paragraphs(notesText(paper.body));
  const topics = paper.topics.map((slug) => topicTitles.get(slug) ?? slug);
  const html = [
    '<html lang="en"><body>',
    `<h1 data-pagefind-meta="title">${escapeXml(paper.title)}</h1>`,
    ...paragraphs(paper.abstract).map((text) => `<p>${escapeXml(text)}</p>`),
    ...notes.map((text) => `<p>${escapeXml(text)}</p>`),
    notes.length > 0 ? '<span data-pagefind-meta="notes:yes"></span>' : '',
    // The attribute form keeps filter values out of the searched text.
    ...topics.map((title) => `<span data-pagefind-filter="topic:${escapeXml(title)}"></span>`),
    '</body></html>',
  ];
  return { url: joinBase('/', paperPath(paper.slug)), content: html.join('') };
}

/** The text the index searches for a paper, as its search document holds it: title, abstract, notes. */
export function searchedText(paper: SearchablePaper): string {
  return [paper.title, ...paragraphs(paper.abstract), ...paragraphs(notesText(paper.body))].join('\n');
}

/** Lists up to this many papers are indexed as one shard by default. */
export const ONE_SHARD_UP_TO = 10_000;

/**
 * Papers per search-index shard for a list of `count` papers: SEARCH_SHARD_SIZE, else the whole list
 * up to ONE_SHARD_UP_TO papers, and 5,000 past it. Pagefind holds a whole index in memory while it
 * writes it (120–150 KB a page), so a big list is indexed as several shards, and the search page
 * merges them (Pagefind's multisite search). But every shard costs a first search one more index
 * chunk per word: at 10,000 papers, one shard took a one-word search from 209–211 KiB to 188–190 KiB
 * (both without the 12 KiB of Pagefind's worker script, which the benchmark then missed),
 * for 1.2 GB of Pagefind memory instead of 0.6 GB and about the same time.
 */
export function searchShardSize(count: number, env: Record<string, string | undefined> = process.env): number {
  return paperCountSetting(env, 'SEARCH_SHARD_SIZE', count <= ONE_SHARD_UP_TO ? Math.max(1, count) : 5000);
}

/** How many shards `count` papers make in shards of `size` (at least one, so an empty list still has an index). */
export function searchShardCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** Shard `index` (from 0)'s folder inside the Pagefind bundle: the first is the bundle itself, with Pagefind's scripts. */
export function searchShardFolder(index: number): string {
  return index === 0 ? '' : `shard-${index + 1}/`;
}

/** Where shard `index` lives, relative to the site's base. */
export function searchShardPath(index: number): string {
  return `pagefind/${searchShardFolder(index)}`;
}

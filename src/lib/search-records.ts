/**
 * What the search index holds for a paper: a small HTML document made from
 * the paper's file rather than its rendered page, so the index can be built
 * while the pages are. The title is the `<h1>` (Pagefind ranks heading words
 * above body words) and the `title` metadata; then come the abstract and the
 * notes as text, a `notes:yes` flag when there are notes, and the topic titles
 * as the `topic` filter. Nothing else on the page (chips, evidence, related
 * papers, chrome) is searched.
 */
import { escapeXml } from './atom.ts';
import { paperCountSetting } from './settings.ts';
import { notesText, paragraphs } from './text.ts';
import { joinBase, paperPath } from './urls.ts';

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

/**
 * Word locations in each chunk of a shard's word index, for shards of `papers` papers: 50 × √papers,
 * from 1,000 to Pagefind's default of 20,000 (the half first shard of a list of several, and the last,
 * take the others' size: the optimum is flat, see the figures at 5,000). A first search loads
 * Pagefind's metadata, which lists every chunk, and one chunk for each word it looks up; small chunks
 * make the one lighter and the list longer, and 50 × √papers balances the two. Median first search over the benchmark's 20 typical
 * queries (measured with Pagefind's worker and ten results drawn), at 10,000 papers: 224 KiB with
 * chunks of 20,000, 214 with 10,000, 208 with 5,000, 206 with 3,000 (metadata 67, 69, 71 and 74 KiB);
 * at 5,000 papers, 181 KiB with 20,000 and 155–157 with 2,500–5,000; at 1,000 papers, 133 KiB with
 * 20,000, 103 with 5,000 and 98 with 1,000–2,000. Chunk edges fall differently with each size, and
 * Pagefind also loads the chunks near a query word's unstemmed form, so single queries vary more.
 * Pagefind reads it from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (see `writeSearchIndex`).
 */
export function searchChunkSize(papers: number): number {
  return Math.round(Math.min(20_000, Math.max(1_000, 50 * Math.sqrt(papers))));
}

/**
 * About what Pagefind holds in memory while it writes a shard of `size` papers (150 KB a paper at
 * 5,000, measured: 0.75–0.9 GB), so a second Pagefind process is started only with that much to spare.
 */
export function searchShardMemory(size: number): number {
  return size * 150_000;
}

/** How many shards `count` papers make in shards of `size` (at least one, so an empty list still has an index; see `firstSearchShardSize`). */
export function searchShardCount(count: number, size: number): number {
  return count <= size ? 1 : 1 + Math.ceil((count - firstSearchShardSize(size)) / size);
}

/**
 * Papers in the first shard of a list indexed in several: half a shard. The first background worker
 * computes related papers, holding every paper, while Pagefind writes that shard, just as Astro ends
 * content sync and bundles. At 50,000 papers the build's peak came then, 1,850–1,965 MiB in six runs
 * (Astro 0.78 GB, the worker 0.51–0.54 GB, Pagefind 0.48 GB for 5,000 papers). With 2,500, Pagefind
 * held 0.30 GB then, and the peak moved to page generation: 1,781, 1,782 and 1,816 MiB, in as much time
 * (`astro build` 66.2, 67.0 and 66.3 s against 59.9–67.1 s).
 */
export function firstSearchShardSize(size: number): number {
  return Math.ceil(size / 2);
}

/** Shard `index` (from 0)'s folder inside the Pagefind bundle: the first is the bundle itself, with Pagefind's scripts. */
export function searchShardFolder(index: number): string {
  return index === 0 ? '' : `shard-${index + 1}/`;
}

/** Where shard `index` lives, relative to the site's base. */
export function searchShardPath(index: number): string {
  return `pagefind/${searchShardFolder(index)}`;
}

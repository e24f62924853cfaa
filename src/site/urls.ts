/**
 * Paths and addresses: internal links that respect the site's `base`, the
 * "Edit this page" link, and searches for a paper on other sites.
 */
import { isWebUrl } from '../papers/web-url.ts';

/** Joins a base (`/`, `/shelf`, `/shelf/`) and a site path (`papers/x/` or `/papers/x/`). */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return head + path.replace(/^\/+/, '');
}

/** An internal link: the path under the configured `base` (Astro's `BASE_URL`). */
export function withBase(path: string): string {
  return joinBase(import.meta.env.BASE_URL ?? '/', path);
}

/**
 * The `href` for a link a person added: an http(s) address as it is, a path on this site under the
 * `base`, and nothing for any other scheme (`javascript:`, `data:`, …), so no page ever carries one.
 */
export function linkHref(url: string): string | undefined {
  if (!isWebUrl(url)) return undefined;
  return url.startsWith('/') ? withBase(url) : url;
}

/** Site path of a paper's page. */
export function paperPath(slug: string): string {
  return `papers/${slug}/`;
}

/** Site path of the notes feed (RSS of papers with notes, newest first). */
export function notesFeedPath(): string {
  return 'notes.xml';
}

/** Site path of the notes feed as JSON Feed. */
export function notesJsonFeedPath(): string {
  return 'notes.json';
}

/** Site path of the sitemap index (written by `@astrojs/sitemap` when `site` is set). */
export function sitemapPath(): string {
  return 'sitemap-index.xml';
}

/** Site path of a topic's page. */
export function topicPath(slug: string): string {
  return `topics/${slug}/`;
}

/** Site path of a topic's Atom feed. */
export function topicFeedPath(slug: string): string {
  return `topics/${slug}/feed.xml`;
}

/** Site path of the search page, optionally with a query and topic filters already set. */
export function searchPath(query = '', topics: readonly string[] = []): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const topic of topics) params.append('topic', topic);
  const search = params.toString();
  return search ? `search/?${search}` : 'search/';
}

/** The repository's web editor for a content file (`filePath` relative to the repository root). */
export function editUrl(repoUrl: string, filePath: string, branch = 'main'): string {
  const repo = repoUrl.replace(/\/+$/, '');
  const file = filePath.replace(/^\.?\/+/, '').split('/').map(encodeURIComponent).join('/');
  return `${repo}/edit/${branch}/${file}`;
}

/** A labelled outbound link. */
export interface Link {
  label: string;
  url: string;
}

/** Searches for a paper by title on arXiv, Hugging Face papers and Semantic Scholar. */
export function lookupLinks(title: string): Link[] {
  const q = encodeURIComponent(title.replace(/\s+/g, ' ').trim());
  return [
    { label: 'arXiv', url: `https://arxiv.org/search/?query=${q}&searchtype=title` },
    { label: 'Hugging Face papers', url: `https://huggingface.co/papers?q=${q}` },
    { label: 'Semantic Scholar', url: `https://www.semanticscholar.org/search?q=${q}` },
  ];
}

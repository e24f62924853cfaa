/**
 * What the search index holds for a paper: a small HTML document made from
 * the paper's file rather than its rendered page, so the index can be built
 * while the pages are. The title is the `<h1>` (Pagefind ranks heading words
 * above body words) and the `title` metadata; then come the abstract and the
 * notes as text, a `notes:yes` flag when there are notes, and the topic titles
 * as the `topic` filter. Nothing else on the page (chips, evidence, related
 * papers, chrome) is searched.
 */
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

/** The search document for one paper; `topicTitles` maps topic slugs to the names readers filter by. */
export function searchDocument(paper: SearchablePaper, topicTitles: ReadonlyMap<string, string>, base: string): SearchDocument {
  const notes = paragraphs(notesText(paper.body));
  const topics = paper.topics.map((slug) => topicTitles.get(slug) ?? slug);
  const html = [
    '<html lang="en"><body>',
    `<h1 data-pagefind-meta="title">${escapeHtml(paper.title)}</h1>`,
    ...paragraphs(paper.abstract).map((text) => `<p>${escapeHtml(text)}</p>`),
    ...notes.map((text) => `<p>${escapeHtml(text)}</p>`),
    notes.length > 0 ? '<span data-pagefind-meta="notes:yes"></span>' : '',
    // The attribute form keeps filter values out of the searched text.
    ...topics.map((title) => `<span data-pagefind-filter="topic:${escapeHtml(title)}"></span>`),
    '</body></html>',
  ];
  return { url: joinBase(base, paperPath(paper.slug)), content: html.join('') };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

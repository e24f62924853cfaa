/**
 * The HTML of a paper page's content and of a paper in a list, written as
 * strings. Astro components render them (`PaperItem.astro`, the paper page),
 * and the build stamps most paper pages from them without Astro's per-page
 * pipeline (see `src/integrations/paper-pages.ts`): one renderer, so both
 * ways give the same bytes. Text is escaped as Astro escapes it.
 */
import type { Classification } from './classify.ts';
import { escapeAttribute as attr, escapeText as text } from './html.ts';
import { extractLinks } from './links.ts';
import { hasNotes } from './papers.ts';
import { otherPersonFields, ratingStars, statusLabel } from './person-fields.ts';
import { excerpt, formatDate, notesText, paragraphs } from './text.ts';
import { editUrl, lookupLinks, paperPath, topicPath, withBase } from './urls.ts';
import type { PaperData } from '../schema.ts';

/** What the renderers need of a paper entry (`CollectionEntry<'papers'>` fits). */
export interface PaperEntryLike {
  id: string;
  body?: string | undefined;
  filePath?: string | undefined;
  data: PaperData;
}

/** What the renderers need of a topic entry (`CollectionEntry<'topics'>` fits). */
export interface TopicEntryLike {
  id: string;
  data: { title: string; threshold: number };
}

/** A paper's topics as small links to their topic pages; nothing for none. */
export function topicChipsHtml(topics: readonly { id: string; title: string }[], label = 'Topics'): string {
  if (topics.length === 0) return '';
  const items = topics.map((topic) => `<li><a href="${attr(withBase(topicPath(topic.id)))}">${text(topic.title)}</a></li>`);
  return `<ul class="topic-list" aria-label="${attr(label)}">${items.join('')}</ul>`;
}

export interface PaperItemOptions {
  topicTitles: ReadonlyMap<string, string>;
  /** The topic page the list is on; it is not repeated on each paper. */
  currentTopic?: string | undefined;
  showExcerpt?: boolean;
  /** Excerpt the notes instead of the abstract (for lists of papers with notes). */
  excerptNotes?: boolean;
  headingLevel?: 'h2' | 'h3' | 'h4';
}

/** One paper in a list: linked title, optional excerpt, its (other) topics, a mark if it has notes. */
export function paperItemHtml(paper: PaperEntryLike, options: PaperItemOptions): string {
  const { topicTitles, currentTopic, showExcerpt = true, excerptNotes = false, headingLevel = 'h3' } = options;
  const { title, abstract, status } = paper.data;
  const otherTopics = paper.data.topics
    .filter((id) => id !== currentTopic)
    .map((id) => ({ id, title: topicTitles.get(id) ?? id }));
  const notes = hasNotes(paper);
  const notesExcerpt = excerptNotes && notes ? excerpt(notesText(paper.body ?? ''), 200) : '';
  let html = `<li><${headingLevel} class="paper-title"><a href="${attr(withBase(paperPath(paper.id)))}">${text(title)}</a></${headingLevel}>`;
  if (showExcerpt) {
    if (notesExcerpt) html += `<p class="excerpt notes-excerpt">${text(notesExcerpt)}</p>`;
    else if (abstract) html += `<p class="excerpt">${text(excerpt(abstract))}</p>`;
  }
  if (notes || status || otherTopics.length > 0) {
    html += '<div class="meta">';
    if (notes) html += '<span class="badge">Notes</span>';
    if (status) html += `<span>${text(statusLabel(status))}</span>`;
    if (otherTopics.length > 0 && currentTopic) html += '<span>Also on</span>';
    html += topicChipsHtml(otherTopics, currentTopic ? 'Also on' : 'Topics');
    html += '</div>';
  }
  return `${html}</li>`;
}

/** The fields people add to a paper (status, rating, tags, links, date noted, anything else), when present. */
export function personFieldsHtml(data: PaperData): string {
  const rating = data.rating === undefined ? undefined : ratingStars(data.rating);
  const others = otherPersonFields(data);
  const fields: string[] = [];
  const field = (term: string, description: string) => fields.push(`<dt>${text(term)}</dt><dd>${description}</dd>`);
  const list = (items: string[]) => `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
  if (data.status) field('Status', text(statusLabel(data.status)));
  if (rating) field('Rating', `<span class="stars" aria-hidden="true">${text(rating.stars)}</span><span class="visually-hidden">${text(rating.label)}</span>`);
  if (data.tags && data.tags.length > 0) field('Tags', list(data.tags.map(text)));
  if (data.links && data.links.length > 0) field('Links', list(data.links.map((link) => `<a href="${attr(link.url)}">${text(link.label)}</a>`)));
  if (data.noted) field('Noted', `<time datetime="${attr(data.noted.toISOString().slice(0, 10))}">${text(formatDate(data.noted))}</time>`);
  for (const other of others) field(other.label, text(other.value));
  return fields.length > 0 ? `<dl class="facts">${fields.join('')}</dl>` : '';
}

/** Why a paper is on its topics: the rules from content/topics/ that matched, with the words they matched. */
export function topicEvidenceHtml(paper: PaperEntryLike, topics: readonly TopicEntryLike[], classification: Classification): string {
  const chosen = paper.data.topics;
  const automatic = paper.data.auto_topics;
  const byPerson = [...chosen].sort().join() !== [...automatic].sort().join();
  const shown = topics.filter((topic) => chosen.includes(topic.id) || (classification.evidence[topic.id] ?? []).length > 0);
  const titleOf = (id: string) => topics.find((topic) => topic.id === id)?.data.title ?? id;
  let html = '<section aria-labelledby="why"><h2 id="why">Why these topics</h2>';
  if (byPerson) {
    const person = chosen.length ? chosen.map(titleOf).join(', ') : 'no topic';
    const rules = automatic.length ? automatic.map(titleOf).join(', ') : 'none';
    html += `<p>A person chose ${text(person)}; the rules alone would give ${text(rules)}.</p>`;
  }
  if (shown.length === 0) return `${html}<p>No topic rule matches its title or abstract.</p></section>`;
  html += '<ul class="evidence">';
  for (const topic of shown) {
    const evidence = (classification.evidence[topic.id] ?? []).map(
      (item) =>
        `<li>“${text(item.phrase)}” in the ${text(item.where)} (${item.against ? '−' : '+'}${text(item.weight)}): <q>${text(item.excerpt)}</q></li>`,
    );
    html +=
      `<li><a href="${attr(withBase(topicPath(topic.id)))}">${text(topic.data.title)}</a>: ` +
      `score ${text(classification.scores[topic.id] ?? 0)}, needs ${text(topic.data.threshold)}<ul>${evidence.join('')}</ul></li>`;
  }
  return `${html}</ul></section>`;
}

/** Everything a paper page needs besides the site's shell and the notes. */
export interface PaperPageParts {
  /** Shown in the tab (the layout appends " · Shelf"). */
  title: string;
  description: string;
  /** Whether the page has a notes section (and so links the KaTeX stylesheet). */
  notes: boolean;
  /** Extra `<head>` elements. */
  head: string;
  /** The `<article>` up to where the rendered notes go (the whole article when there are none)… */
  before: string;
  /** …and the rest of it. */
  after: string;
}

export interface PaperPageInput {
  paper: PaperEntryLike;
  related: readonly PaperEntryLike[];
  /** Every topic, in home-page order. */
  topics: readonly TopicEntryLike[];
  classification: Classification;
  repoUrl: string;
  /** The address of KaTeX's stylesheet, linked from pages with notes (the only place math can appear). */
  katexCssUrl: string;
}

/** A paper's page: header, abstract, notes, related papers, and an aside on where it comes from and why it is on its topics. */
export function paperPageParts({ paper, related, topics, classification, repoUrl, katexCssUrl }: PaperPageInput): PaperPageParts {
  const { title, abstract, sources } = paper.data;
  const titles = new Map(topics.map((topic) => [topic.id, topic.data.title]));
  const chips = paper.data.topics.map((id) => ({ id, title: titles.get(id) ?? id }));
  const filePath = paper.filePath ?? `content/papers/${paper.id}.md`;
  const notes = hasNotes(paper);

  let before =
    `<article><header class="paper-header"><h1>${text(title)}</h1>` +
    (chips.length > 0 ? topicChipsHtml(chips) : '<p class="ui muted">On no topic yet.</p>') +
    `${personFieldsHtml(paper.data)}</header>` +
    '<section class="abstract" aria-labelledby="abstract"><h2 id="abstract">Abstract</h2>' +
    (abstract.trim() ? paragraphs(abstract).map((paragraph) => `<p>${text(paragraph)}</p>`).join('') : '<p class="muted">No abstract in the dumps.</p>') +
    '</section>';
  let after = '';
  if (notes) {
    before += '<section class="notes" aria-labelledby="notes"><h2 id="notes">Notes</h2><div class="prose">';
    after += '</div></section>';
  }
  if (related.length > 0) {
    const items = related.map((other) => paperItemHtml(other, { topicTitles: titles, showExcerpt: false, headingLevel: 'h3' }));
    after += `<section class="related compact" aria-labelledby="related"><h2 id="related">Related papers</h2><ul class="paper-list">${items.join('')}</ul></section>`;
  }
  const found = [
    ...extractLinks(abstract).map((link) => `<li>${link.kind === 'code' ? 'Code: ' : 'Project: '}<a href="${attr(link.url)}">${text(link.label)}</a></li>`),
    ...lookupLinks(title).map((link) => `<li>Search <a href="${attr(link.url)}">${text(link.label)}</a></li>`),
  ];
  const listed = sources.map((source) => `<li><code>${text(source.dump)}</code>, line ${text(source.line)}</li>`);
  after +=
    '<aside class="paper-aside" aria-label="About this entry">' +
    `<section aria-labelledby="find"><h2 id="find">Find the paper</h2><ul>${found.join('')}</ul></section>` +
    `<section aria-labelledby="sources"><h2 id="sources">Listed in</h2><ul>${listed.join('')}</ul></section>` +
    topicEvidenceHtml(paper, topics, classification) +
    '<section aria-labelledby="edit"><h2 id="edit" class="visually-hidden">Edit</h2>' +
    `<p><a href="${attr(editUrl(repoUrl, filePath))}">Edit this page</a> to add notes, a status, tags or a rating (<code>${text(filePath)}</code>).</p>` +
    '</section></aside></article>';

  return {
    title,
    description: excerpt(abstract, 160),
    notes,
    head: notes ? `<link rel="stylesheet" href="${attr(katexCssUrl)}">` : '',
    before,
    after,
  };
}

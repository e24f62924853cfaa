/**
 * What the pages read: the papers (`src/papers/load.ts`), the topics and notes
 * (content collections), and what is computed from them, each once per build
 * and in the shape the pages use.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { classify, compileTopics, type Classification } from '../topics/classify.ts';
import { PAPERS_DIR, TOPICS_DIR } from '../papers/content-dir.ts';
import { loadPapers, type Paper } from '../papers/load.ts';
import { chooseNoteDate, gitLogArgs, normalisePath, parseGitHistory, type FileHistory } from '../feeds/notes.ts';
import { hasNotes, papersByInitial, sortByRecency, sortByTitle, sortTopics, topicReadingGroups } from './papers.ts';
import { paginateSections, papersPerPage, type ListPage } from './pagination.ts';
import { relatedInputs, relatedPapers, type Related } from '../related/related.ts';
import { linkedFirst } from '../related/linked.ts';
import { backlinks, linkedPapers, type Mention } from '../notes/backlinks.ts';
import { buildLinkIndex, plainWikilinks, type LinkIndex } from '../notes/wikilinks.ts';
import { distinguishingLine, type RowLine } from './row-lines.ts';
import { keyPhrases } from './stats.ts';
import { notesText } from './text.ts';
import { paperPath, withBase } from './urls.ts';
import type { CatalogueEntry } from '../papers/schema.ts';
import { bibtexKeys, type Citable } from '../citations/bibtex.ts';
import { catalogueEntry } from '../catalogue/catalogue.ts';

export type { Paper };

/**
 * `compute`, run once per build and shared by every page: a build renders every page in one process.
 * In `astro dev` content changes while the process lives, so each call computes afresh.
 */
function perBuild<T>(compute: () => Promise<T>): () => Promise<T> {
  let once: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? compute() : (once ??= compute()));
}

/** Every paper, sorted by title. Shared between pages: do not mutate. */
export const getPapers = perBuild(async () => sortByTitle(loadPapers(PAPERS_DIR, TOPICS_DIR)));

/** Every topic, in home-page order. Shared between pages: do not mutate. */
export const getTopics = perBuild(async () => sortTopics(await getCollection('topics')));

const getPapersById = perBuild(async () => new Map((await getPapers()).map((paper) => [paper.id, paper])));

/** The rendered notes of a paper (a component to place on the page), if it has any. */
export async function getNotesContent(paper: Paper) {
  if (!hasNotes(paper)) return undefined;
  const entry = await getEntry('notes', paper.id);
  return entry ? (await render(entry)).Content : undefined;
}

/** All papers, A to Z, grouped by initial and split into list pages. */
export const getPaperIndexPages = perBuild(async (): Promise<ListPage<Paper>[]> =>
  paginateSections(
    papersByInitial(await getPapers()).map((group) => ({
      id: `letter-${group.initial === '#' ? 'other' : group.initial}`,
      heading: group.initial,
      items: group.papers,
    })),
    papersPerPage(),
  ),
);

const topicPages = new Map<string, () => Promise<ListPage<Paper>[]>>();

/** A topic's papers in reading order (see `topicReadingGroups`), split into list pages. */
export function getTopicPages(topicId: string): Promise<ListPage<Paper>[]> {
  let pages = topicPages.get(topicId);
  if (!pages) {
    pages = perBuild(async () => {
      const topics = await getTopics();
      const { scores } = topicClassifier(topics);
      const groups = topicReadingGroups(await getPapers(), topicId, topics, (paper) => scores(paper)[topicId] ?? 0);
      return paginateSections(groups.map((group) => ({ id: group.id, heading: group.heading, items: group.papers })), papersPerPage());
    });
    topicPages.set(topicId, pages);
  }
  return pages();
}

/** Each topic's most characteristic phrases (see `keyPhrases`), computed once per build. */
export const getKeyPhrases = perBuild(async () => {
  const papers = (await getPapers()).map((paper) => ({ title: paper.data.title, abstract: paper.data.abstract, topics: paper.data.topics }));
  return keyPhrases(papers, (await getTopics()).map((topic) => topic.id));
});

/** What a wikilink can name: every paper and topic, by slug and title; built once per build. */
export const getLinkIndex = perBuild(async (): Promise<LinkIndex> =>
  buildLinkIndex(
    (await getPapers()).map((paper) => ({ id: paper.id, title: paper.data.title })),
    (await getTopics()).map((topic) => ({ id: topic.id, title: topic.data.title })),
  ),
);

/** Paper id → the notes on other papers that link to it, with the sentence around each mention; once per build. */
export const getBacklinks = perBuild(async (): Promise<Map<string, Mention[]>> =>
  backlinks((await getPapers()).filter(hasNotes).map((paper) => ({ id: paper.id, body: paper.body })), await getLinkIndex()),
);

/** The notes that link to `paper`: each note's paper and the sentence that mentions it. */
export async function getPaperMentions(paper: Paper): Promise<(Mention & { paper: Paper })[]> {
  const [mentions, byId] = await Promise.all([getBacklinks(), getPapersById()]);
  return (mentions.get(paper.id) ?? []).flatMap((mention) => {
    const from = byId.get(mention.from);
    return from ? [{ ...mention, paper: from }] : [];
  });
}

/** A paper's notes as plain text (wikilinks read as the titles they name), for feeds and excerpts. */
export async function getNotesPlainText(paper: Paper): Promise<string> {
  return notesText(plainWikilinks(paper.body ?? '', await getLinkIndex()));
}

/**
 * Each paper's most similar papers, computed once per build: first the papers its note links to or
 * whose notes link to it, then by TF-IDF over title, abstract and notes.
 */
export const getRelatedPapers = perBuild(async (): Promise<Map<string, Related[]>> => {
  const similar = relatedPapers(relatedInputs(await getPapers()));
  return linkedFirst(similar, linkedPapers(await getBacklinks()));
});

/** A paper's most similar papers (see `getRelatedPapers`), most similar first. */
export async function getPaperRelated(paper: Paper): Promise<Paper[]> {
  const [related, byId] = await Promise.all([getRelatedPapers(), getPapersById()]);
  return (related.get(paper.id) ?? []).map(({ id }) => byId.get(id)).filter((other) => other !== undefined);
}

/** Topic id → title, for labelling a paper's topics. */
export function topicTitles(topics: readonly { id: string; data: { title: string } }[]): Map<string, string> {
  return new Map(topics.map((topic) => [topic.id, topic.data.title]));
}

/** The topic rules applied to a paper: `classify` for its page's evidence, `scores` for the order on topic pages, `rowLine` for its row there. */
export interface TopicClassifier {
  classify(paper: Paper): Classification;
  scores(paper: Paper): Classification['scores'];
  /** What tells the paper apart on the list of `topicId` (see `distinguishingLine`). */
  rowLine(paper: Paper, topicId: string): RowLine | undefined;
}

const classifiers = new WeakMap<readonly CollectionEntry<'topics'>[], TopicClassifier>();

/** What a topic page keeps of a paper's classification. */
interface Kept {
  scores: Classification['scores'];
  lines: Map<string, RowLine | undefined>;
}

/** Classifies papers with the topic rules, as ingest does, so pages can show why a paper is on a topic and how central it is. */
export function topicClassifier(topics: readonly CollectionEntry<'topics'>[]): TopicClassifier {
  let classifier = classifiers.get(topics);
  if (!classifier) {
    // Compiling the rules' regular expressions costs more than classifying one paper: once per topic list.
    const compiled = compileTopics(
      topics.map((topic) => ({ ...topic.data, slug: topic.id, body: topic.body ?? '', file: topic.filePath ?? topic.id })),
    );
    // Paper pages and every topic page ask about the same papers: each is classified once, and only its
    // scores and its rows' lines are kept for the topic pages (the evidence, with its excerpts, is for its own page alone).
    const known = new WeakMap<Paper, Kept>();
    const classifyPaper = (paper: Paper) => {
      const result = classify(paper.data, compiled);
      const lines = new Map(paper.data.topics.map((id) => [id, distinguishingLine(paper, result.evidence[id])]));
      known.set(paper, { scores: result.scores, lines });
      return result;
    };
    const kept = (paper: Paper) => known.get(paper) ?? (classifyPaper(paper), known.get(paper)!);
    classifier = {
      classify: classifyPaper,
      scores: (paper) => kept(paper).scores,
      rowLine: (paper, topicId) => {
        const { lines } = kept(paper);
        return lines.has(topicId) ? lines.get(topicId) : distinguishingLine(paper);
      },
    };
    classifiers.set(topics, classifier);
  }
  return classifier;
}

/**
 * Papers with notes, each with the date of its notes (`noted`, else the file's last
 * commit, else its mtime), newest first. Runs `git log` once for the whole papers folder.
 */
export async function getNotedPapersNewestFirst() {
  const papers = (await getPapers()).filter(hasNotes);
  return sortByRecency(papers.map((paper) => ({ paper, title: paper.data.title, date: paperNoteDate(paper)! })));
}

/** When a paper's file last changed: its last commit, else its mtime. */
export function paperFileDate(paper: Paper): Date {
  return fileHistory(paper).changed;
}

/** When a paper's file was added: its first commit, else its mtime. */
export function paperAddedDate(paper: Paper): Date {
  return fileHistory(paper).added;
}

/** The date of a paper's notes (`noted`, else the file's last change), or undefined for a paper without notes. */
export function paperNoteDate(paper: Paper): Date | undefined {
  if (!hasNotes(paper)) return undefined;
  return chooseNoteDate(paper.data.noted, paper.filePath, commitDates(), () => fileMtime(paper.filePath)).date;
}

let history: { value: Map<string, FileHistory>; read: number } | undefined;

/** Path → first and last commit, from one `git log` per build for the whole papers folder. */
function readHistory(): Map<string, FileHistory> {
  // In `astro dev` files change while the process lives: the history is read again after a few seconds.
  if (!history || (import.meta.env.DEV && Date.now() - history.read > 3000)) history = { value: readGitHistory(PAPERS_DIR), read: Date.now() };
  return history.value;
}

const changedDates = new WeakMap<Map<string, FileHistory>, Map<string, Date>>();

/** Path → last commit, for `chooseNoteDate`. */
function commitDates(): Map<string, Date> {
  const known = readHistory();
  let dates = changedDates.get(known);
  if (!dates) {
    dates = new Map([...known].map(([path, { changed }]) => [path, changed]));
    changedDates.set(known, dates);
  }
  return dates;
}

/** A paper file's history, or its mtime for both dates when git has none (no git, a shallow clone, a new file). */
function fileHistory(paper: Paper): FileHistory {
  const known = readHistory().get(normalisePath(paper.filePath));
  if (known) return known;
  const mtime = fileMtime(paper.filePath);
  return { added: mtime, changed: mtime };
}

/** Who last changed a paper's notes and when, and how many people have edited its file; undefined without git history. */
export function paperNoteHistory(paper: Paper): { author: string; date: Date; editors: number } | undefined {
  if (!hasNotes(paper)) return undefined;
  const known = readHistory().get(normalisePath(paper.filePath));
  if (!known?.author || !known.authors) return undefined;
  return { author: known.author, date: known.changed, editors: known.authors.length };
}

/**
 * Path → first and last commit for the files under `dir`; empty when git or the history is unavailable,
 * and in a shallow clone, whose one commit would date every file to the day it was cloned.
 */
function readGitHistory(dir: string): Map<string, FileHistory> {
  try {
    const git = (args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
    if (git(['rev-parse', '--is-shallow-repository']).trim() === 'true') return new Map();
    return parseGitHistory(git(gitLogArgs(dir)));
  } catch {
    return new Map();
  }
}

function fileMtime(path: string): Date {
  try {
    return statSync(path).mtime;
  } catch {
    return new Date(0);
  }
}

/** A paper's neighbours on one of its topics' lists, in reading order. */
export interface TopicNeighbours {
  topicId: string;
  previous: Paper | undefined;
  next: Paper | undefined;
}

/** Paper id → its neighbours on each of its topics, in reading order; computed once per build. */
export const getTopicNeighbours = perBuild(async (): Promise<Map<string, TopicNeighbours[]>> => {
  const neighbours = new Map<string, TopicNeighbours[]>();
  for (const topic of await getTopics()) {
    const order = (await getTopicPages(topic.id)).flatMap((page) => page.sections.flatMap((section) => section.items));
    order.forEach((paper, index) => {
      const list = neighbours.get(paper.id) ?? [];
      list.push({ topicId: topic.id, previous: order[index - 1], next: order[index + 1] });
      neighbours.set(paper.id, list);
    });
  }
  return neighbours;
});

/** A paper's place (0 first) in each order a topic list can be sorted by in the browser; `noted` only for papers with notes. */
export interface SortRanks {
  title: number;
  added: number;
  noted?: number;
}

/** Paper id → its places in the orders of `SortRanks`: A to Z, most recently added, most recently annotated. Once per build. */
export const getSortRanks = perBuild(async (): Promise<Map<string, SortRanks>> => {
  const papers = await getPapers();
  const ranks = new Map<string, SortRanks>(papers.map((paper, index) => [paper.id, { title: index, added: 0 }]));
  sortByRecency(papers.map((paper) => ({ paper, date: paperAddedDate(paper) }))).forEach(({ paper }, index) => {
    ranks.get(paper.id)!.added = index;
  });
  sortByRecency(papers.filter(hasNotes).map((paper) => ({ paper, date: paperNoteDate(paper)! }))).forEach(({ paper }, index) => {
    ranks.get(paper.id)!.noted = index;
  });
  return ranks;
});

/** Every paper as a catalogue entry (see `catalogueSchema`); `site` makes the URLs absolute. */
export async function getCatalogueEntries(site: URL | undefined): Promise<CatalogueEntry[]> {
  const [related, index] = await Promise.all([getRelatedPapers(), getLinkIndex()]);
  return (await getPapers()).map((paper) => {
    const path = withBase(paperPath(paper.id));
    return catalogueEntry(paper, site ? new URL(path, site).href : path, (related.get(paper.id) ?? []).map(({ id }) => id), index);
  });
}

/** Every paper's BibTeX key, unique over the whole list (`/papers.bib`, the topics' `.bib` files and each page's Cite block agree). */
export const getBibtexKeys = perBuild(async () => bibtexKeys((await getPapers()).map(citableFields)));

/** A paper as its citation sees it: the page's address is absolute when the site's address is configured. */
export function citable(paper: Paper, site: URL | undefined): Citable {
  const path = withBase(paperPath(paper.id));
  return { ...citableFields(paper), page: site ? new URL(path, site).href : path };
}

function citableFields(paper: Paper): Omit<Citable, 'page'> {
  const { title, authors, year, venue, arxiv, doi, url, pdf } = paper.data;
  return { id: paper.id, title, authors, year, venue, arxiv, doi, url, pdf };
}

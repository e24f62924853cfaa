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
import { safeNotes } from '../papers/safe-notes.ts';
import { chooseNoteDate, gitLogArgs, parseGitLog, sortNewestFirst } from '../feeds/notes.ts';
import { hasNotes, papersByInitial, sortByTitle, sortTopics, topicReadingGroups } from './papers.ts';
import { paginateSections, papersPerPage, type ListPage } from './pagination.ts';
import { relatedInputs, relatedPapers, type Related } from '../related/related.ts';
import { keyPhrases } from './stats.ts';
import { paperPath, withBase } from './urls.ts';
import type { CatalogueEntry } from '../papers/schema.ts';

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

/** Each paper's most similar papers (TF-IDF over title, abstract and notes, within its topics), computed once per build. */
export const getRelatedPapers = perBuild(async (): Promise<Map<string, Related[]>> => relatedPapers(relatedInputs(await getPapers())));

/** A paper's most similar papers (see `getRelatedPapers`), most similar first. */
export async function getPaperRelated(paper: Paper): Promise<Paper[]> {
  const [related, byId] = await Promise.all([getRelatedPapers(), getPapersById()]);
  return (related.get(paper.id) ?? []).map(({ id }) => byId.get(id)).filter((other) => other !== undefined);
}

/** Topic id → title, for labelling a paper's topics. */
export function topicTitles(topics: readonly { id: string; data: { title: string } }[]): Map<string, string> {
  return new Map(topics.map((topic) => [topic.id, topic.data.title]));
}

/** The topic rules applied to a paper: `classify` for its page's evidence, `scores` for the order on topic pages. */
export interface TopicClassifier {
  classify(paper: Paper): Classification;
  scores(paper: Paper): Classification['scores'];
}

const classifiers = new WeakMap<readonly CollectionEntry<'topics'>[], TopicClassifier>();

/** Classifies papers with the topic rules, as ingest does, so pages can show why a paper is on a topic and how central it is. */
export function topicClassifier(topics: readonly CollectionEntry<'topics'>[]): TopicClassifier {
  let classifier = classifiers.get(topics);
  if (!classifier) {
    // Compiling the rules' regular expressions costs more than classifying one paper: once per topic list.
    const compiled = compileTopics(
      topics.map((topic) => ({ ...topic.data, slug: topic.id, body: topic.body ?? '', file: topic.filePath ?? topic.id })),
    );
    // Paper pages and every topic page ask about the same papers: each is classified once, and only its
    // scores are kept for the topic pages (the evidence, with its excerpts, is for its own page alone).
    const known = new WeakMap<Paper, Classification['scores']>();
    const classifyPaper = (paper: Paper) => {
      const result = classify(paper.data, compiled);
      known.set(paper, result.scores);
      return result;
    };
    classifier = { classify: classifyPaper, scores: (paper) => known.get(paper) ?? classifyPaper(paper).scores };
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
  return sortNewestFirst(papers.map((paper) => ({ paper, title: paper.data.title, date: paperDate(paper, paper.data.noted) })));
}

/** When a paper's file last changed: its last commit, else its mtime. */
export function paperFileDate(paper: Paper): Date {
  return paperDate(paper, undefined);
}

let commitDatesOnce: Map<string, Date> | undefined;

/** `noted` when given, else the file's last commit (one `git log` per build for the whole folder), else its mtime. */
function paperDate(paper: Paper, noted: Date | undefined): Date {
  commitDatesOnce ??= readCommitDates(PAPERS_DIR);
  const filePath = paper.filePath;
  return chooseNoteDate(noted, filePath, commitDatesOnce, () => fileMtime(filePath)).date;
}

/** Path → last commit date for the files under `dir`; empty when git or the history is unavailable. */
function readCommitDates(dir: string): Map<string, Date> {
  try {
    const output = execFileSync('git', gitLogArgs(dir), {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    return parseGitLog(output);
  } catch {
    return new Map();
  }
}

function fileMtime(path: string): Date {
  try {
    return statSync(path).mtime;
  } catch {
    return new Date();
  }
}

/** Every paper as a catalogue entry (see `catalogueSchema`); `site` makes the URLs absolute. */
export async function getCatalogueEntries(site: URL | undefined): Promise<CatalogueEntry[]> {
  const related = await getRelatedPapers();
  return (await getPapers()).map((paper) => {
    const path = withBase(paperPath(paper.id));
    return {
      id: paper.id,
      url: site ? new URL(path, site).href : path,
      title: paper.data.title,
      abstract: paper.data.abstract,
      topics: paper.data.topics,
      sources: paper.data.sources,
      status: paper.data.status ?? null,
      tags: paper.data.tags ?? [],
      rating: paper.data.rating ?? null,
      links: paper.data.links ?? [],
      // The notes as the page shows them: Markdown without what sanitizing removes (see src/papers/safe-notes.ts).
      notes: safeNotes(paper.body, { mdx: paper.filePath.endsWith('.mdx') }).markdown.trim(),
      related: (related.get(paper.id) ?? []).map(({ id }) => id),
    };
  });
}

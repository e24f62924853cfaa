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
import { chooseNoteDate, gitLogArgs, parseGitLog, sortNewestFirst } from '../feeds/notes.ts';
import { hasNotes, papersByInitial, sortByTitle, sortTopics, topicReadingGroups } from './papers.ts';
import { paginateSections, papersPerPage, type ListPage } from './pagination.ts';
import { relatedPapers, type Related } from '../related/related.ts';
import { keyPhrases } from './stats.ts';
import { notesText } from './text.ts';
import { paperPath, withBase } from './urls.ts';
import type { CatalogueEntry } from '../papers/schema.ts';

export type { Paper };

// A build renders every page in one process: read and sort each collection once, not once per page.
let papersOnce: Promise<Paper[]> | undefined;
let topicsOnce: Promise<CollectionEntry<'topics'>[]> | undefined;
const classifiers = new WeakMap<readonly CollectionEntry<'topics'>[], ((paper: Paper) => Classification) & { scores: (paper: Paper) => Classification['scores'] }>();

/** Every paper, sorted by title. Shared between pages: do not mutate. */
export function getPapers(): Promise<Paper[]> {
  const read = async () => sortByTitle(loadPapers(PAPERS_DIR, TOPICS_DIR));
  // In `astro dev` content changes while the process lives: read it afresh.
  if (import.meta.env.DEV) return read();
  papersOnce ??= read();
  return papersOnce;
}

/** The rendered notes of a paper (a component to place on the page), if it has any. */
export async function getNotesContent(paper: Paper) {
  if (!hasNotes(paper)) return undefined;
  const entry = await getEntry('notes', paper.id);
  return entry ? (await render(entry)).Content : undefined;
}

/** Every topic, in home-page order. Shared between pages: do not mutate. */
export function getTopics(): Promise<CollectionEntry<'topics'>[]> {
  if (import.meta.env.DEV) return getCollection('topics').then(sortTopics);
  topicsOnce ??= getCollection('topics').then(sortTopics);
  return topicsOnce;
}

let paperIndexOnce: Promise<ListPage<Paper>[]> | undefined;

/** All papers, A to Z, grouped by initial and split into list pages. */
export function getPaperIndexPages(): Promise<ListPage<Paper>[]> {
  const compute = async () =>
    paginateSections(
      papersByInitial(await getPapers()).map((group) => ({
        id: `letter-${group.initial === '#' ? 'other' : group.initial}`,
        heading: group.initial,
        items: group.papers,
      })),
      papersPerPage(),
    );
  if (import.meta.env.DEV) return compute();
  paperIndexOnce ??= compute();
  return paperIndexOnce;
}

const topicPagesOnce = new Map<string, Promise<ListPage<Paper>[]>>();

/** A topic's papers in reading order (see `topicReadingGroups`), split into list pages. */
export function getTopicPages(topicId: string): Promise<ListPage<Paper>[]> {
  const compute = async () => {
    const topics = await getTopics();
    const centrality = topicCentrality(topics);
    const groups = topicReadingGroups(await getPapers(), topicId, topics, (paper) => centrality(paper, topicId));
    return paginateSections(groups.map((group) => ({ id: group.id, heading: group.heading, items: group.papers })), papersPerPage());
  };
  if (import.meta.env.DEV) return compute();
  if (!topicPagesOnce.has(topicId)) topicPagesOnce.set(topicId, compute());
  return topicPagesOnce.get(topicId)!;
}

let keyPhrasesOnce: Promise<Map<string, { phrase: string; papers: number }[]>> | undefined;

/** Each topic's most characteristic phrases (see `keyPhrases`), computed once per build. */
export function getKeyPhrases(): Promise<Map<string, { phrase: string; papers: number }[]>> {
  const compute = async () => {
    const papers = (await getPapers()).map((paper) => ({ title: paper.data.title, abstract: paper.data.abstract, topics: paper.data.topics }));
    return keyPhrases(papers, (await getTopics()).map((topic) => topic.id));
  };
  if (import.meta.env.DEV) return compute();
  keyPhrasesOnce ??= compute();
  return keyPhrasesOnce;
}

let relatedOnce: Promise<Map<string, Related[]>> | undefined;

/** Each paper's most similar papers (TF-IDF over title, abstract and notes), computed once per build. */
export function getRelatedPapers(): Promise<Map<string, Related[]>> {
  const compute = () =>
    getPapers().then((papers) =>
      relatedPapers(papers.map((paper) => ({ id: paper.id, title: paper.data.title, abstract: paper.data.abstract, notes: notesText(paper.body ?? '') }))),
    );
  if (import.meta.env.DEV) return compute();
  relatedOnce ??= compute();
  return relatedOnce;
}

let papersByIdOnce: Promise<Map<string, Paper>> | undefined;

/** A paper's most similar papers (see `getRelatedPapers`), most similar first. */
export async function getPaperRelated(paper: Paper): Promise<Paper[]> {
  const [related, byId] = await Promise.all([getRelatedPapers(), (papersByIdOnce ??= getPapers().then((papers) => new Map(papers.map((other) => [other.id, other]))))]);
  if (import.meta.env.DEV) papersByIdOnce = undefined;
  return (related.get(paper.id) ?? []).map(({ id }) => byId.get(id)!).filter(Boolean);
}

/** Topic id → title, for labelling a paper's topics. */
export function topicTitles(topics: readonly { id: string; data: { title: string } }[]): Map<string, string> {
  return new Map(topics.map((topic) => [topic.id, topic.data.title]));
}

/** Classifies papers with the topic rules, as ingest does, so pages can show why a paper is on a topic. */
export function topicClassifier(topics: readonly CollectionEntry<'topics'>[]) {
  let classifier = classifiers.get(topics);
  if (!classifier) {
    // Compiling the rules' regular expressions costs more than classifying one paper: once per topic list.
    const compiled = compileTopics(
      topics.map((topic) => ({ ...topic.data, slug: topic.id, body: topic.body ?? '', file: topic.filePath ?? topic.id })),
    );
    // Paper pages and every topic page ask about the same papers: each is classified once, and only its
    // scores are kept for the topic pages (the evidence, with its excerpts, is for its own page alone).
    const scores = new WeakMap<Paper, Classification['scores']>();
    classifier = Object.assign(
      (paper: Paper) => {
        const result = classify(paper.data, compiled);
        scores.set(paper, result.scores);
        return result;
      },
      { scores: (paper: Paper) => scores.get(paper) ?? classifier!(paper).scores },
    );
    classifiers.set(topics, classifier);
  }
  return classifier;
}

/**
 * How central a paper is to a topic: the classifier's score for it (how strongly
 * its title and abstract name the topic), so topic pages can put the core first.
 */
export function topicCentrality(topics: readonly CollectionEntry<'topics'>[]) {
  const classifier = topicClassifier(topics);
  return (paper: Paper, topicId: string): number => classifier.scores(paper)[topicId] ?? 0;
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
      notes: (paper.body ?? '').trim(),
      related: (related.get(paper.id) ?? []).map(({ id }) => id),
    };
  });
}

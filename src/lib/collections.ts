/** Reads the content collections once per page in the shapes the pages use. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { classify, compileTopics } from './classify.ts';
import { sortByTitle, sortTopics } from './papers.ts';

/** Every paper, sorted by title. */
export async function getPapers() {
  return sortByTitle(await getCollection('papers'));
}

/** Every topic, in home-page order. */
export async function getTopics() {
  return sortTopics(await getCollection('topics'));
}

/** Topic id → title, for labelling a paper's topics. */
export function topicTitles(topics: readonly { id: string; data: { title: string } }[]): Map<string, string> {
  return new Map(topics.map((topic) => [topic.id, topic.data.title]));
}

/** Classifies papers with the topic rules, as ingest does, so pages can show why a paper is on a topic. */
export function topicClassifier(topics: readonly CollectionEntry<'topics'>[]) {
  const compiled = compileTopics(
    topics.map((topic) => ({ ...topic.data, slug: topic.id, body: topic.body ?? '', file: topic.filePath ?? topic.id })),
  );
  return (paper: CollectionEntry<'papers'>) => classify(paper.data, compiled);
}

/**
 * How central a paper is to a topic: the classifier's score for it (how strongly
 * its title and abstract name the topic), so topic pages can put the core first.
 */
export function topicCentrality(topics: readonly CollectionEntry<'topics'>[]) {
  const classifyPaper = topicClassifier(topics);
  return (paper: CollectionEntry<'papers'>, topicId: string): number => classifyPaper(paper).scores[topicId] ?? 0;
}

/**
 * Measures related papers against hand topic labels: how often a paper's
 * related papers share one of its labelled topics. Pure: lists in, numbers out.
 */
import { normaliseTitle, type Label } from '../topics/evaluate.ts';

/** A paper as the measure sees it. */
export interface RelatedEvalPaper {
  id: string;
  title: string;
}

/** One related paper that shares no labelled topic with the paper it is listed for. */
export interface RelatedMiss {
  title: string;
  topics: readonly string[];
  related: string;
  relatedTopics: readonly string[];
}

/** Related-paper precision over the labelled pairs. */
export interface RelatedPrecision {
  /** Share of judged pairs whose two papers share a labelled topic (1 when none were judged). */
  precision: number;
  /** Pairs judged: both papers labelled, the first on at least one topic. */
  judged: number;
  /** Of those, pairs that share a topic. */
  shared: number;
  /** Labelled papers on a topic that got no related paper at all. */
  empty: number;
  misses: RelatedMiss[];
}

/**
 * Topic precision of related papers: for every paper the labels put on a topic, each of its related
 * papers that is labelled too counts as a hit when the labels give the two papers a topic in common
 * (a related paper labelled `none` is a miss). Unlabelled related papers are not judged.
 */
export function relatedPrecision(
  papers: readonly RelatedEvalPaper[],
  related: ReadonlyMap<string, readonly { id: string }[]>,
  labels: readonly Label[],
): RelatedPrecision {
  const labelOf = new Map(labels.map((label) => [normaliseTitle(label.title), label.topics]));
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const topicsOf = (paper: RelatedEvalPaper | undefined) => (paper ? labelOf.get(normaliseTitle(paper.title)) : undefined);
  let judged = 0;
  let shared = 0;
  let empty = 0;
  const misses: RelatedMiss[] = [];
  for (const paper of papers) {
    const topics = topicsOf(paper);
    if (!topics || topics.length === 0) continue;
    const list = related.get(paper.id) ?? [];
    if (list.length === 0) empty += 1;
    for (const { id } of list) {
      const other = byId.get(id);
      const otherTopics = topicsOf(other);
      if (!other || !otherTopics) continue;
      judged += 1;
      if (otherTopics.some((topic) => topics.includes(topic))) shared += 1;
      else misses.push({ title: paper.title, topics, related: other.title, relatedTopics: otherTopics });
    }
  }
  return { precision: judged === 0 ? 1 : shared / judged, judged, shared, empty, misses };
}

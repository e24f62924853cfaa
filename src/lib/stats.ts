/** Figures for the stats page: counts, overlaps and each topic's characteristic phrases. Pure. */
import { terms } from './related.ts';

/** What the stats read from a paper. */
export interface StatsPaper {
  title: string;
  abstract: string;
  topics: readonly string[];
}

/** Papers per topic, in the order of `topicIds`, plus papers on none. */
export function topicCounts(papers: readonly StatsPaper[], topicIds: readonly string[]): { id: string; count: number }[] {
  return [
    ...topicIds.map((id) => ({ id, count: papers.filter((paper) => paper.topics.includes(id)).length })),
    { id: 'none', count: papers.filter((paper) => paper.topics.length === 0).length },
  ];
}

/** Overlap matrix: `matrix[i][j]` papers are on both topic i and topic j (the diagonal is each topic's total). */
export function topicOverlap(papers: readonly StatsPaper[], topicIds: readonly string[]): number[][] {
  const matrix = topicIds.map(() => topicIds.map(() => 0));
  for (const paper of papers) {
    const on = topicIds.map((id) => paper.topics.includes(id));
    on.forEach((a, i) => on.forEach((b, j) => a && b && (matrix[i][j] += 1)));
  }
  return matrix;
}

/**
 * The phrases most characteristic of each topic: frequent among its papers
 * and rare among the others (document-frequency ratio, weighted by how
 * common the phrase is in the topic). Word pairs are preferred to single words.
 */
export function keyPhrases(papers: readonly StatsPaper[], topicIds: readonly string[], count = 10): Map<string, { phrase: string; papers: number }[]> {
  // Count each phrase's papers once overall, then once per topic over the topic's own papers:
  // "elsewhere" is the difference, so the work is one pass plus the topics' sizes.
  const documents = papers.map((paper) => new Set(terms(`${paper.title}. ${paper.abstract}`)));
  const overall = new Map<string, number>();
  for (const document of documents) for (const term of document) overall.set(term, (overall.get(term) ?? 0) + 1);
  const result = new Map<string, { phrase: string; papers: number }[]>();
  for (const id of topicIds) {
    const inside = new Map<string, number>();
    let insideTotal = 0;
    papers.forEach((paper, index) => {
      if (!paper.topics.includes(id)) return;
      insideTotal += 1;
      for (const term of documents[index]) inside.set(term, (inside.get(term) ?? 0) + 1);
    });
    const outsideTotal = papers.length - insideTotal;
    const minimum = Math.max(2, Math.ceil(insideTotal * 0.05));
    const scored = [...inside]
      .filter(([, df]) => df >= minimum)
      .map(([phrase, df]) => {
        const share = df / insideTotal;
        const elsewhere = (overall.get(phrase)! - df + 0.5) / (outsideTotal + 1);
        const pairBonus = phrase.includes(' ') ? 1.5 : 1;
        return { phrase, papers: df, score: share * Math.log(share / elsewhere) * pairBonus };
      })
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score || a.phrase.localeCompare(b.phrase));
    // Skip a word already shown inside a chosen pair ("context" after "long context").
    const chosen: { phrase: string; papers: number }[] = [];
    for (const entry of scored) {
      if (chosen.length === count) break;
      if (chosen.some((picked) => picked.phrase.split(' ').includes(entry.phrase) || entry.phrase.split(' ').every((word) => picked.phrase.split(' ').includes(word)))) continue;
      chosen.push({ phrase: entry.phrase, papers: entry.papers });
    }
    result.set(id, chosen);
  }
  return result;
}

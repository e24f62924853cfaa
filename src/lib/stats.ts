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
  const documents = papers.map((paper) => new Set(terms(`${paper.title}. ${paper.abstract}`)));
  const result = new Map<string, { phrase: string; papers: number }[]>();
  for (const id of topicIds) {
    const inside = new Map<string, number>();
    const outside = new Map<string, number>();
    let insideTotal = 0;
    papers.forEach((paper, index) => {
      const on = paper.topics.includes(id);
      if (on) insideTotal += 1;
      for (const term of documents[index]) (on ? inside : outside).set(term, ((on ? inside : outside).get(term) ?? 0) + 1);
    });
    const outsideTotal = papers.length - insideTotal;
    const minimum = Math.max(2, Math.ceil(insideTotal * 0.05));
    const scored = [...inside]
      .filter(([, df]) => df >= minimum)
      .map(([phrase, df]) => {
        const share = df / insideTotal;
        const elsewhere = ((outside.get(phrase) ?? 0) + 0.5) / (outsideTotal + 1);
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

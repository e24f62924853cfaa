/** Figures for the stats page: counts, overlaps and each topic's characteristic phrases. Pure. */
import { countTerms } from '../related/related.ts';

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
  const { terms, termCount, documentFrequency: overall, termText } = countTerms(papers.map((paper) => [[`${paper.title}. ${paper.abstract}`, 1]]));
  const result = new Map<string, { phrase: string; papers: number }[]>();
  const inside = new Int32Array(termCount);
  for (const id of topicIds) {
    inside.fill(0);
    let insideTotal = 0;
    papers.forEach((paper, index) => {
      if (!paper.topics.includes(id)) return;
      insideTotal += 1;
      for (const term of terms[index]) inside[term] += 1;
    });
    const outsideTotal = papers.length - insideTotal;
    const minimum = Math.max(2, Math.ceil(insideTotal * 0.05));
    const scored: { phrase: string; papers: number; score: number }[] = [];
    for (let term = 0; term < termCount; term += 1) {
      const df = inside[term];
      if (df < minimum) continue;
      const phrase = termText(term);
      const share = df / insideTotal;
      const elsewhere = (overall[term] - df + 0.5) / (outsideTotal + 1);
      const pairBonus = phrase.includes(' ') ? 1.5 : 1;
      const score = share * Math.log(share / elsewhere) * pairBonus;
      if (score > 0) scored.push({ phrase, papers: df, score });
    }
    scored.sort((a, b) => b.score - a.score || a.phrase.localeCompare(b.phrase));
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

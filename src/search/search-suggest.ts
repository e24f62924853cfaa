/**
 * Spelling suggestions for a search that found few papers or none, drawn from the index's own
 * vocabulary (search-vocabulary.ts): "atention sink" → "attention sink". A word is corrected when no
 * paper holds it, or when a word a letter or two away is in many more papers (a typo that one
 * abstract shares); the corrected queries are then tried, and only those that find more are shown.
 */
import { normalizeWord, replaceWords } from './search-query.ts';
import type { Vocabulary } from './search-vocabulary.ts';

/** How many times as many papers a word must be in to replace a word that some papers hold. */
export const TYPO_FACTOR = 20;

/** A word that some papers hold is corrected only from this many letters on. */
export const SURE_TYPO_LENGTH = 6;

/** A spelling the search page offers: the query, and how many papers it finds. */
export interface Suggestion {
  query: string;
  count: number;
}

/** A word of a query, and how many papers hold it (over the whole list). */
export interface CountedWord {
  word: string;
  count: number;
}

/**
 * The edit distance of `a` and `b` (insertions, deletions, substitutions and swaps of two neighbours,
 * each 1), or `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/** How far a word of this length may be from its correction: none under 4 letters, 1 up to 5, then 2. */
export function allowedDistance(length: number): number {
  return length < 4 ? 0 : length <= 5 ? 1 : 2;
}

/**
 * Up to `limit` corrections of `word` from `vocabulary`, closest first and, as close, the commonest
 * first, leaving out a word that starts with a better one (Pagefind matches "attention" in
 * "attentions" already). A word no paper holds (`count` 0) may be corrected to any word near enough.
 * A word some papers hold, only when it is long (SURE_TYPO_LENGTH) and the correction one letter away
 * is in TYPO_FACTOR times as many papers: a typo that one abstract shares ("atention") still gets
 * "attention", but "sink" is never "since".
 */
export function corrections(word: string, vocabulary: Vocabulary, count = 0, limit = 3): string[] {
  const key = normalizeWord(word);
  if (count > 0 && key.length < SURE_TYPO_LENGTH) return [];
  const distance = Math.min(allowedDistance(key.length), count > 0 ? 1 : Infinity);
  if (distance === 0) return [];
  const moreThan = count * TYPO_FACTOR;
  const found: { word: string; distance: number; count: number }[] = [];
  for (const [candidate, papers] of vocabulary) {
    if (papers <= moreThan || candidate === key) continue;
    const away = editDistance(key, candidate, distance);
    if (away <= distance) found.push({ word: candidate, distance: away, count: papers });
  }
  found.sort((a, b) => a.distance - b.distance || b.count - a.count || (a.word < b.word ? -1 : 1));
  const chosen: string[] = [];
  for (const { word: candidate } of found) {
    if (chosen.length === limit) break;
    if (!chosen.some((better) => candidate.startsWith(better))) chosen.push(candidate);
  }
  return chosen;
}

/**
 * Queries to try instead of `query`, best first, at most `limit`: every word that needs it corrected
 * to its best correction, then each such word to its next ones. None when no word needs correcting.
 */
export function suggestedQueries(query: string, words: readonly CountedWord[], vocabulary: Vocabulary, limit = 3): string[] {
  const fixes = words
    .map(({ word, count }) => ({ key: normalizeWord(word), options: corrections(word, vocabulary, count) }))
    .filter((fix) => fix.options.length > 0);
  if (fixes.length === 0) return [];
  const best = new Map(fixes.map((fix) => [fix.key, fix.options[0]!]));
  const queries = [replaceWords(query, best)];
  for (const fix of fixes) {
    for (const option of fix.options.slice(1)) queries.push(replaceWords(query, new Map([...best, [fix.key, option]])));
  }
  return [...new Set(queries)].slice(0, limit);
}

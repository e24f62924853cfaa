/**
 * The index's vocabulary: every word of the searched text (titles, abstracts, notes) with how many
 * papers hold it, written beside the index at build time (`pagefind/vocabulary.json`). The search
 * page loads it only when a search finds few papers or none, to suggest spellings that do.
 */

/** The file's name inside the Pagefind bundle (`dist/pagefind/`). */
export const VOCABULARY_FILE = 'vocabulary.json';

/** At most this many words are kept: the words in at least k papers, for the smallest k that fits. */
export const VOCABULARY_MAX_WORDS = 10_000;

/** Words shorter than this are not corrected, so they are not listed. */
export const SHORTEST_WORD = 3;

/** A word → how many papers hold it. */
export type Vocabulary = ReadonlyMap<string, number>;

/** The distinct words of `text`, as the index compares them: lower case, no diacritics, with a letter, at least SHORTEST_WORD long. */
export function vocabularyWords(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => word.length >= SHORTEST_WORD && /\p{L}/u.test(word)));
}

/** Counts one paper's words (its title, abstract and notes) into `counts`. */
export function countPaperWords(counts: Map<string, number>, text: string): void {
  for (const word of vocabularyWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
}

/**
 * The vocabulary file: `{ "words": { word: papers } }`, commonest first, and within a count A to Z, so
 * that the same papers give the same bytes. Past `maxWords` words, the rarest are left out, a whole
 * count at a time (at 10,000 synthetic papers, most words in one paper only are coined method names).
 */
export function vocabularyJson(counts: ReadonlyMap<string, number>, maxWords = VOCABULARY_MAX_WORDS): string {
  const sorted = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  let kept = sorted.length;
  for (let least = 1; kept > maxWords; least++) kept = sorted.filter(([, count]) => count > least).length;
  return JSON.stringify({ words: Object.fromEntries(sorted.slice(0, kept)) });
}

/** Reads a vocabulary file; a file that is not one gives an error saying so. */
export function parseVocabulary(json: string): Map<string, number> {
  const data = JSON.parse(json) as { words?: unknown };
  if (!data.words || typeof data.words !== 'object') throw new Error(`${VOCABULARY_FILE} has no "words" object`);
  return new Map(Object.entries(data.words as Record<string, unknown>).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

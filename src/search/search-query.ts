/**
 * What the search page asks Pagefind for. Pagefind looks up every word of a query, each in its own
 * chunk of the index, and the commonest words' entries are the biggest: at 10,000 papers a first search
 * for "chain of thought" loaded 94 KiB of index, 16 KiB for "chain thought", with the same 1,135 papers
 * found. Nearly every abstract holds "of", "in" and "a", so they narrow nothing, and they rank nothing
 * either (BM25 weighs a word by how rare it is). So the words below are left out of a query, as most
 * search engines do, except:
 * - the last word, which may be the start of a longer one still being typed ("in" → "inference");
 * - a query with a quoted phrase, which Pagefind matches word for word.
 */

/** English function words that narrow no search over abstracts. */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'its',
  'of', 'on', 'or', 'the', 'to', 'was', 'were', 'with',
]);

/** `query` without its stop words (but its last word), or as it is if it quotes a phrase. */
export function searchTerms(query: string): string {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (query.includes('"')) return words.join(' ');
  return words.filter((word, index) => index === words.length - 1 || !STOP_WORDS.has(word.toLowerCase())).join(' ');
}

/**
 * A word as the index compares it: lower case, without diacritics or punctuation. Pagefind drops
 * punctuation from a query ("test-time" is looked up as "testtime") and folds diacritics too.
 */
export function normalizeWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[^\p{L}\p{N}]/gu, '');
}

/** The words of `query` that Pagefind looks up (see `searchTerms`), as typed, without quotes or repeats. */
export function queryWords(query: string): string[] {
  const seen = new Set<string>();
  return searchTerms(query.replace(/"/g, ' ')).split(' ').filter((word) => {
    const key = normalizeWord(word);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `query` with each word that `replacements` names (by its normalized form) replaced, the rest as typed. */
export function replaceWords(query: string, replacements: ReadonlyMap<string, string>): string {
  return query
    .trim()
    .split(/\s+/)
    .map((word) => replacements.get(normalizeWord(word)) ?? word)
    .join(' ');
}

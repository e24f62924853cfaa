/**
 * What a search result shows of a paper: its title and an excerpt of its text, with the words the
 * search matched highlighted. Both are made from the page's text as Pagefind stored it (the title,
 * then the abstract and the notes) and the positions of the matched words in it, which Pagefind
 * reports for each result. The page draws the runs as text nodes, so nothing in a paper can run.
 *
 * Pagefind's own excerpt is the densest stretch of matches in the whole text, and the title counts:
 * a paper whose title holds the words got an excerpt that started with the title, which the page
 * then had to cut, leaving the abstract's opening with nothing highlighted ("kv cache": 4 of the
 * first 5). Here the title is highlighted where it stands, and the excerpt is the stretch of the
 * abstract and notes around their matches.
 */

/** A run of text, highlighted or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** A matched word: its position among the text's words, and how much it counts (Pagefind's `weighted_locations`). */
export interface MatchedWord {
  location: number;
  balanced_score?: number;
}

/** Words in an excerpt: about two lines at 1280 px, four or five on a phone. */
export const EXCERPT_WORDS = 36;

/** An excerpt that would start this few words into the abstract starts at its beginning instead. */
const SNAP_TO_START = 6;

/** The text's words, split as Pagefind numbers them. */
function wordsOf(content: string): string[] {
  return content.split(/[\r\n\s]+/g);
}

/** How many of the text's first words are the title: its word count if the text starts with it, else 0. */
function titleLength(words: readonly string[], title: string): number {
  const titleWords = title.trim().split(/\s+/).filter(Boolean);
  const head = words.slice(0, titleWords.length).join(' ');
  return titleWords.length > 0 && head.startsWith(titleWords.join(' ')) ? titleWords.length : 0;
}

/** `title` with the words at matched positions highlighted (the text Pagefind stored starts with the title). */
export function titleParts(title: string, content: string, matched: readonly MatchedWord[]): ExcerptPart[] {
  const length = titleLength(wordsOf(content), title);
  const marked = new Set(matched.map((word) => word.location).filter((location) => location < length));
  const parts: ExcerptPart[] = [];
  let index = 0;
  for (const piece of title.trim().split(/(\s+)/)) {
    if (/^\s*$/.test(piece)) push(parts, piece, false);
    else pushWord(parts, piece, marked.has(index++));
  }
  return parts;
}

/**
 * An excerpt of the text after the title, `length` words centred on its densest stretch of matched
 * words (as Pagefind chooses, by their scores), with the matches highlighted; the text's opening
 * when nothing after the title matched. "…" marks where it cuts the text.
 */
export function matchedExcerpt(content: string, title: string, matched: readonly MatchedWord[], length = EXCERPT_WORDS): ExcerptPart[] {
  const words = wordsOf(content);
  const first = titleLength(words, title);
  const end = words.length;
  const inBody = matched.filter((word) => word.location >= first && word.location < end);
  let start = inBody.length > 0 ? densestStart(inBody, length, first) : first;
  if (start - first <= SNAP_TO_START) start = first;
  start = Math.max(first, Math.min(start, end - length));
  const stop = Math.min(end, start + length);
  const marked = new Set(inBody.map((word) => word.location));
  const parts: ExcerptPart[] = [];
  if (start > first) push(parts, '… ', false);
  for (let index = start; index < stop; index++) {
    if (index > start) push(parts, ' ', false);
    pushWord(parts, words[index]!, marked.has(index));
  }
  if (stop < end) push(parts, ' …', false);
  return parts;
}

/**
 * Where a window of `length` words (from word `first` on) holding the most matched weight starts, the
 * middle one of the best starts in a row, so that a lone match sits in the middle (Pagefind's `calculate_excerpt_region`).
 */
function densestStart(matched: readonly MatchedWord[], length: number, first: number): number {
  const weights: number[] = [];
  for (const word of matched) weights[word.location] = (weights[word.location] ?? 0) + (word.balanced_score ?? 1);
  const from = Math.max(first, Math.min(...matched.map((word) => word.location)) - length + 1);
  const to = Math.max(...matched.map((word) => word.location));
  let best = -1;
  let bestStarts: number[] = [];
  let sum = 0;
  for (let index = from; index < from + length; index++) sum += weights[index] ?? 0;
  for (let start = from; start <= to; start++) {
    if (start > from) sum += (weights[start + length - 1] ?? 0) - (weights[start - 1] ?? 0);
    if (sum > best) {
      best = sum;
      bestStarts = [start];
    } else if (sum === best && bestStarts.at(-1) === start - 1) {
      bestStarts.push(start);
    }
  }
  return bestStarts[Math.floor(bestStarts.length / 2)]!;
}

/** Adds a word, highlighting its letters and digits but not the punctuation around them ("(KV)," → "(", "KV", "),"). */
function pushWord(parts: ExcerptPart[], word: string, mark: boolean): void {
  if (!mark) return push(parts, word, false);
  const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
  if (!core) return push(parts, word, false);
  push(parts, before, false);
  push(parts, core, true);
  push(parts, after, false);
}

/** Adds text to the last run when it is highlighted alike, else as a new run. */
function push(parts: ExcerptPart[], text: string, mark: boolean): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last && last.mark === mark) last.text += text;
  else parts.push({ text, mark });
}

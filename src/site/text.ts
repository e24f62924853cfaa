/** Turning stored text (abstracts, notes) into what a page shows. */
import { safeNotes } from '../papers/safe-notes.ts';

/**
 * Paragraphs of a text, whitespace collapsed. Paragraphs are separated by a blank
 * line in the value, but YAML folds a blank line inside a quoted string into one
 * line break, so any line break separates paragraphs.
 */
export function paragraphs(text: string): string[] {
  return text
    .split(/\s*\n\s*/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length > 0);
}

/**
 * The start of a text, at most `max` characters: whole sentences when they fill
 * at least half of it, otherwise cut at a word and ended with an ellipsis.
 */
export function excerpt(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max + 1);
  const sentenceEnd = lastSentenceEnd(head);
  if (sentenceEnd >= max / 2) return head.slice(0, sentenceEnd).trim();
  const wordEnd = head.lastIndexOf(' ');
  const cut = wordEnd > max / 2 ? head.slice(0, wordEnd) : flat.slice(0, max);
  return `${cut.replace(/[\s,;:.(–-]+$/, '')}…`;
}

/** Index just past the last sentence-ending punctuation followed by a space (or the end). */
function lastSentenceEnd(text: string): number {
  let end = -1;
  for (const match of text.matchAll(/[.!?](?=\s|$)/g)) {
    // "e.g." and "i.e." do not end sentences.
    if (/\b(?:e\.g|i\.e|et al|etc|vs|cf)\.$/i.test(text.slice(0, match.index + 1))) continue;
    end = match.index + 1;
  }
  return end;
}

/** A date as "1 March 2025", read in UTC so the day never moves with the build machine's zone. */
export function formatDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "1 paper", "3 papers". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Plain text of Markdown or MDX notes, for an excerpt, a feed or the search index: of
 * the note as the page shows it (`safeNotes`: no script, style, iframe or their text),
 * it drops MDX imports and exports, code blocks, tags and `{expressions}`, and keeps
 * the words of emphasis, links and headings. Math (`$…$`, `$$…$$`) is kept as its TeX source.
 */
export function notesText(body: string): string {
  // Set math aside first: its braces and underscores are not MDX or emphasis.
  const math: string[] = [];
  return safeNotes(body).markdown
    .replace(/\$\$[\s\S]+?\$\$|\$[^$\n]+\$/g, (tex) => `\u0000${math.push(tex) - 1}\u0000`)
    .replace(/^(?:import|export)\s.*$/gm, ' ')
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__|\*|_|`|~~)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/\u0000(\d+)\u0000/g, (_, index: string) => math[Number(index)]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of the `<title>` element for a page title: "X · Shelf"; the home page's is "Shelf — reading list". */
export function documentTitle(title: string): string {
  return title === 'Shelf' ? 'Shelf — reading list' : `${title} · Shelf`;
}

/** Turning stored text (abstracts, notes) into what a page shows. */
import { safeNotes } from '../papers/safe-notes.ts';
import { plainWikilinks } from '../notes/wikilinks.ts';

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
 * the words of emphasis, links and headings; a `[[wikilink]]` reads as its text. Math (`$…$`, `$$…$$`) is kept as its TeX source.
 */
export function notesText(body: string): string {
  // Set math aside first: its braces and underscores are not MDX or emphasis.
  const math: string[] = [];
  return safeNotes(body).markdown
    .replace(/\$\$[\s\S]+?\$\$|\$[^$\n]+\$/g, (tex) => `\u0000${math.push(tex) - 1}\u0000`)
    .replace(/^(?:import|export)\s.*$/gm, ' ')
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/\[\[[^[\]\n]+\]\]/g, (link) => plainWikilinks(link))
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

/** The longest `<title>` a tab or a search result shows in full. */
export const MAX_DOCUMENT_TITLE = 70;

/**
 * The text of the `<title>` element for a page title: "X · Shelf", at most 70 characters
 * (a long title is cut at a word and ends with "…"; the page's `<h1>` keeps it whole);
 * the home page's is "Shelf — reading list".
 */
export function documentTitle(title: string): string {
  if (title === 'Shelf') return 'Shelf — reading list';
  const suffix = ' · Shelf';
  const flat = title.replace(/\s+/g, ' ').trim();
  const room = MAX_DOCUMENT_TITLE - suffix.length;
  if (flat.length <= room) return flat + suffix;
  const head = flat.slice(0, room);
  const word = head.lastIndexOf(' ');
  const cut = (word > room / 2 ? head.slice(0, word) : head.slice(0, room - 1)).replace(/[\s,;:.(–—-]+$/, '');
  return `${cut}…${suffix}`;
}

/**
 * The first line of a paper's notes as plain text (at most 200 characters): the first
 * paragraph that is not a heading, an MDX import or export, or code.
 */
export function noteFirstLine(body: string): string {
  const blocks = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '\n\n').split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((line) => !/^\s{0,3}#{1,6}\s|^(?:import|export)\s/.test(line));
    const text = notesText(lines.join('\n'));
    if (text) return excerpt(text, 200);
  }
  return '';
}

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', chi: 'χ',
  psi: 'ψ', omega: 'ω', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Sigma: 'Σ', Phi: 'Φ', Omega: 'Ω',
};
const SYMBOLS: Record<string, string> = { times: '×', sim: '∼', approx: '≈', le: '≤', leq: '≤', ge: '≥', geq: '≥', cdot: '·', pm: '±', infty: '∞', to: '→', rightarrow: '→' };
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
};

/** `x` in Unicode super- or subscript when every character has one, else `^(x)` / `_(x)`. */
function script(text: string, table: Record<string, string>, mark: string): string {
  const chars = [...text];
  return chars.every((char) => char in table) ? chars.map((char) => table[char]).join('') : `${mark}(${text})`;
}

/**
 * An abstract's TeX leftovers, as the paper-listing pages leave them once the math markup is lost,
 * made readable: "40times" and "times100" → "40×", "×100"; "sim20" → "∼20"; `\\alpha` and
 * "epsilon^{-1}" → "α", "ε⁻¹"; `mathcal{O}` → "O"; other `\\macro` names lose their backslash.
 * Only for display: the stored abstract, the search index and the catalogue keep the text as it is.
 */
export function cleanTeX(text: string): string {
  return text
    .replace(/\\?math(?:cal|bf|rm|bb|it|sf|tt|frak)\{([^{}]*)\}/g, '$1')
    .replace(/\\?text(?:bf|it|rm|tt)?\{([^{}]*)\}/g, '$1')
    .replace(/(\d)\\?(times|sim)(?![\p{L}])/gu, (_, digit: string, name: string) => `${digit}${SYMBOLS[name]}`)
    .replace(/(?<![\p{L}])\\?(times|sim)(?=\d)/gu, (_, name: string) => SYMBOLS[name]!)
    .replace(/(?<![\p{L}\\])([A-Za-z]+)(?=[\^_]\{)/gu, (word: string) => GREEK[word] ?? word)
    .replace(/\\([A-Za-z]+)/g, (_, name: string) => GREEK[name] ?? SYMBOLS[name] ?? name)
    .replace(/\^\{([^{}]*)\}/g, (_, inner: string) => script(inner, SUPERSCRIPT, '^'))
    .replace(/_\{([^{}]*)\}/g, (_, inner: string) => script(inner, SUBSCRIPT, '_'));
}

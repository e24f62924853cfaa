/**
 * Parse stage: one dump's text → its paper listings.
 *
 * A dump is text copied from a paper-listing page: page chrome, then
 * "title line, abstract" repeated. Titles and abstracts are told apart by
 * their shape (a title is one line that is not prose; an abstract is prose),
 * never by lengths seen in one dump, so both layouts parse: blank lines
 * between title and abstract, or none at all with chrome glued to a title.
 */
import type { Diagnostic } from './diagnostics.ts';

/** One appearance of a paper in a dump. */
export interface Listing {
  /** Title exactly as in the dump, whitespace collapsed. */
  title: string;
  /** Abstract; paragraphs separated by a blank line. */
  abstract: string;
  /** Dump file name. */
  dump: string;
  /** 1-based line of the title. */
  line: number;
}

/** What the parser found in one dump. */
export interface ParsedDump {
  listings: Listing[];
  warnings: Diagnostic[];
}

// Whole lines that are page chrome, never a paper.
const CHROME_LINES: RegExp[] = [
  /^new$/i,
  /^get trending papers in your email inbox( once a day)?!?$/i,
  /^subscribe$/i,
  /^by\s*AK and the research community$/i,
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(, \d{4})?$/i,
];
// Chrome that the copy glues onto the start of the next line ("SubscribeEfficient …").
const GLUED_CHROME = /^(?:Get trending papers in your email inbox(?: once a day)?!|Subscribe|new)(?=\p{Lu}|\p{N}|[^\p{L}\p{N}\s])/u;

// Anything but single plain spaces: tabs, newlines, NBSP, zero-width spaces, or two spaces in a row.
const ODD_SPACE = /[^\S ]|\u200b| {2}/;

/** Collapses runs of white space (including tabs and NBSP) to one space and trims. */
export function collapseWhitespace(text: string): string {
  // Most lines have single plain spaces only: test for anything else before rewriting the line.
  // \s covers tabs, NBSP and BOM; no `u` flag: this runs on every line of every dump.
  if (!ODD_SPACE.test(text)) return text.trim();
  return text.replace(/[\s\u200b]+/g, ' ').trim();
}

/** True for a line that is page chrome rather than part of a paper. */
export function isChrome(line: string): boolean {
  return CHROME_LINES.some((pattern) => pattern.test(line));
}

/** Removes chrome glued to the front of a line, e.g. `SubscribeTitle` → `Title`. */
export function stripGluedChrome(line: string): string {
  let rest = line;
  for (let match = GLUED_CHROME.exec(rest); match; match = GLUED_CHROME.exec(rest)) {
    rest = rest.slice(match[0].length).trimStart();
  }
  return rest;
}

// Sentence end: a full stop (or CJK one) after a word, followed by space and a capital, or the end of the line.
const SENTENCE_INSIDE = /[\p{Ll}\p{N})\]%]{2}[.。](?:\s+["“(]?\p{Lu}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu;
const ENDS_LIKE_PROSE = /[.。]["”')\]]?$/u;
const MAX_TITLE_WORDS = 40;

/**
 * True when a line has the shape of a title: a single phrase, not prose.
 * Prose ends with a full stop, links somewhere, or runs over several
 * sentences; a title does none of these (it may hold one break, "X. A Y
 * approach", and end in `?` or `!`, which is why those are not counted).
 */
export function looksLikeTitle(line: string): boolean {
  const text = collapseWhitespace(line);
  if (text === '' || /https?:\/\//i.test(text)) return false;
  if (ENDS_LIKE_PROSE.test(text) && !/\b(?:et al|etc|vs|e\.g|i\.e)\.$/i.test(text)) return false;
  if ((text.match(SENTENCE_INSIDE)?.length ?? 0) >= 2) return false;
  // CJK titles have no spaces; count characters there instead of words.
  const words = text.split(' ').length;
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  return words + Math.floor(cjk / 2) <= MAX_TITLE_WORDS;
}

interface TextLine {
  text: string;
  line: number;
  /** A blank line (or the start) came before this one: it starts a block. */
  startsBlock: boolean;
  /** The whole block is this one line. */
  wholeBlock: boolean;
}

/**
 * Splits a dump into non-blank, non-chrome lines, keeping line numbers and
 * blocks (runs of lines between blank lines). Pure.
 */
function contentLines(text: string): TextLine[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const result: TextLine[] = [];
  let startsBlock = true;
  lines.forEach((raw, index) => {
    const text = stripGluedChrome(collapseWhitespace(raw));
    if (text === '') {
      startsBlock = true;
      return;
    }
    if (isChrome(text)) return;
    result.push({ text, line: index + 1, startsBlock, wholeBlock: true });
    startsBlock = false;
  });
  result.forEach((line, index) => {
    const next = result[index + 1];
    line.wholeBlock = line.startsBlock && (next === undefined || next.startsBlock);
  });
  return result;
}

/**
 * True for a line that can be a title. In a dump with blank lines between
 * its parts, a title is a block of its own, so a wrapped abstract line never
 * passes for one; in a dump without blank lines, the shape alone decides.
 */
function titleCandidate(line: TextLine | undefined, blankSeparated: boolean): boolean {
  return line !== undefined && (!blankSeparated || line.wholeBlock) && looksLikeTitle(line.text);
}

/** Joins abstract lines: a new block, or a line after a finished sentence, starts a paragraph; a wrapped line continues one. */
function joinAbstract(lines: TextLine[], blankSeparated: boolean): string {
  let abstract = '';
  for (const line of lines) {
    if (abstract === '') abstract = line.text;
    else {
      const newParagraph = blankSeparated ? line.startsBlock : /[.。!?:]["”')\]]?$/u.test(abstract);
      abstract += (newParagraph ? '\n\n' : ' ') + line.text;
    }
  }
  return abstract;
}

/**
 * Parses one dump into listings. Pure: text in, listings and warnings out.
 * A title is a title-shaped line followed by text; everything up to the next
 * title-shaped line that is itself followed by text is its abstract.
 */
export function parseDump(text: string, dump: string): ParsedDump {
  const lines = contentLines(text);
  // Most lines start a block when blank lines separate titles from abstracts (layout a).
  const blankSeparated = lines.filter((line) => line.startsBlock).length * 2 > lines.length;
  const isTitle = (index: number) => titleCandidate(lines[index], blankSeparated);
  const listings: Listing[] = [];
  const warnings: Diagnostic[] = [];
  let index = 0;
  const skip = (line: TextLine, message: string, fix: string) =>
    warnings.push({ file: dump, line: line.line, message: `${message} was skipped ("${preview(line.text)}")`, fix });
  while (index < lines.length) {
    const head = lines[index];
    if (!isTitle(index)) {
      skip(head, 'text outside any paper', 'each paper needs a title line before its abstract; add the title or delete the stray text');
      index += 1;
      continue;
    }
    // Nothing after it, or two titles in a row and then prose: this title lost its abstract.
    if (index + 1 === lines.length || (isTitle(index + 1) && index + 2 < lines.length && !isTitle(index + 2))) {
      skip(head, 'title without an abstract', 'paste the abstract on the lines after the title, or delete the title');
      index += 1;
      continue;
    }
    // The first line after a title is its abstract whatever its shape (abstracts can be short);
    // later lines belong to it until the next title, a title-shaped line with text after it.
    let end = index + 2;
    while (end < lines.length && !(isTitle(end) && end + 1 < lines.length)) end += 1;
    // A title-shaped last line is a title that lost its abstract, not the end of this one.
    if (end === lines.length && end - 1 > index + 1 && isTitle(end - 1)) end -= 1;
    listings.push({
      title: head.text,
      abstract: joinAbstract(lines.slice(index + 1, end), blankSeparated),
      dump,
      line: head.line,
    });
    index = end;
  }
  if (listings.length === 0) {
    warnings.push({
      file: dump,
      line: 1,
      message: 'no papers found in this dump',
      fix: 'a dump holds a title line followed by its abstract, repeated; check that the right text was pasted',
    });
  }
  return { listings, warnings };
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Backlinks: for each paper, the notes on other papers that link to it, each with the sentence
 * around the mention, as Obsidian's and Quartz's backlinks show them. Computed once per build from
 * the notes' Markdown (see `src/site/collections.ts`).
 */
import { notesText } from '../site/text.ts';
import { findWikilinks, maskCode, resolveWikilink, wikilinkText, type LinkIndex } from './wikilinks.ts';

/** A note that mentions a paper: whose note it is, and the sentence, split around the link's text. */
export interface Mention {
  from: string;
  before: string;
  text: string;
  after: string;
}

const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * Paper id → the notes that link to it, one mention per note (its first), in the order of `notes`.
 * A note's links to its own paper are not backlinks.
 */
export function backlinks(notes: readonly { id: string; body: string }[], index: LinkIndex): Map<string, Mention[]> {
  const mentions = new Map<string, Mention[]>();
  for (const note of notes) {
    if (!note.body.includes('[[')) continue;
    const masked = maskCode(note.body);
    const seen = new Set<string>();
    for (const link of findWikilinks(masked)) {
      const resolution = resolveWikilink(index, link.target);
      if (resolution.kind !== 'paper' || resolution.id === note.id || seen.has(resolution.id)) continue;
      seen.add(resolution.id);
      const list = mentions.get(resolution.id) ?? [];
      list.push({ from: note.id, ...mentionSentence(note.body, masked, link.index, link.length, wikilinkText(link, resolution), index) });
      mentions.set(resolution.id, list);
    }
  }
  return mentions;
}

/** Paper id → the papers its note links to or whose notes link to it (both ways), for *Related papers*. */
export function linkedPapers(mentions: ReadonlyMap<string, readonly Mention[]>): Map<string, string[]> {
  const linked = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = linked.get(a) ?? [];
    if (!list.includes(b)) list.push(b);
    linked.set(a, list);
  };
  for (const [target, list] of mentions) {
    for (const { from } of list) {
      add(from, target);
      add(target, from);
    }
  }
  return linked;
}

/** The sentence of `body` holding the link at `start` (its paragraph, as plain text, cut at sentence ends). */
function mentionSentence(body: string, masked: string, start: number, length: number, text: string, index: LinkIndex) {
  const from = masked.lastIndexOf('\n\n', start) + 1;
  const next = masked.indexOf('\n\n', start + length);
  const to = next === -1 ? body.length : next;
  const marked = `${body.slice(from, start)}${OPEN}${text}${CLOSE}${body.slice(start + length, to)}`;
  // The other links in the paragraph read as their text; the line's list marker or heading goes.
  const plain = notesText(marked.replace(/\[\[([^[\]\n|]+)(?:\|([^[\]\n]*))?\]\]/g, (_, target: string, label: string | undefined) =>
    wikilinkText({ target: target.trim(), label: label?.trim() || undefined }, resolveWikilink(index, target.trim()))));
  const open = plain.indexOf(OPEN);
  const close = plain.indexOf(CLOSE, open);
  if (open === -1 || close === -1) return { before: '', text, after: '' };
  const sentenceStart = lastSentenceBreak(plain.slice(0, open));
  const afterText = plain.slice(close + 1);
  const end = /[.!?](?=\s|$)/.exec(afterText.replace(/\b(?:e\.g|i\.e|et al|etc|vs|cf)\./gi, (abbreviation) => abbreviation.replaceAll('.', '\u0003')));
  return {
    before: plain.slice(sentenceStart, open).trimStart(),
    text: plain.slice(open + 1, close),
    after: (end ? afterText.slice(0, end.index + 1) : afterText).trimEnd(),
  };
}

/** Where the sentence holding the end of `text` starts: just past the last `.`, `!` or `?` followed by a space. */
function lastSentenceBreak(text: string): number {
  let at = 0;
  for (const match of text.matchAll(/[.!?]\s+/g)) {
    if (/\b(?:e\.g|i\.e|et al|etc|vs|cf)\.$/i.test(text.slice(0, match.index + 1))) continue;
    at = match.index + match[0].length;
  }
  return at;
}

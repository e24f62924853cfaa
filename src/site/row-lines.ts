/**
 * The line a list row shows under a paper's title, chosen to tell the paper
 * apart from its neighbours on a topic page: the first line of its notes, else
 * the sentence of its abstract where a topic rule matched (the phrase marked),
 * else the abstract's opening.
 */
import type { Evidence } from '../topics/classify.ts';
import { cleanTeX, excerpt, noteFirstLine } from './text.ts';

/** A run of text; `mark` when it is the matched phrase. */
export interface LinePart {
  text: string;
  mark?: true;
}

/** What a row shows: a note's line, a sentence with a matched phrase, or the abstract's opening. */
export interface RowLine {
  kind: 'note' | 'match' | 'abstract';
  parts: LinePart[];
}

const MAX = 220;
const WORD = '[\\p{L}\\p{N}]';
const JOINER = '[\\s\\-\\u2010-\\u2014]+';
const patterns = new Map<string, RegExp>();

/** A topic rule's phrase (one alternative, `*` ending a word) as a regular expression, as the classifier matches it. */
export function phrasePattern(phrase: string): RegExp {
  let pattern = patterns.get(phrase);
  if (!pattern) {
    const words = phrase.split(/[\s\-\u2010-\u2014]+/u).filter(Boolean);
    const parts = words.map((word) => {
      const stem = word.replace(/\*$/, '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      return word.endsWith('*') ? `${stem}${WORD}*` : stem;
    });
    pattern = new RegExp(`(?<!${WORD})${parts.join(JOINER)}(?!${WORD})`, 'iu');
    patterns.set(phrase, pattern);
  }
  return pattern;
}

/** The sentence of `text` around `[start, end)`, at most `MAX` characters, the match marked. */
export function sentenceAround(text: string, start: number, end: number): LinePart[] {
  let from = 0;
  for (const boundary of text.slice(0, start).matchAll(/[.!?]\s+/g)) from = boundary.index + boundary[0].length;
  const after = /[.!?](?=\s|$)/g;
  after.lastIndex = end;
  let to = after.exec(text)?.index ?? text.length - 1;
  to += 1;
  // A long sentence: keep a window around the match, cut at words.
  let head = '';
  let tail = '';
  const room = MAX - (end - start);
  if (to - from > MAX) {
    const before = Math.max(from, start - Math.floor(room / 2));
    const beyond = Math.min(to, end + (room - (start - before)));
    if (before > from) {
      from = text.indexOf(' ', before) + 1 || before;
      if (from > start) from = start;
      head = '…';
    }
    if (beyond < to) {
      const cut = text.lastIndexOf(' ', beyond);
      to = cut > end ? cut : beyond;
      tail = '…';
    }
  }
  return [
    { text: head + text.slice(from, start) },
    { text: text.slice(start, end), mark: true as const },
    { text: text.slice(end, to).replace(/[\s,;:]+$/, '') + tail },
  ].filter((part) => part.text.length > 0);
}

/**
 * The distinguishing line of a paper on a topic's list: its notes' first line; else the abstract's sentence
 * holding the strongest phrase that put it on the topic (`evidence` from the classifier); else the abstract's opening.
 */
export function distinguishingLine(paper: { body?: string | undefined; data: { abstract: string } }, evidence: readonly Evidence[] = []): RowLine | undefined {
  const note = noteFirstLine(paper.body ?? '');
  if (note) return { kind: 'note', parts: [{ text: note }] };
  const abstract = cleanTeX(paper.data.abstract.replace(/\s+/g, ' ').trim());
  if (!abstract) return undefined;
  const strongest = evidence.filter((item) => !item.against).sort((a, b) => b.weight - a.weight);
  for (const item of strongest) {
    const match = phrasePattern(item.phrase).exec(abstract);
    if (match) return { kind: 'match', parts: sentenceAround(abstract, match.index, match.index + match[0].length) };
  }
  return { kind: 'abstract', parts: [{ text: excerpt(abstract) }] };
}

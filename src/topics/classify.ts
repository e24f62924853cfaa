/**
 * The topic classifier: weighted phrase rules from the topic files, summed
 * per topic and compared with the topic's threshold.
 *
 * Phrase semantics, kept small so every decision can be explained:
 * - matched case-insensitively, on whole words: `rope` does not match "europe";
 * - words may be joined in the text by spaces or hyphens, so `long context`
 *   matches "long-context" and "Long Context" (but not "LongContext": write
 *   `long context|longcontext` for that);
 * - `*` ends a word with any ending: `extrapolat*` matches "extrapolate" and
 *   "extrapolation"; a word without `*` matches only itself (`context` does
 *   not match "contexts");
 * - `|` separates alternatives that count as one rule: `test time adaptation|tta`;
 * - every other character stands for itself.
 * A rule counts once, however often its phrase appears: `where: title` looks
 * in the title only, `abstract` in the abstract only, `any` in either (the
 * title first). Rules under `against` subtract their weight. A paper is on a
 * topic when the sum reaches the topic's threshold.
 */
import type { Topic } from './topics.ts';

/** One matched rule, kept so a reader can see why a paper is on a topic. */
export interface Evidence {
  /** The rule's phrase; for a phrase with `|`, the alternative that matched. */
  phrase: string;
  where: 'title' | 'abstract';
  weight: number;
  /** True for a rule that counted against the topic. */
  against: boolean;
  /** A few words of the text around the match. */
  excerpt: string;
}

/** The topics a paper is on, every topic's score, and the evidence for each score. */
export interface Classification {
  /** Slugs of the topics whose score reached the threshold, in topic order. */
  topics: string[];
  scores: Record<string, number>;
  evidence: Record<string, Evidence[]>;
}

type Field = 'title' | 'abstract';

interface CompiledRule {
  /** The phrase split at `|`. */
  alternatives: string[];
  /** For each alternative, its words without `*`, lower-cased: all must occur in a text it matches. */
  stems: string[][];
  weight: number;
  fields: readonly Field[];
  against: boolean;
  /** One capturing group per alternative, to tell which one matched. */
  pattern: RegExp;
}

interface CompiledTopic {
  slug: string;
  threshold: number;
  rules: CompiledRule[];
}

/** Topics with their phrases turned into regular expressions, ready for `classify`. */
export interface CompiledTopics {
  topics: CompiledTopic[];
  /** Finds, in one pass over a lower-cased text, the stems that start a word (the longest one at each word). */
  scanner: RegExp;
  /** For each stem, the stems that are prefixes of it (itself included). */
  prefixes: Map<string, string[]>;
}

// What may join two words of a phrase in the text: spaces and hyphens (ASCII and Unicode).
const JOINER = '[\\s\\-\\u2010-\\u2014]+';
const SEPARATORS = /[\s\-\u2010-\u2014]+/u;
const WORD_CHAR = '[\\p{L}\\p{N}]';
const FIELDS_OF = { title: ['title'], abstract: ['abstract'], any: ['title', 'abstract'] } as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Splits one alternative into words, or throws saying what is wrong with it. */
function wordsOf(alternative: string): string[] {
  const words = alternative.split(SEPARATORS).filter(Boolean);
  if (words.length === 0) throw new Error('the phrase has an empty alternative');
  for (const word of words) {
    if (word.slice(0, -1).includes('*') || word === '*') {
      throw new Error(`"${word}": "*" may only end a word, after at least one letter (as in "extrapolat*")`);
    }
  }
  return words;
}

/** One case-insensitive regular expression for a phrase, matching on word boundaries. */
function compilePhrase(alternatives: string[][]): RegExp {
  const groups = alternatives.map((words) => {
    const parts = words.map((word) =>
      word.endsWith('*') ? `${escapeRegExp(word.slice(0, -1))}${WORD_CHAR}*` : escapeRegExp(word),
    );
    return `(${parts.join(JOINER)})`;
  });
  return new RegExp(`(?<!${WORD_CHAR})(?:${groups.join('|')})(?!${WORD_CHAR})`, 'iu');
}

/** Compiles every topic's rules once, so classifying many papers is fast. Throws naming the file and rule of a bad phrase. */
export function compileTopics(topics: readonly Topic[]): CompiledTopics {
  const compiled = topics.map((topic): CompiledTopic => {
    const compile = (list: Topic['rules'], against: boolean, field: string) =>
      list.map((rule, index): CompiledRule => {
        try {
          const alternatives = rule.phrase.split('|').map((alternative) => alternative.trim());
          const words = alternatives.map(wordsOf);
          const stems = words.map((list) => list.map((word) => word.replace(/\*$/, '').toLowerCase()));
          return { alternatives, stems, weight: rule.weight, fields: FIELDS_OF[rule.where], against, pattern: compilePhrase(words) };
        } catch (error) {
          throw new Error(`${topic.file}: ${field}.${index}.phrase: ${(error as Error).message}`, { cause: error });
        }
      });
    return {
      slug: topic.slug,
      threshold: topic.threshold,
      rules: [...compile(topic.rules, false, 'rules'), ...compile(topic.against, true, 'against')],
    };
  });
  const stems = [...new Set(compiled.flatMap((topic) => topic.rules.flatMap((rule) => rule.stems.flat())))];
  // Longest first, so the scanner reports the longest stem starting each word.
  stems.sort((a, b) => b.length - a.length || a.localeCompare(b));
  const prefixes = new Map(stems.map((stem) => [stem, stems.filter((other) => stem.startsWith(other))]));
  const scanner = new RegExp(`(?<!${WORD_CHAR})(?:${stems.map(escapeRegExp).join('|')})`, 'gu');
  return { topics: compiled, scanner, prefixes };
}

/**
 * The stems that start a word of a text: every word of a phrase does. One
 * pass finds, at each word, the longest stem it starts with; any shorter stem
 * it starts with is a prefix of that one, so it is added too.
 */
function stemsIn(text: string, { scanner, prefixes }: CompiledTopics): Set<string> {
  const found = new Set<string>();
  for (const longest of new Set(text.toLowerCase().match(scanner))) {
    for (const stem of prefixes.get(longest) ?? []) found.add(stem);
  }
  return found;
}

const EXCERPT_CONTEXT = 40;

/** A few words either side of a match, cut at word boundaries, with "…" where text was left out. */
function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - EXCERPT_CONTEXT);
  const end = Math.min(text.length, index + length + EXCERPT_CONTEXT);
  let excerpt = text.slice(start, end);
  // Drop the partial words at the cut ends.
  if (start > 0) excerpt = excerpt.replace(/^\S*\s+/, '');
  if (end < text.length) excerpt = excerpt.replace(/\s+\S*$/, '');
  return `${start > 0 ? '…' : ''}${excerpt.trim()}${end < text.length ? '…' : ''}`;
}

/** Finds a rule in the fields it may look at, the title first. */
function findRule(
  rule: CompiledRule,
  paper: Record<Field, string>,
  present: Record<Field, Set<string>>,
): Evidence | undefined {
  for (const where of rule.fields) {
    // Run the regex only when every word of some alternative occurs: most rules miss most papers.
    if (!rule.stems.some((stems) => stems.every((stem) => present[where].has(stem)))) continue;
    const text = paper[where];
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const phrase = rule.alternatives[match.slice(1).findIndex((group) => group !== undefined)];
    return { phrase, where, weight: rule.weight, against: rule.against, excerpt: excerptAround(text, match.index, match[0].length) };
  }
  return undefined;
}

/** Scores a paper against every compiled topic; pure, and explains each score with its evidence. */
export function classify(paper: { title: string; abstract: string }, compiled: CompiledTopics): Classification {
  const result: Classification = { topics: [], scores: {}, evidence: {} };
  const present = { title: stemsIn(paper.title, compiled), abstract: stemsIn(paper.abstract, compiled) };
  for (const topic of compiled.topics) {
    const evidence: Evidence[] = [];
    let score = 0;
    for (const rule of topic.rules) {
      const found = findRule(rule, paper, present);
      if (!found) continue;
      evidence.push(found);
      score += rule.against ? -rule.weight : rule.weight;
    }
    // Round so that sums of weights like 0.1 compare with the threshold as written.
    score = Math.round(score * 1000) / 1000;
    result.scores[topic.slug] = score;
    result.evidence[topic.slug] = evidence;
    if (score >= topic.threshold) result.topics.push(topic.slug);
  }
  return result;
}

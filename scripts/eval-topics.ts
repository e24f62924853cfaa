/**
 * Measures the topic rules against hand labels:
 *
 *   npm run eval:topics -- --labels FILE [--papers DIR] [--topics DIR]
 *                          [--min-macro-f1 X] [--min-exact-match X] [--min-topic-f1 X]
 *
 * Papers come from the paper files (`content/papers/*.md`) and are classified
 * afresh with the current rules, so the figures measure the rules, not the
 * topics people edited by hand. Until ingest has written paper files, the
 * papers are read from the dumps instead. Exits 1 when a `--min-…` is missed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { classify, compileTopics, type Classification } from '../src/topics/classify.ts';
import { evaluate, normaliseTitle, parseLabels, type Case, type Evaluation, type Label } from '../src/topics/evaluate.ts';
import { parsePaperFile } from '../src/papers/frontmatter.ts';
import { parseDump } from '../src/ingest/parse.ts';
import { loadTopics, type Topic } from '../src/topics/topics.ts';

/** A paper as the evaluation needs it; `topics` and `autoTopics` only when read from a paper file. */
export interface EvalPaper {
  title: string;
  abstract: string;
  topics?: string[];
  autoTopics?: string[];
}

/** Reads the paper files in `papersDir`, or, when there are none yet, every dump in `dumpsDir`. */
export function readPapers(papersDir: string, dumpsDir: string): { papers: EvalPaper[]; from: string } {
  const files = existsSync(papersDir) ? readdirSync(papersDir).filter((name) => name.endsWith('.md')) : [];
  if (files.length > 0) {
    const papers = files.map((name) => {
      const file = join(papersDir, name);
      let data: Record<string, unknown>;
      try {
        ({ data } = parsePaperFile(readFileSync(file, 'utf8')));
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
      }
      return {
        title: String(data.title ?? ''),
        abstract: String(data.abstract ?? ''),
        topics: (data.topics as string[] | undefined) ?? [],
        autoTopics: (data.auto_topics as string[] | undefined) ?? [],
      };
    });
    return { papers, from: `${files.length} paper files in ${papersDir}` };
  }
  const dumps = readdirSync(dumpsDir).filter((name) => name.endsWith('.txt')).sort();
  const byTitle = new Map<string, EvalPaper>();
  for (const dump of dumps) {
    for (const { title, abstract } of parseDump(readFileSync(join(dumpsDir, dump), 'utf8'), dump).listings) {
      if (!byTitle.has(normaliseTitle(title))) byTitle.set(normaliseTitle(title), { title, abstract });
    }
  }
  return { papers: [...byTitle.values()], from: `${byTitle.size} papers in the dumps of ${dumpsDir} (no paper files yet)` };
}

/** The evaluation and what a reader needs to trust it. */
export interface TopicEvaluation {
  evaluation: Evaluation;
  /** Labels whose title matches no paper; they are left out of the figures. */
  unmatched: Label[];
  /** Paper files whose `topics` differ from their `auto_topics`: a person chose them. */
  handEdited: number;
  /** Paper files whose `auto_topics` differ from what the current rules give: ingest has not run since the rules changed. */
  stale: number;
  /** Classification of every labelled paper, by normalised title. */
  classifications: Map<string, Classification>;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((slug) => b.includes(slug));

/** Classifies the papers with the topics' rules and scores the result against the labels. */
export function evaluateTopics(labels: readonly Label[], papers: readonly EvalPaper[], topics: readonly Topic[]): TopicEvaluation {
  const slugs = topics.map((topic) => topic.slug);
  for (const label of labels) {
    const unknown = label.topics.find((slug) => !slugs.includes(slug));
    if (unknown) throw new Error(`labels line ${label.line}: "${unknown}" is not a topic (known: ${slugs.join(', ')})`);
  }
  const compiled = compileTopics(topics);
  const byTitle = new Map(papers.map((paper) => [normaliseTitle(paper.title), paper]));
  const classifications = new Map<string, Classification>();
  const cases: Case[] = [];
  const unmatched: Label[] = [];
  for (const label of labels) {
    const key = normaliseTitle(label.title);
    const paper = byTitle.get(key);
    if (!paper) {
      unmatched.push(label);
      continue;
    }
    const classification = classify(paper, compiled);
    classifications.set(key, classification);
    cases.push({ title: paper.title, expected: label.topics, got: classification.topics });
  }
  let handEdited = 0;
  let stale = 0;
  for (const paper of papers) {
    if (paper.topics && paper.autoTopics && !sameSet(paper.topics, paper.autoTopics)) handEdited += 1;
    if (paper.autoTopics && !sameSet(paper.autoTopics, classify(paper, compiled).topics)) stale += 1;
  }
  return { evaluation: evaluate(cases, slugs), unmatched, handEdited, stale, classifications };
}

const fixed = (value: number) => value.toFixed(3);
const listOrNone = (slugs: readonly string[]) => (slugs.length > 0 ? slugs.join(', ') : 'none');

/** The report as lines: the table, the figures, then each mistake with the evidence for the topics in question. */
function formatReport({ evaluation, classifications }: TopicEvaluation, topics: readonly Topic[]): string[] {
  const width = Math.max(...topics.map((topic) => topic.slug.length), 'topic'.length);
  const lines = [`${'topic'.padEnd(width)}  precision  recall     f1  support`];
  for (const t of evaluation.topics) {
    lines.push(
      `${t.slug.padEnd(width)}  ${fixed(t.precision).padStart(9)}  ${fixed(t.recall).padStart(6)}  ${fixed(t.f1)}  ${String(t.support).padStart(7)}`,
    );
  }
  const correct = evaluation.count - evaluation.mistakes.length;
  lines.push('', `macro-F1 ${fixed(evaluation.macroF1)}, exact match ${fixed(evaluation.exactMatch)} (${correct}/${evaluation.count})`);
  if (evaluation.mistakes.length > 0) lines.push('', `${evaluation.mistakes.length} papers with other topics than labelled:`);
  for (const mistake of evaluation.mistakes) {
    const classification = classifications.get(normaliseTitle(mistake.title));
    lines.push('', `  ${mistake.title}`, `    expected ${listOrNone(mistake.expected)}; got ${listOrNone(mistake.got)}`);
    for (const topic of topics) {
      if (!classification || !(mistake.expected.includes(topic.slug) || mistake.got.includes(topic.slug))) continue;
      lines.push(`    ${topic.slug}: score ${classification.scores[topic.slug]} (threshold ${topic.threshold})`);
      for (const e of classification.evidence[topic.slug]) {
        lines.push(`      ${e.against ? '-' : '+'}${e.weight} "${e.phrase}" in ${e.where}: ${e.excerpt}`);
      }
    }
  }
  return lines;
}

/** A `--min-…` option as a number; unset means no minimum. */
function minimum(values: Record<string, string | boolean | undefined>, name: string): number {
  const value = values[name];
  if (value === undefined) return -Infinity;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(number)) throw new Error(`--${name} needs a number, got "${String(value)}"`);
  return number;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      labels: { type: 'string' },
      papers: { type: 'string', default: 'content/papers' },
      dumps: { type: 'string', default: 'content/dumps' },
      topics: { type: 'string', default: 'content/topics' },
      'min-macro-f1': { type: 'string' },
      'min-exact-match': { type: 'string' },
      'min-topic-f1': { type: 'string' },
    },
  });
  if (!values.labels) {
    console.error('usage: npm run eval:topics -- --labels FILE [--papers DIR] [--min-macro-f1 X] [--min-exact-match X] [--min-topic-f1 X]');
    return 2;
  }
  const topics = loadTopics(values.topics);
  const labels = parseLabels(readFileSync(values.labels, 'utf8'), values.labels);
  const { papers, from } = readPapers(values.papers, values.dumps);
  const result = evaluateTopics(labels, papers, topics);
  console.log(`${labels.length} labels from ${values.labels}; papers: ${from}; classified with the rules in ${values.topics}\n`);
  console.log(formatReport(result, topics).join('\n'));
  console.log('');
  for (const label of result.unmatched) console.log(`note: ${values.labels}:${label.line}: no paper has the title "${label.title}"`);
  if (papers.some((paper) => paper.topics)) {
    console.log(`note: ${result.handEdited} paper files have hand-edited topics (topics differ from auto_topics); the figures use the rules' topics`);
  }
  if (result.stale > 0) console.log(`note: ${result.stale} paper files have auto_topics that the current rules would change; run npm run ingest`);

  const failures: string[] = [];
  const { macroF1, exactMatch, topics: scores } = result.evaluation;
  const minMacro = minimum(values, 'min-macro-f1');
  const minExact = minimum(values, 'min-exact-match');
  const minTopic = minimum(values, 'min-topic-f1');
  if (macroF1 < minMacro) failures.push(`macro-F1 ${fixed(macroF1)} is below ${minMacro}`);
  if (exactMatch < minExact) failures.push(`exact match ${fixed(exactMatch)} is below ${minExact}`);
  for (const t of scores) if (t.f1 < minTopic) failures.push(`${t.slug} F1 ${fixed(t.f1)} is below ${minTopic}`);
  for (const failure of failures) console.error(`fail: ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

if (import.meta.main) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`eval:topics: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}

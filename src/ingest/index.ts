/**
 * Ingest: dumps → paper files. Reads as its stages:
 * read dumps → parse → merge → classify → reconcile → write.
 * Only the first and the last touch the file system; every problem that
 * would stop the run is found before the first write.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { classify, compileTopics } from '../topics/classify.ts';
import { FrontmatterError, stringifyPaperFile, updatePaperFile } from '../papers/frontmatter.ts';
import { loadTopics } from '../topics/topics.ts';
import { createPaperSchema } from '../papers/schema.ts';
import { IngestError, type Diagnostic } from './diagnostics.ts';
import { listDumps, listPaperFiles, readPaperFiles, removeAbandonedTemporaries, stagingFor, writeFileAtomic } from './io.ts';
import { mergeListings, type MergedPaper } from './merge.ts';
import type { Listing } from './parse.ts';
import { createRunner, slices, threadsFor } from './pool.ts';
import { tasks } from './tasks.ts';
import { planIngest, type AssignTopics, type ExistingPaper } from './reconcile.ts';
import { validatePaperData } from './validate.ts';

/** Where ingest reads and writes. */
export interface IngestOptions {
  dumps: string;
  out: string;
  topics: string;
  /** Threads to spread the costly stages over; by default one per core for a big list, none for a small one. */
  threads?: number;
}

/** What a run did, for the summary line. */
export interface IngestReport {
  dumps: number;
  listings: number;
  papers: number;
  new: number;
  updated: number;
  unchanged: number;
  orphans: ExistingPaper[];
  /** Papers added by hand (no `sources`): ingest gave them topics, if they had none, and kept the rest. */
  byHand: number;
  warnings: Diagnostic[];
  /** What a person should know about a change: a title set back to its dump's, a paper added by hand that a dump now lists. */
  notices: Diagnostic[];
  /** Threads the run used (1: in line). */
  threads: number;
  seconds: number;
}

/** Reads and parses every dump, then merges duplicates. Throws `IngestError` when a dump cannot be read. */
export function loadPapersFromDumps(dir: string): { papers: MergedPaper[]; listings: Listing[]; dumps: number; warnings: Diagnostic[] } {
  const listed = listDumps(dir);
  if (listed.problems.length > 0) throw new IngestError(listed.problems);
  const { listings, warnings, problems } = tasks.parseDumps({ dir, names: listed.names });
  if (problems.length > 0) throw new IngestError(problems);
  return { papers: mergeListings(listings), listings, dumps: listed.names.length, warnings };
}

/** The classifier stage built from the topic definitions in `dir`. */
export function topicAssigner(dir: string): { assign: AssignTopics; slugs: string[] } {
  const topics = loadTopics(dir);
  const compiled = compileTopics(topics);
  return { assign: (paper) => classify(paper, compiled).topics, slugs: topics.map((topic) => topic.slug) };
}

/**
 * Runs ingest. Throws `IngestError` (nothing written) on any error.
 * For a big list, the dumps are read, parsed and classified on worker threads
 * (`pool.ts`) while this thread reads the paper files; the plan is made here, whole. A first run's files
 * are written on the threads too, into a staging folder (`io.ts`); other runs' files are written from here.
 */
export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const dumps = listDumps(options.dumps);
  if (dumps.problems.length > 0) throw new IngestError(dumps.problems);
  // Compiled here too, so a bad rule stops the run naming its file before any thread starts.
  const { slugs, assign } = topicAssigner(options.topics);
  // What a killed run left: temporary files never renamed into place, a first run's staging folder beside the folder.
  removeAbandonedTemporaries(options.out);
  removeAbandonedTemporaries(dirname(options.out), `.${basename(options.out)}.`);
  const files = listPaperFiles(options.out);
  // About 2 KB of dump per listing (the real dumps: 1.6 KB).
  const runner = createRunner(options.threads ?? threadsFor(Math.max(files.length, dumps.bytes / 2000)));
  try {
    // The threads parse and classify the dumps while this one reads the paper files
    // (reading them on threads would cost more in copying them back than it saves).
    const parsing = runner.run('parseDumps', slices(dumps.names, runner.sliceCount).map((names) => ({ dir: options.dumps, names, topicsDir: options.topics })));
    const existing = readPaperFiles(options.out, { names: files });
    const parsed = await parsing;
    const dumpProblems = parsed.flatMap((slice) => slice.problems);
    if (dumpProblems.length > 0) throw new IngestError(dumpProblems);
    if (existing.problems.length > 0) throw new IngestError(existing.problems);
    const listings = parsed.flatMap((slice) => slice.listings);
    const warnings = parsed.flatMap((slice) => slice.warnings);
    const papers = mergeListings(listings);

    // A paper's title and abstract are its first listing's, and so are its topics.
    const topicsAt = new Map<string, string[]>();
    for (const slice of parsed) slice.listings.forEach((listing, index) => topicsAt.set(`${listing.dump}:${listing.line}`, slice.topics[index]!));
    // A paper added by hand, in no dump, is classified here (there are few).
    const topicsOf: AssignTopics = (paper) => (paper.sources.length > 0 ? topicsAt.get(`${paper.sources[0]!.dump}:${paper.sources[0]!.line}`)! : assign(paper));
    const plan = planIngest(papers, existing.papers, topicsOf, options.out);
    const schema = createPaperSchema(slugs);
    const errors = [...plan.errors];
    // What ingest writes must be valid; a person's own field that is not is left as it is, for the check to report.
    for (const write of plan.writes) {
      const problems = validatePaperData(schema, write.data, write.path, slugs).problems;
      errors.push(...problems.filter((problem) => problem.field === undefined || /^[^.[]+/.exec(problem.field)![0] in write.changes));
    }
    if (errors.length > 0) throw new IngestError(errors);

    const staging = stagingFor(options.out);
    if (staging) {
      // A first run: every file is new, in a folder no one reads yet, so the threads share the work.
      try {
        const papers = plan.writes.map((write) => ({ path: join(staging.path, relative(options.out, write.path)), data: write.data, body: write.body }));
        await runner.run('writeNewPapers', slices(papers, runner.sliceCount).map((slice) => ({ papers: slice })));
        staging.commit();
      } catch (error) {
        staging.discard();
        throw error;
      }
    } else {
      // Here, not on the threads: renames in one folder queue on the folder's lock, and the data would be copied to them first.
      // Every text is made before the first write, so a file that cannot be edited stops the run with nothing written.
      const texts = plan.writes.map((write) => (write.kind === 'new' ? stringifyPaperFile(write) : editedText(write.path, write.changes)));
      plan.writes.forEach((write, index) => writeFileAtomic(write.path, texts[index]!));
    }
    const count = (kind: string) => plan.writes.filter((write) => write.kind === kind).length;
    return {
      dumps: dumps.names.length,
      listings: listings.length,
      papers: papers.length,
      new: count('new'),
      updated: count('updated'),
      unchanged: plan.unchanged,
      orphans: plan.orphans,
      byHand: plan.byHand,
      warnings,
      notices: plan.notices,
      threads: runner.threads,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await runner.close();
  }
}

/** A file's text with `changes` made to its frontmatter, read again now: a person's bytes stay as they are on disk. */
function editedText(path: string, changes: Record<string, unknown>): string {
  try {
    return updatePaperFile(readFileSync(path, 'utf8'), changes);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    throw new IngestError([{ file: path, line: error.line, column: error.column, field: error.field, message: `changed while ingest ran, and no longer parses: ${error.message}`, fix: error.fix }]);
  }
}

/**
 * Ingest: dumps → paper files. Reads as its stages:
 * read dumps → parse → merge → classify → reconcile → write.
 * Only the first and the last touch the file system; every problem that
 * would stop the run is found before the first write.
 */
import { performance } from 'node:perf_hooks';
import { classify, compileTopics } from '../classify.ts';
import { loadTopics } from '../topics.ts';
import { createPaperSchema } from '../../schema.ts';
import { IngestError, type Diagnostic } from './diagnostics.ts';
import { readDumps, readPaperFiles, writeFileAtomic } from './io.ts';
import { mergeListings, type MergedPaper } from './merge.ts';
import { parseDump, type Listing } from './parse.ts';
import { planIngest, type AssignTopics, type ExistingPaper } from './reconcile.ts';
import { validatePaperData } from './validate.ts';

/** Where ingest reads and writes. */
export interface IngestOptions {
  dumps: string;
  out: string;
  topics: string;
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
  warnings: Diagnostic[];
  seconds: number;
}

/** Reads and parses every dump, then merges duplicates. Throws `IngestError` when a dump cannot be read. */
export function loadPapersFromDumps(dir: string): { papers: MergedPaper[]; listings: Listing[]; dumps: number; warnings: Diagnostic[] } {
  const { dumps, problems } = readDumps(dir);
  if (problems.length > 0) throw new IngestError(problems);
  const listings: Listing[] = [];
  const warnings: Diagnostic[] = [];
  for (const dump of dumps) {
    const parsed = parseDump(dump.text, dump.name);
    listings.push(...parsed.listings);
    // Parser warnings name the dump by file name; show its path.
    warnings.push(...parsed.warnings.map((warning) => ({ ...warning, file: dump.path })));
  }
  return { papers: mergeListings(listings), listings, dumps: dumps.length, warnings };
}

/** The classifier stage built from the topic definitions in `dir`. */
export function topicAssigner(dir: string): { assign: AssignTopics; slugs: string[] } {
  const topics = loadTopics(dir);
  const compiled = compileTopics(topics);
  return { assign: (paper) => classify(paper, compiled).topics, slugs: topics.map((topic) => topic.slug) };
}

/** Runs ingest. Throws `IngestError` (nothing written) on any error. */
export function runIngest(options: IngestOptions): IngestReport {
  const started = performance.now();
  const { papers, listings, dumps, warnings } = loadPapersFromDumps(options.dumps);
  const { assign, slugs } = topicAssigner(options.topics);
  const existing = readPaperFiles(options.out);
  if (existing.problems.length > 0) throw new IngestError(existing.problems);

  const plan = planIngest(papers, existing.papers, assign, options.out);
  const schema = createPaperSchema(slugs);
  const errors = [...plan.errors];
  for (const write of plan.writes) errors.push(...validatePaperData(schema, write.data, write.path, slugs).problems);
  if (errors.length > 0) throw new IngestError(errors);

  for (const write of plan.writes) writeFileAtomic(write.path, write.text);
  const count = (kind: string) => plan.writes.filter((write) => write.kind === kind).length;
  return {
    dumps,
    listings: listings.length,
    papers: papers.length,
    new: count('new'),
    updated: count('updated'),
    unchanged: plan.unchanged,
    orphans: plan.orphans,
    warnings,
    seconds: (performance.now() - started) / 1000,
  };
}

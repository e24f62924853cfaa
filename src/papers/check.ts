/**
 * `npm run check`: what a pull request must pass, and, without the dumps, what `npm run build` checks
 * before Astro starts. Every paper file parses and follows the schema as the site reads it, names known
 * topics, makes its own page, has wikilinks that each name one paper or topic, and has `.mdx` notes that compile (and, for the build, run); with the
 * dumps, it is also a different paper from every other file and leaves the fields ingest owns as ingest
 * wrote them.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { INGEST_FIELDS } from './schema.ts';
import { IngestError, type Diagnostic } from '../ingest/diagnostics.ts';
import { loadPapersFromDumps, topicAssigner } from '../ingest/index.ts';
import { listPaperFiles, readPaperFiles } from '../ingest/io.ts';
import { addedByHand, planIngest, topicsEditedByHand } from '../ingest/reconcile.ts';
import { bodyLineOffset, parsePaperFile } from './frontmatter.ts';
import { readPapers } from './load.ts';
import { checkMdxNote } from './mdx-check.ts';
import { checkNotes } from './safe-notes.ts';
import { checkWikilinks } from '../notes/check-wikilinks.ts';
import { loadTopics } from '../topics/topics.ts';

/** Where the check reads. */
export interface CheckOptions {
  /** The dumps. Without them, the check is the build's: the files as the site reads them, after ingest ran. */
  dumps?: string;
  papers: string;
  topics: string;
  /** Run each `.mdx` note once, as the build is about to (the build's check does; `npm run check` only compiles them). */
  runMdx?: boolean;
}

/** What the check found. */
export interface CheckResult {
  files: number;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

const OWNED_FIX: Record<string, string> = {
  title: 'ingest copies the title from the dump and would undo this; put corrections in your notes below the frontmatter, or fix the title in content/dumps/ and run `npm run ingest`',
  abstract: 'ingest copies the abstract from the dump and would undo this; put your words in the notes below the frontmatter, or fix the text in content/dumps/ and run `npm run ingest`',
  sources: 'ingest lists where the paper appears in content/dumps/; undo the edit, or run `npm run ingest` if the dumps changed',
  auto_topics: 'auto_topics records what the classifier said; to choose topics yourself, edit `topics` only (ingest keeps your choice), or run `npm run ingest` if the topic rules changed',
};

const slugOf = (file: string) => basename(file).replace(/\.mdx?$/, '');

/** Runs every check. Pure but for reading the folders (and running `.mdx` notes with `runMdx`). */
export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  let read: ReturnType<typeof readPapers>;
  try {
    read = readPapers(options.papers, options.topics, null);
  } catch (error) {
    // A topic file the classifier cannot use: its message names the file and the field.
    errors.push({ file: options.topics, message: `a topic file is not valid: ${(error as Error).message}` });
    return { files: 0, errors, warnings };
  }
  errors.push(...read.problems);
  const count = listPaperFiles(options.papers, { recursive: true }).length;
  // A file with a problem above gets no further messages: fix one thing at a time.
  const broken = new Set(read.problems.map((problem) => slugOf(problem.file)));

  for (const paper of read.papers) {
    if (!paper.filePath.endsWith('.mdx') || paper.body.trim() === '') continue;
    const text = readFileSync(paper.filePath, 'utf8');
    const problems = await checkMdxNote({ file: paper.filePath, lineOffset: bodyLineOffset(text), body: paper.body, frontmatter: parsePaperFile(text).data }, { runCode: options.runMdx ?? false });
    errors.push(...problems);
    if (problems.length > 0) broken.add(paper.id);
  }
  // What sanitizing would take out of each note, and the code each .mdx note runs (for the reviewer).
  // A pull request must fix the notes; the build (no dumps) only warns, since the page is sanitized anyway.
  const notes = checkNotes(read.papers.filter((paper) => !broken.has(paper.id)).map((paper) => paper.filePath));
  if (options.dumps === undefined) warnings.push(...notes.errors);
  else {
    errors.push(...notes.errors);
    warnings.push(...notes.warnings);
  }
  errors.push(...checkWikilinks(read.papers, loadTopics(options.topics)));
  if (options.dumps === undefined) return { files: count, errors, warnings };

  let fromDumps;
  try {
    fromDumps = loadPapersFromDumps(options.dumps);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    errors.push(...error.diagnostics);
    return { files: count, errors, warnings };
  }
  warnings.push(...fromDumps.warnings);

  // What ingest would do now tells which owned fields a person changed. Ingest reads the folder itself, not its subfolders.
  const { papers: files } = readPaperFiles(options.papers);
  const { assign } = topicAssigner(options.topics);
  const plan = planIngest(fromDumps.papers, files, assign, options.papers);
  const byPath = new Map(files.map((file) => [file.path, file]));
  errors.push(...plan.errors);
  for (const write of plan.writes) {
    if (broken.has(write.slug)) continue;
    if (write.kind === 'new') {
      errors.push({
        file: write.path,
        message: `"${write.data.title}" is in the dumps but has no paper file yet`,
        fix: 'run `npm run ingest` and commit the new file',
      });
      continue;
    }
    const file = byPath.get(write.path)!;
    if (addedByHand(file.data) && Array.isArray(write.data.sources) && write.data.sources.length > 0) {
      const [{ dump, line }] = write.data.sources as { dump: string; line: number }[];
      errors.push({ file: file.path, message: `is a paper added by hand that ${dump} now lists on line ${line}`, fix: 'run `npm run ingest`: it records the listing and takes the title and abstract from the dump; your notes and other fields stay' });
      continue;
    }
    for (const field of INGEST_FIELDS) {
      if (!(field in write.changes)) continue;
      // A paper added by hand gets its auto_topics (and topics) from ingest: nothing a person must do.
      if (field === 'auto_topics' && file.data.auto_topics === undefined) continue;
      if (field === 'auto_topics' && !topicsEditedByHand(file.data)) {
        errors.push({ file: file.path, field: 'topics', message: 'differs from what the topic rules in content/topics/ assign now', fix: 'run `npm run ingest` to apply the rules, and commit the result' });
        continue;
      }
      if (isDeepStrictEqual(file.data[field], write.data[field])) continue;
      errors.push({ file: file.path, field, message: 'was edited by hand, but ingest owns this field and would overwrite it on its next run', fix: OWNED_FIX[field] });
    }
  }
  for (const orphan of plan.orphans) {
    warnings.push({ file: orphan.path, message: 'is not in any dump', fix: 'fine if you keep it on purpose; delete the file if the paper should go' });
  }
  return { files: count, errors, warnings };
}

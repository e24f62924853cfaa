/**
 * `npm run check`: what a pull request must pass. Every paper file parses and
 * follows the schema, names known topics, is a different paper from every
 * other file, and leaves the fields ingest owns as ingest wrote them.
 */
import { basename } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createPaperSchema, INGEST_FIELDS } from './schema.ts';
import { IngestError, type Diagnostic } from '../ingest/diagnostics.ts';
import { loadPapersFromDumps, topicAssigner } from '../ingest/index.ts';
import { readPaperFiles } from '../ingest/io.ts';
import { planIngest, topicsEditedByHand } from '../ingest/reconcile.ts';
import { validatePaperData } from '../ingest/validate.ts';
import { checkNotes } from './safe-notes.ts';

/** Where the check reads. */
export interface CheckOptions {
  dumps: string;
  papers: string;
  topics: string;
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

/** Runs every check. Pure but for reading the three folders. */
export function checkContent(options: CheckOptions): CheckResult {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const { papers: files, problems } = readPaperFiles(options.papers);
  errors.push(...problems);

  const { assign, slugs } = topicAssigner(options.topics);
  const schema = createPaperSchema(slugs);
  // A file with a problem above gets no further messages: fix one thing at a time.
  const broken = new Set(problems.map((problem) => basename(problem.file).replace(/\.mdx?$/, '')));
  for (const file of files) {
    const invalid = validatePaperData(schema, file.data, file.path, slugs).problems;
    errors.push(...invalid);
    if (invalid.length > 0) broken.add(file.slug);
  }
  const notes = checkNotes(files.map((file) => file.path));
  errors.push(...notes.errors);
  warnings.push(...notes.warnings);

  let fromDumps;
  try {
    fromDumps = loadPapersFromDumps(options.dumps);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    errors.push(...error.diagnostics);
    return { files: files.length, errors, warnings };
  }
  warnings.push(...fromDumps.warnings);

  // What ingest would do now tells which owned fields a person changed.
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
    for (const field of INGEST_FIELDS) {
      if (isDeepStrictEqual(file.data[field], write.data[field])) continue;
      if (field === 'auto_topics' && !topicsEditedByHand(file.data)) {
        errors.push({ file: file.path, field: 'topics', message: 'differs from what the topic rules in content/topics/ assign now', fix: 'run `npm run ingest` to apply the rules, and commit the result' });
        continue;
      }
      errors.push({ file: file.path, field, message: 'was edited by hand, but ingest owns this field and would overwrite it on its next run', fix: OWNED_FIX[field] });
    }
  }
  for (const orphan of plan.orphans) {
    warnings.push({ file: orphan.path, message: 'is not in any dump', fix: 'fine if you keep it on purpose; delete the file if the paper should go' });
  }
  return { files: files.length, errors, warnings };
}

/**
 * The paper files as the site reads them: every `.md`/`.mdx` file under the
 * papers folder, parsed by the same reader as ingest and `npm run check`, and
 * validated by the paper schema. A bad file fails the build with the same
 * `file: field: problem (fix)` lines as the check, listing every problem at once.
 *
 * Pages get papers from here rather than from a content collection: Astro
 * inlines a collection's whole data store (about 3 KB a paper) into the server
 * bundle as one string literal, which at 50,000 papers costs minutes of parsing
 * and gigabytes of memory before the first page (withastro/astro#13649). Only
 * the notes go through a collection (`notes-loader.ts`), so Astro renders them.
 */
import { relative, sep } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../ingest/diagnostics.ts';
import { readPaperFiles } from '../ingest/io.ts';
import { validatePaperData } from '../ingest/validate.ts';
import { loadTopics } from '../topics/topics.ts';
import { createPaperSchema, type PaperData } from './schema.ts';

/** A paper as the pages use it; shaped like a collection entry so the same helpers take either. */
export interface Paper {
  /** The slug: the file name without its extension, whatever the folder. */
  id: string;
  /** The file's path from the project root, e.g. `content/papers/ring-attention.md`. */
  filePath: string;
  /** The Markdown body: a person's notes, empty for most papers. */
  body: string;
  data: PaperData;
}

/** The paper files were not all valid: `problems` names each file, field and fix. */
export class PaperFilesError extends Error {
  readonly problems: Diagnostic[];
  constructor(problems: Diagnostic[]) {
    super(`${problems.length === 1 ? 'A paper file is' : `${problems.length} problems in paper files`} not valid:\n${problems.map(formatDiagnostic).join('\n')}`);
    this.name = 'PaperFilesError';
    this.problems = problems;
  }
}

/**
 * Reads and validates every paper under `papersDir` (its subfolders too) against the topics in `topicsDir`.
 * Throws `PaperFilesError` listing every problem, including two files that would make the same page.
 */
export function loadPapers(papersDir: string, topicsDir: string, root = process.cwd()): Paper[] {
  // In the order ingest and check list them, so a wrong topic gets the same message everywhere.
  const slugs = loadTopics(topicsDir).map((topic) => topic.slug);
  const schema = createPaperSchema(slugs);
  const { papers: files, problems } = readPaperFiles(papersDir, { recursive: true });
  const papers: Paper[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const filePath = relative(root, file.path).split(sep).join('/');
    const other = seen.get(file.slug);
    if (other) {
      problems.push({ file: filePath, message: `makes the same page, /papers/${file.slug}/, as ${other}`, fix: 'rename one of the two files' });
      continue;
    }
    seen.set(file.slug, filePath);
    const { data, problems: invalid } = validatePaperData(schema, file.data, filePath, slugs);
    problems.push(...invalid);
    if (data) papers.push({ id: file.slug, filePath, body: file.body, data });
  }
  if (problems.length > 0) throw new PaperFilesError(problems);
  return papers;
}

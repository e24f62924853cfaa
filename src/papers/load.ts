/**
 * The paper files as the site reads them: every `.md`/`.mdx` file under the
 * papers folder, parsed by the same reader as ingest and `npm run check`, and
 * validated by the paper schema. A bad file fails the build with the same
 * `file: field: problem (fix)` lines as the check, listing every problem at once
 * (`npm run build` runs that check before Astro starts, so Astro never meets one).
 * A paper added by hand, with only a title and an abstract, gets its topics from
 * the classifier here, as ingest would give them.
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
import { classify, compileTopics, type CompiledTopics } from '../topics/classify.ts';
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
 * Every valid paper under `papersDir`, and every problem found: what `loadPapers` throws, for `npm run check`.
 * Paths are from `root`, or as `papersDir` gives them with `root` null. Throws when a topic file is not valid.
 */
export function readPapers(papersDir: string, topicsDir: string, root: string | null = process.cwd()): { papers: Paper[]; problems: Diagnostic[] } {
  // In the order ingest and check list them, so a wrong topic gets the same message everywhere.
  const topics = loadTopics(topicsDir);
  const slugs = topics.map((topic) => topic.slug);
  const schema = createPaperSchema(slugs);
  let compiled: CompiledTopics | undefined;
  const shown = (path: string) => (root === null ? path : relative(root, path).split(sep).join('/'));
  const { papers: files, problems: unreadable } = readPaperFiles(papersDir, { recursive: true });
  const problems = unreadable.map((problem) => ({ ...problem, file: shown(problem.file) }));
  const papers: Paper[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const filePath = shown(file.path);
    const other = seen.get(file.slug);
    if (other) {
      problems.push({ file: filePath, message: `makes the same page, /papers/${file.slug}/, as ${other}`, fix: 'rename one of the two files' });
      continue;
    }
    seen.set(file.slug, filePath);
    const { data, problems: invalid } = validatePaperData(schema, file.data, filePath, slugs);
    problems.push(...invalid);
    if (!data) continue;
    // A paper added by hand may leave its topics to the classifier, as ingest would fill them in.
    let { topics: chosen, auto_topics: automatic } = data;
    if (chosen === undefined || automatic === undefined) {
      const assigned = classify(data, (compiled ??= compileTopics(topics))).topics;
      chosen ??= assigned;
      automatic ??= data.topics === undefined ? chosen : assigned;
    }
    papers.push({ id: file.slug, filePath, body: file.body, data: { ...data, topics: chosen, auto_topics: automatic, sources: data.sources ?? [] } });
  }
  return { papers, problems };
}

/**
 * Reads and validates every paper under `papersDir` (its subfolders too) against the topics in `topicsDir`.
 * Throws `PaperFilesError` listing every problem, including two files that would make the same page.
 */
export function loadPapers(papersDir: string, topicsDir: string, root = process.cwd()): Paper[] {
  const { papers, problems } = readPapers(papersDir, topicsDir, root);
  if (problems.length > 0) throw new PaperFilesError(problems);
  return papers;
}

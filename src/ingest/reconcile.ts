/**
 * Reconcile stage: papers from the dumps + paper files already on disk →
 * the files to write. Pure: nothing here touches the file system.
 *
 * Ownership rules (the heart of ingest):
 * - ingest owns `title`, `abstract`, `sources` and `auto_topics`, and
 *   rewrites them from the dumps;
 * - `topics` follows the classifier while it equals `auto_topics`; once a
 *   person changes it, ingest keeps it (and stops moving `auto_topics`);
 * - every other field and the body belong to people and are kept as they are;
 * - a file whose owned fields would not change is not rewritten at all.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from './diagnostics.ts';
import { paperKey, type MergedPaper } from './merge.ts';
import { slugify, uniqueSlug } from './slug.ts';

/** A paper file read from the output folder. */
export interface ExistingPaper {
  /** Path as shown to people, e.g. `content/papers/foo.md`. */
  path: string;
  /** File name without extension. */
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

/** The classifier stage, as reconcile sees it: a paper (its title and abstract) in, topic slugs out. */
export type AssignTopics = (paper: MergedPaper) => string[];

/** A file ingest will write. */
export interface PlannedWrite {
  path: string;
  slug: string;
  kind: 'new' | 'updated';
  data: Record<string, unknown>;
  /** The body to write after the frontmatter: the file's own, kept byte for byte. */
  body: string;
}

/** What a run will do. */
export interface IngestPlan {
  writes: PlannedWrite[];
  unchanged: number;
  /** Files of papers that no longer appear in any dump; kept, and reported. */
  orphans: ExistingPaper[];
  /** Problems that must stop the run before anything is written. */
  errors: Diagnostic[];
}

/** True when two topic lists hold the same slugs, in any order. */
export function sameTopics(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((topic) => set.has(topic));
}

/** True when a person has chosen this file's topics by hand. */
export function topicsEditedByHand(data: Record<string, unknown>): boolean {
  return Array.isArray(data.topics) && Array.isArray(data.auto_topics) && !sameTopics(data.topics, data.auto_topics);
}

/** The fields ingest would write for `paper`, given the file it already has (if any). */
export function ownedFields(paper: MergedPaper, assigned: string[], previous?: Record<string, unknown>) {
  const byHand = previous !== undefined && topicsEditedByHand(previous);
  return {
    title: paper.title,
    topics: byHand ? previous.topics : assigned,
    abstract: paper.abstract,
    sources: paper.sources,
    auto_topics: byHand ? previous.auto_topics : assigned,
  };
}

/**
 * Matches existing files to papers: by title identity first, then by file
 * name for a file whose title a person changed (ingest restores the title).
 * Two files for one paper are an error: merging notes is a person's call.
 */
function matchExisting(papers: readonly MergedPaper[], existing: readonly ExistingPaper[]) {
  const errors: Diagnostic[] = [];
  const byKey = new Map<string, ExistingPaper>();
  const bySlug = new Map<string, ExistingPaper>();
  for (const file of existing) {
    const key = typeof file.data.title === 'string' ? paperKey(file.data.title) : '';
    const twin = key ? byKey.get(key) : undefined;
    if (twin) {
      errors.push({
        file: file.path,
        field: 'title',
        message: `is the same paper as ${twin.path}`,
        fix: 'move the notes and fields you want to keep into one of the two files and delete the other',
      });
    } else if (key) byKey.set(key, file);
    bySlug.set(file.slug, file);
  }
  const matches = new Map<MergedPaper, ExistingPaper>();
  const claimed = new Set<ExistingPaper>();
  for (const paper of papers) {
    const file = byKey.get(paper.key);
    if (file) [matches.set(paper, file), claimed.add(file)];
  }
  const paperKeys = new Set(papers.map((paper) => paper.key));
  for (const paper of papers) {
    if (matches.has(paper)) continue;
    const file = bySlug.get(slugify(paper.title));
    if (file && !claimed.has(file) && !paperKeys.has(paperKey(String(file.data.title)))) {
      matches.set(paper, file);
      claimed.add(file);
    }
  }
  return { matches, claimed, errors };
}

/**
 * Plans a run: which files are new, which change, which stay as they are.
 * New files go to `outDir/<slug>.md`; existing files keep their path (and `.mdx`).
 */
export function planIngest(
  papers: readonly MergedPaper[],
  existing: readonly ExistingPaper[],
  assignTopics: AssignTopics,
  outDir: string,
): IngestPlan {
  const { matches, claimed, errors } = matchExisting(papers, existing);
  const taken = new Set(existing.map((file) => file.slug));
  const writes: PlannedWrite[] = [];
  let unchanged = 0;
  for (const paper of papers) {
    const assigned = assignTopics(paper);
    const file = matches.get(paper);
    if (!file) {
      const slug = uniqueSlug(paper.title, paper.key, taken);
      taken.add(slug);
      const data = ownedFields(paper, assigned);
      writes.push({ path: `${outDir}/${slug}.md`, slug, kind: 'new', data, body: '' });
      continue;
    }
    const owned = ownedFields(paper, assigned, file.data);
    const changed = Object.entries(owned).some(([field, value]) => !isDeepStrictEqual(file.data[field], value));
    if (!changed) {
      unchanged += 1;
      continue;
    }
    const data = { ...file.data, ...owned };
    writes.push({ path: file.path, slug: file.slug, kind: 'updated', data, body: file.body });
  }
  const orphans = existing.filter((file) => !claimed.has(file));
  return { writes, unchanged, orphans, errors };
}

/**
 * Reconcile stage: papers from the dumps + paper files already on disk →
 * the files to write. Pure: nothing here touches the file system.
 *
 * Ownership rules (the heart of ingest):
 * - ingest owns `title`, `abstract`, `sources` and `auto_topics` of a paper
 *   from the dumps, and rewrites them from the dumps;
 * - a paper added by hand (a file with no `sources`) is a person's: ingest
 *   only adds `auto_topics`, and `topics` when it is missing;
 * - `topics` follows the classifier while it equals `auto_topics`; once a
 *   person changes it, ingest keeps it (and stops moving `auto_topics`);
 * - every other field and the body belong to people and are kept as they are;
 * - a file whose owned fields would not change is not rewritten at all.
 *
 * A file is tied to its paper by the title, else by a listing its `sources`
 * name (so a hand-edited title, even in a `-2` file, keeps its file and its
 * notes), else by its file name.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from './diagnostics.ts';
import type { Source } from '../papers/schema.ts';
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

/** The classifier stage, as reconcile sees it: a paper (its title and abstract; its listings, if any) in, topic slugs out. */
export type AssignTopics = (paper: { title: string; abstract: string; sources: readonly Source[] }) => string[];

/** A file ingest will write. */
export interface PlannedWrite {
  path: string;
  slug: string;
  kind: 'new' | 'updated';
  /** Every field the file will hold. */
  data: Record<string, unknown>;
  /** For an update, only the fields that change: the rest of the file stays byte for byte. */
  changes: Record<string, unknown>;
  /** The body to write after the frontmatter: the file's own, kept byte for byte. */
  body: string;
}

/** What a run will do. */
export interface IngestPlan {
  writes: PlannedWrite[];
  unchanged: number;
  /** Files of papers that no longer appear in any dump; kept, and reported. */
  orphans: ExistingPaper[];
  /** Papers added by hand: files with no `sources`, in no dump. */
  byHand: number;
  /** What a person should know: a title set back to its dump's. */
  notices: Diagnostic[];
  /** Problems that must stop the run before anything is written. */
  errors: Diagnostic[];
}

/** True when two topic lists hold the same slugs, in any order. */
export function sameTopics(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((topic) => set.has(topic));
}

/** True when a person has chosen this file's topics by hand: `topics` differs from `auto_topics`, or stands without it. */
export function topicsEditedByHand(data: Record<string, unknown>): boolean {
  return Array.isArray(data.topics) && (!Array.isArray(data.auto_topics) || !sameTopics(data.topics, data.auto_topics));
}

/** True for a paper a person added by hand: its file lists no `sources`, so its title and abstract are theirs. */
export function addedByHand(data: Record<string, unknown>): boolean {
  return data.sources === undefined || (Array.isArray(data.sources) && data.sources.length === 0);
}

/** `topics` and `auto_topics` as ingest writes them, given the classifier's choice and the file's fields (if any). */
function topicFields(assigned: string[], previous?: Record<string, unknown>) {
  if (previous && topicsEditedByHand(previous)) {
    return { topics: previous.topics, auto_topics: Array.isArray(previous.auto_topics) ? previous.auto_topics : assigned };
  }
  return { topics: assigned, auto_topics: assigned };
}

/** The fields ingest would write for `paper`, given the file it already has (if any). */
export function ownedFields(paper: MergedPaper, assigned: string[], previous?: Record<string, unknown>) {
  const { topics, auto_topics } = topicFields(assigned, previous);
  return { title: paper.title, topics, abstract: paper.abstract, sources: paper.sources, auto_topics };
}

/** The fields of `owned` whose values differ from the file's. */
function changedFields(owned: Record<string, unknown>, data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(owned).filter(([field, value]) => !isDeepStrictEqual(data[field], value)));
}

const listingKey = (source: { dump?: unknown; line?: unknown }) => `${String(source.dump)}:${String(source.line)}`;

/**
 * Matches existing files to papers: by title identity first; then, for a file whose title a person
 * changed, by a listing its `sources` name, then by file name (ingest restores the title).
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
  const claim = (paper: MergedPaper, file: ExistingPaper) => [matches.set(paper, file), claimed.add(file)];
  for (const paper of papers) {
    const file = byKey.get(paper.key);
    if (file) claim(paper, file);
  }
  // A file whose title is no paper's any more, by the listings it names.
  const paperKeys = new Set(papers.map((paper) => paper.key));
  // Only a file ingest wrote has listings, and only such a file's title is ingest's to restore.
  const free = (file: ExistingPaper | undefined): file is ExistingPaper =>
    file !== undefined &&
    !claimed.has(file) &&
    !addedByHand(file.data) &&
    !paperKeys.has(typeof file.data.title === 'string' ? paperKey(file.data.title) : '');
  const byListing = new Map<string, ExistingPaper[]>();
  for (const file of existing) {
    if (!free(file) || !Array.isArray(file.data.sources)) continue;
    for (const source of file.data.sources as { dump?: unknown; line?: unknown }[]) {
      const key = listingKey(source ?? {});
      byListing.set(key, [...(byListing.get(key) ?? []), file]);
    }
  }
  for (const paper of papers) {
    if (matches.has(paper)) continue;
    const candidates = new Set(paper.sources.flatMap((source) => byListing.get(listingKey(source)) ?? []).filter(free));
    if (candidates.size === 1) claim(paper, [...candidates][0]!);
  }
  for (const paper of papers) {
    if (matches.has(paper)) continue;
    const file = bySlug.get(slugify(paper.title));
    if (free(file)) claim(paper, file);
  }
  return { matches, claimed, errors };
}

/** A note for a file whose title ingest sets back to the dump's. */
function titleNotice(file: ExistingPaper, paper: MergedPaper): Diagnostic {
  const { dump, line } = paper.sources[0]!;
  return {
    file: file.path,
    field: 'title',
    message: `set to ${JSON.stringify(paper.title)}, as ${dump} lists it on line ${line} (the file said ${JSON.stringify(file.data.title)})`,
    fix: `ingest owns the title of a paper from the dumps: to change it, edit that line of ${dump}; put other remarks in the notes`,
  };
}

/** A note for a paper added by hand that a dump now lists: from now on it is the dump's. */
function adoptionNotice(file: ExistingPaper, paper: MergedPaper): Diagnostic {
  const { dump, line } = paper.sources[0]!;
  return {
    file: file.path,
    message: `is now listed in ${dump} on line ${line}: ingest recorded the listing in sources and owns the title and abstract from now on, as the dump gives them`,
    fix: 'your notes and other fields stay; keep your own summary in the notes',
  };
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
  const notices: Diagnostic[] = [];
  let unchanged = 0;
  for (const paper of papers) {
    const assigned = assignTopics(paper);
    const file = matches.get(paper);
    if (!file) {
      const slug = uniqueSlug(paper.title, paper.key, taken);
      taken.add(slug);
      const data = ownedFields(paper, assigned);
      writes.push({ path: `${outDir}/${slug}.md`, slug, kind: 'new', data, changes: data, body: '' });
      continue;
    }
    const changes = changedFields(ownedFields(paper, assigned, file.data), file.data);
    if (Object.keys(changes).length === 0) {
      unchanged += 1;
      continue;
    }
    if (addedByHand(file.data)) notices.push(adoptionNotice(file, paper));
    else if ('title' in changes && typeof file.data.title === 'string') notices.push(titleNotice(file, paper));
    writes.push({ path: file.path, slug: file.slug, kind: 'updated', data: { ...file.data, ...changes }, changes, body: file.body });
  }
  const orphans: ExistingPaper[] = [];
  let byHand = 0;
  for (const file of existing) {
    if (claimed.has(file)) continue;
    const { title, abstract } = file.data;
    if (!addedByHand(file.data) || typeof title !== 'string' || typeof abstract !== 'string') {
      // A paper added by hand without a title or an abstract is left to the check to report.
      if (!addedByHand(file.data)) orphans.push(file);
      continue;
    }
    byHand += 1;
    const changes = changedFields(topicFields(assignTopics({ title, abstract, sources: [] }), file.data), file.data);
    if (Object.keys(changes).length === 0) unchanged += 1;
    else writes.push({ path: file.path, slug: file.slug, kind: 'updated', data: { ...file.data, ...changes }, changes, body: file.body });
  }
  return { writes, unchanged, orphans, byHand, notices, errors };
}

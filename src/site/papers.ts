/**
 * Grouping and ordering of papers for the pages. Works on the plain shape of
 * papers and topic entries, so it can be tested without Astro.
 */

/** What these helpers need of a paper entry (a `Paper` from `src/papers/load.ts` fits). */
export interface PaperEntry {
  id: string;
  body?: string | undefined;
  data: {
    title: string;
    topics: string[];
    rating?: number | undefined;
    noted?: Date | undefined;
    /** Where ingest found the paper: dumps are numbered in the order they were added. */
    sources?: readonly { dump: string; line: number }[];
  };
}

/** What these helpers need of a topic entry (`CollectionEntry<'topics'>` fits). */
export interface TopicEntry {
  id: string;
  data: { title: string; order: number };
}

/** A run of papers on a topic page, with a heading that says why they are together. */
export interface ReadingGroup<P extends PaperEntry> {
  id: string;
  heading: string;
  papers: P[];
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Whether someone has written notes in the paper file's body. */
export function hasNotes(paper: PaperEntry): boolean {
  return (paper.body ?? '').trim().length > 0;
}

/** Compares titles the way a reader scans them: case- and accent-blind, numbers by value. */
export function compareTitles(a: string, b: string): number {
  return collator.compare(a.replace(/^\W+/, ''), b.replace(/^\W+/, ''));
}

/** Papers sorted by title. */
export function sortByTitle<P extends PaperEntry>(papers: readonly P[]): P[] {
  return [...papers].sort((a, b) => compareTitles(a.data.title, b.data.title) || a.id.localeCompare(b.id));
}

/** Topics in their home-page order (`order`, then title). */
export function sortTopics<T extends TopicEntry>(topics: readonly T[]): T[] {
  return [...topics].sort((a, b) => a.data.order - b.data.order || compareTitles(a.data.title, b.data.title));
}

/** Papers on each topic, sorted by title; every topic has an entry, possibly empty. */
export function papersByTopic<P extends PaperEntry>(
  papers: readonly P[],
  topics: readonly TopicEntry[],
): Map<string, P[]> {
  const byTopic = new Map<string, P[]>(topics.map((topic) => [topic.id, []]));
  for (const paper of sortByTitle(papers)) {
    for (const topic of paper.data.topics) byTopic.get(topic)?.push(paper);
  }
  return byTopic;
}

/** Papers with notes, best first: highest rating, then most recently noted; otherwise in the given order. */
export function papersWithNotes<P extends PaperEntry>(papers: readonly P[]): P[] {
  return papers.filter(hasNotes).sort(
    (a, b) =>
      (b.data.rating ?? 0) - (a.data.rating ?? 0) || (b.data.noted?.getTime() ?? 0) - (a.data.noted?.getTime() ?? 0),
  );
}

/**
 * The papers of one topic in reading order: first those with notes (someone has
 * read them), then those that also belong to another topic, grouped by that topic
 * in topic order (the bridges between topics), then the rest. Within a group the
 * papers most central to the topic (highest `centrality`, e.g. the classifier's
 * score) come first, then by title. Each paper appears once; empty groups are left out.
 */
export function topicReadingGroups<P extends PaperEntry>(
  papers: readonly P[],
  topicId: string,
  topics: readonly TopicEntry[],
  centrality: (paper: P) => number = () => 0,
): ReadingGroup<P>[] {
  const scores = new Map(papers.map((paper) => [paper, centrality(paper)]));
  const onTopic = sortByTitle(papers.filter((paper) => paper.data.topics.includes(topicId))).sort(
    (a, b) => scores.get(b)! - scores.get(a)!,
  );
  const groups: ReadingGroup<P>[] = [{ id: 'notes', heading: 'With notes', papers: papersWithNotes(onTopic) }];
  const placed = new Set(groups[0]!.papers);
  for (const other of sortTopics(topics)) {
    if (other.id === topicId) continue;
    const bridge = onTopic.filter((paper) => !placed.has(paper) && paper.data.topics.includes(other.id));
    bridge.forEach((paper) => placed.add(paper));
    groups.push({ id: `also-${other.id}`, heading: `Also on ${other.data.title}`, papers: bridge });
  }
  const rest = onTopic.filter((paper) => !placed.has(paper));
  groups.push({ id: 'only', heading: groups.length > 1 ? 'Only on this topic' : 'Papers', papers: rest });
  return groups.filter((group) => group.papers.length > 0);
}

/** Papers sorted by title and grouped by their first letter (`#` for digits and symbols). */
export function papersByInitial<P extends PaperEntry>(papers: readonly P[]): { initial: string; papers: P[] }[] {
  const groups: { initial: string; papers: P[] }[] = [];
  for (const paper of sortByTitle(papers)) {
    const first = paper.data.title.replace(/^\W+/, '').charAt(0).toUpperCase();
    const initial = /[A-Z]/.test(first) ? first : '#';
    const last = groups.at(-1);
    if (last?.initial === initial) last.papers.push(paper);
    else groups.push({ initial, papers: [paper] });
  }
  // Collator order can interleave '#' between letters; gather it at the front.
  const symbols = groups.filter((group) => group.initial === '#');
  const letters = groups.filter((group) => group.initial !== '#');
  return symbols.length ? [{ initial: '#', papers: symbols.flatMap((group) => group.papers) }, ...letters] : letters;
}

/** The newest dump a paper is listed in, and its line there: the later the dump, the more recently the paper was collected. */
function newestSource(paper: PaperEntry): { dump: string; line: number } {
  let newest = { dump: '', line: 0 };
  for (const source of paper.data.sources ?? []) if (source.dump > newest.dump) newest = source;
  return newest;
}

/**
 * Items newest first. Many files share a date (a dump's papers are committed together):
 * those of the same date come from the newest dump first, in the dump's order, then by title.
 */
export function sortByRecency<T extends { date: Date; paper: PaperEntry }>(items: readonly T[]): T[] {
  const sources = new Map(items.map((item) => [item, newestSource(item.paper)]));
  return [...items].sort((a, b) => {
    const [sa, sb] = [sources.get(a)!, sources.get(b)!];
    return (
      b.date.getTime() - a.date.getTime() ||
      (sb.dump > sa.dump ? 1 : sb.dump < sa.dump ? -1 : 0) ||
      sa.line - sb.line ||
      compareTitles(a.paper.data.title, b.paper.data.title)
    );
  });
}

/**
 * Wikilinks in notes, as Obsidian and Quartz write them: `[[slug]]`, `[[Paper title]]`,
 * `[[target|the text shown]]` and `[[topic:long-cot]]`. Pure functions, shared by the remark
 * plugin that renders them (`remark-wikilinks.ts`), `npm run check`, which reports the broken and
 * ambiguous ones, and the backlinks and related papers the pages show (`src/site/collections.ts`).
 */

/** One `[[…]]` in a note's text. */
export interface Wikilink {
  /** What it names: a slug, a title, or `topic:` and a topic. */
  target: string;
  /** The text after `|`, shown instead of the target. */
  label: string | undefined;
  /** Where it starts in the text, and how long it is. */
  index: number;
  length: number;
}

/** `[[target]]` or `[[target|label]]` on one line; `\[[` is literal text. */
export const WIKILINK_PATTERN = /(?<!\\)\[\[([^[\]\n|]+)(?:\|([^[\]\n]*))?\]\]/g;

/** Every wikilink in a text (code and math included: see `maskCode` for what Markdown renders). */
export function findWikilinks(text: string): Wikilink[] {
  return [...text.matchAll(WIKILINK_PATTERN)].map((match) => ({
    target: match[1]!.trim(),
    label: match[2]?.trim() || undefined,
    index: match.index,
    length: match[0].length,
  }));
}

/**
 * A note's Markdown with code blocks, inline code and math blanked out (same length, same line
 * breaks), so the wikilinks found in it are the ones the page renders as links.
 */
export function maskCode(body: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return body
    .replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, blank)
    .replace(/\$\$[\s\S]+?\$\$|\$[^$\n]+\$/g, blank)
    .replace(/(`+)[^`][\s\S]*?\1/g, blank);
}

/** How titles are compared: case, spacing, punctuation and accents ignored ("Ring-Attention!" = "ring attention"). */
export function normaliseTitle(title: string): string {
  return title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What a wikilink can name: the papers (slug → title) and topics (slug → title). Built once per build. */
export interface LinkIndex {
  papers: ReadonlyMap<string, string>;
  topics: ReadonlyMap<string, string>;
  /** Normalised title (and normalised slug) → the papers it names. */
  byTitle: ReadonlyMap<string, readonly string[]>;
  topicsByTitle: ReadonlyMap<string, readonly string[]>;
}

/** The index of `papers` and `topics`, each `{ id, title }`. */
export function buildLinkIndex(papers: readonly { id: string; title: string }[], topics: readonly { id: string; title: string }[]): LinkIndex {
  const group = (entries: readonly { id: string; title: string }[]) => {
    const byTitle = new Map<string, string[]>();
    for (const { id, title } of entries) {
      for (const key of new Set([normaliseTitle(title), normaliseTitle(id)])) {
        if (!key) continue;
        const ids = byTitle.get(key);
        if (!ids) byTitle.set(key, [id]);
        else if (!ids.includes(id)) ids.push(id);
      }
    }
    return byTitle;
  };
  return {
    papers: new Map(papers.map(({ id, title }) => [id, title])),
    topics: new Map(topics.map(({ id, title }) => [id, title])),
    byTitle: group(papers),
    topicsByTitle: group(topics),
  };
}

/** What a wikilink names: a paper or a topic, or nothing (with the closest names), or several papers. */
export type Resolution =
  | { kind: 'paper' | 'topic'; id: string; title: string; byId: boolean }
  | { kind: 'broken'; suggestions: string[] }
  | { kind: 'ambiguous'; candidates: string[] };

/**
 * What `target` names. `topic:x` is a topic, by slug or title. Anything else is a paper: its slug
 * exactly (a folder and `.md` are dropped, as Obsidian writes paths), else the one paper whose title
 * or slug matches with case, spacing and punctuation ignored.
 */
export function resolveWikilink(index: LinkIndex, target: string): Resolution {
  const topic = /^topics?:\s*(.*)$/i.exec(target);
  const [names, byTitle] = topic ? [index.topics, index.topicsByTitle] : [index.papers, index.byTitle];
  const wanted = (topic ? topic[1]! : target).trim().replace(/^.*\//, '').replace(/\.mdx?$/, '');
  const kind = topic ? 'topic' : 'paper';
  if (names.has(wanted)) return { kind, id: wanted, title: names.get(wanted)!, byId: true };
  const ids = byTitle.get(normaliseTitle(wanted)) ?? [];
  if (ids.length === 1) return { kind, id: ids[0]!, title: names.get(ids[0]!)!, byId: normaliseTitle(ids[0]!) === normaliseTitle(wanted) };
  if (ids.length > 1) return { kind: 'ambiguous', candidates: [...ids] };
  return { kind: 'broken', suggestions: closestNames(names, wanted) };
}

/** The text a wikilink shows: its label, else a paper's or topic's title when named by slug, else the target as written. */
export function wikilinkText(link: Pick<Wikilink, 'target' | 'label'>, resolution: Resolution | undefined): string {
  if (link.label) return link.label;
  if (resolution && (resolution.kind === 'paper' || resolution.kind === 'topic') && resolution.byId) return resolution.title;
  return link.target.replace(/^topics?:\s*/i, '');
}

/** A text with each wikilink replaced by the text it shows (for search, feeds and the catalogue). */
export function plainWikilinks(text: string, index?: LinkIndex): string {
  return text.replace(WIKILINK_PATTERN, (_, target: string, label: string | undefined) =>
    wikilinkText({ target: target.trim(), label: label?.trim() || undefined }, index && resolveWikilink(index, target.trim())),
  );
}

/** Up to three slugs whose slug or title is closest to `wanted` (edit distance on normalised text; containing it counts as close). */
export function closestNames(names: ReadonlyMap<string, string>, wanted: string, count = 3): string[] {
  const key = normaliseTitle(wanted);
  if (!key) return [];
  const limit = Math.max(2, Math.floor(key.length * 0.4));
  const scored: { id: string; score: number }[] = [];
  for (const [id, title] of names) {
    let best = Infinity;
    for (const candidate of [normaliseTitle(id), normaliseTitle(title)]) {
      if (candidate.includes(key) || (key.includes(candidate) && candidate.length >= 4)) best = Math.min(best, Math.abs(candidate.length - key.length) / 100);
      else if (Math.abs(candidate.length - key.length) <= limit) best = Math.min(best, editDistance(candidate, key, limit));
    }
    if (best <= limit) scored.push({ id, score: best });
  }
  return scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id)).slice(0, count).map(({ id }) => id);
}

/** Levenshtein distance, or `limit + 1` once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let row = 1; row <= a.length; row += 1) {
    const current = [row];
    let smallest = row;
    for (let column = 1; column <= b.length; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      current[column] = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      smallest = Math.min(smallest, current[column]!);
    }
    if (smallest > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** A wikilink that names nothing or several papers, as `npm run check` reports it. */
export interface WikilinkProblem {
  /** 1-based line in the note's body. */
  line: number;
  link: string;
  message: string;
  fix: string;
}

/** The broken and ambiguous wikilinks of one note's body, each with its line and the names it might mean. */
export function wikilinkProblems(body: string, index: LinkIndex): WikilinkProblem[] {
  const masked = maskCode(body);
  const problems: WikilinkProblem[] = [];
  for (const link of findWikilinks(masked)) {
    const resolution = resolveWikilink(index, link.target);
    if (resolution.kind === 'paper' || resolution.kind === 'topic') continue;
    const line = masked.slice(0, link.index).split('\n').length;
    const written = body.slice(link.index, link.index + link.length);
    const isTopic = /^topics?:/i.test(link.target);
    const names = isTopic ? index.topics : index.papers;
    const describe = (id: string) => `[[${isTopic ? 'topic:' : ''}${id}]] ("${names.get(id)}")`;
    if (resolution.kind === 'ambiguous') {
      problems.push({
        line,
        link: written,
        message: `the wikilink ${written} matches the titles of ${resolution.candidates.length} papers: ${resolution.candidates.map(describe).join(', ')}`,
        fix: 'link by slug instead, e.g. ' + `[[${resolution.candidates[0]}]]`,
      });
    } else if (resolution.kind === 'broken') {
      const suggestions = resolution.suggestions.map(describe);
      problems.push({
        line,
        link: written,
        message: `the wikilink ${written} names no ${isTopic ? 'topic' : 'paper'}`,
        fix: suggestions.length > 0
          ? `did you mean ${suggestions.join(' or ')}?`
          : isTopic ? `topics are the files in content/topics/: ${[...index.topics.keys()].join(', ')}` : 'link a paper by its file name (the slug) or its title; write \\[[ for literal brackets',
      });
    }
  }
  return problems;
}

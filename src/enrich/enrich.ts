/**
 * `npm run enrich`'s work, without its I/O: which papers to look up, the
 * requests that find them (ids first, then titles, in batches, at arXiv's
 * pace, through the cache), and how a match is merged into a paper's fields.
 */
import { arxivIdFromUrl } from '../citations/identifiers.ts';
import { idQuery, normaliseTitle, parseFeed, REQUEST_INTERVAL_MS, titleQuery, type ArxivPaper } from './arxiv.ts';

/** A paper file as enrich sees it. */
export interface PaperToEnrich {
  file: string;
  data: Record<string, unknown>;
}

/** What earlier runs learnt: a paper for each title or id looked up, or `null` when arXiv has none. */
export interface EnrichCache {
  version: 1;
  titles: Record<string, ArxivPaper | null>;
  ids: Record<string, ArxivPaper | null>;
}

export function emptyCache(): EnrichCache {
  return { version: 1, titles: {}, ids: {} };
}

/** The fields enrich writes, and only where a paper has none. */
export const ENRICH_FIELDS = ['authors', 'year', 'arxiv'] as const;

/** A paper's fields with arXiv's authors, year and id added where the paper has none; a person's values always win. */
export function mergeCitation(data: Record<string, unknown>, found: ArxivPaper): { data: Record<string, unknown>; added: string[] } {
  const values: Record<(typeof ENRICH_FIELDS)[number], unknown> = { authors: found.authors.length ? found.authors : undefined, year: found.year, arxiv: found.id };
  const merged = { ...data };
  const added: string[] = [];
  for (const field of ENRICH_FIELDS) {
    if (merged[field] === undefined && values[field] !== undefined) {
      merged[field] = values[field];
      added.push(field);
    }
  }
  return { data: merged, added };
}

/** An arXiv id the paper's own addresses give (`url`, `pdf`, `links`), if any. */
export function arxivIdHint(data: Record<string, unknown>): string | undefined {
  const links = Array.isArray(data.links) ? data.links.map((link) => (link as { url?: unknown })?.url) : [];
  for (const url of [data.url, data.pdf, ...links]) {
    const id = typeof url === 'string' ? arxivIdFromUrl(url) : undefined;
    if (id) return id.replace(/v\d+$/, '');
  }
  return undefined;
}

export interface LookUpOptions {
  papers: readonly PaperToEnrich[];
  cache: EnrichCache;
  /** GETs a URL and resolves to its body; rejects on a network error. Responses other than 200 reject with `HttpError`. */
  fetchText: (url: string) => Promise<string>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  api?: string;
  /** Time between the starts of two requests. */
  intervalMs?: number;
  titlesPerRequest?: number;
  idsPerRequest?: number;
  /** After each request: papers settled so far, of how many, and requests still to make at most. */
  onProgress?: (progress: { done: number; total: number; requestsLeft: number }) => void;
  /** After each request, with the cache as it now stands (to save it). */
  onCache?: (cache: EnrichCache) => void;
}

/** An answer other than 200 OK. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, url: string) {
    super(`arXiv answered ${status} for ${url}`);
    this.status = status;
  }
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * Finds the papers without an `arxiv` id on arXiv: by the id their addresses give, then by title.
 * A match must have the same normalised title. Returns the match for each paper file that has one.
 */
export async function lookUp(options: LookUpOptions): Promise<Map<string, ArxivPaper>> {
  const { cache, fetchText, api, onProgress, onCache } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => Date.now());
  const interval = options.intervalMs ?? REQUEST_INTERVAL_MS;
  const titlesPerRequest = options.titlesPerRequest ?? 10;
  const idsPerRequest = options.idsPerRequest ?? 50;

  const wanted = options.papers.filter((paper) => paper.data.arxiv === undefined && typeof paper.data.title === 'string');
  const titleOf = (paper: PaperToEnrich) => normaliseTitle(paper.data.title as string);
  const found = new Map<string, ArxivPaper>();
  const settled = new Set<string>();
  const settle = (paper: PaperToEnrich, match: ArxivPaper | null | undefined) => {
    if (match && normaliseTitle(match.title) === titleOf(paper)) found.set(paper.file, match);
    settled.add(paper.file);
  };

  // What the cache already answers.
  const byId: PaperToEnrich[] = [];
  const byTitle: PaperToEnrich[] = [];
  for (const paper of wanted) {
    const id = arxivIdHint(paper.data);
    const title = titleOf(paper);
    if (id && !(id in cache.ids)) byId.push(paper);
    else if (id && cache.ids[id] && normaliseTitle(cache.ids[id].title) === title) settle(paper, cache.ids[id]);
    else if (title in cache.titles) settle(paper, cache.titles[title]);
    else byTitle.push(paper);
  }

  let last = -Infinity;
  let requestsLeft = Math.ceil(byId.length / idsPerRequest) + Math.ceil(byTitle.length / titlesPerRequest);
  const request = async (url: string): Promise<string> => {
    for (let attempt = 0; ; attempt += 1) {
      const wait = last + interval * (attempt + 1) - now();
      if (wait > 0) await sleep(wait);
      last = now();
      try {
        return await fetchText(url);
      } catch (error) {
        if (!(error instanceof HttpError && RETRY_STATUSES.has(error.status) && attempt < 2)) throw error;
      }
    }
  };
  const report = () => {
    requestsLeft = Math.max(0, requestsLeft - 1);
    onCache?.(cache);
    onProgress?.({ done: settled.size, total: wanted.length, requestsLeft });
  };

  // Papers whose addresses name their arXiv id: looked up by id, many per request.
  for (let start = 0; start < byId.length; start += idsPerRequest) {
    const batch = byId.slice(start, start + idsPerRequest);
    const ids = [...new Set(batch.map((paper) => arxivIdHint(paper.data)!))];
    const { papers } = parseFeed(await request(idQuery(ids, api)));
    const answered = new Map(papers.map((paper) => [paper.id, paper]));
    for (const id of ids) cache.ids[id] = answered.get(id) ?? null;
    for (const paper of batch) {
      const match = cache.ids[arxivIdHint(paper.data)!];
      // An id whose paper has another title (a wrong link) does not count: the title decides.
      if (match && normaliseTitle(match.title) === titleOf(paper)) settle(paper, match);
      else if (titleOf(paper) in cache.titles) settle(paper, cache.titles[titleOf(paper)]);
      else {
        byTitle.push(paper);
        if ((byTitle.length - 1) % titlesPerRequest === 0) requestsLeft += 1;
      }
    }
    report();
  }

  // The rest by title, several per request. A title not among the answers is on arXiv under no such
  // title, unless arXiv had more answers than it sent: those titles are asked again one at a time.
  const ask = async (batch: PaperToEnrich[]): Promise<PaperToEnrich[]> => {
    const titles = [...new Set(batch.map(titleOf))];
    const maxResults = titles.length * 5;
    const { papers, total } = parseFeed(await request(titleQuery(titles, api, maxResults)));
    const answered = new Map<string, ArxivPaper>();
    // The first version listed wins when arXiv holds two papers with one title.
    for (const paper of [...papers].sort((a, b) => a.year - b.year)) {
      const title = normaliseTitle(paper.title);
      if (!answered.has(title)) answered.set(title, paper);
    }
    const truncated = total > papers.length;
    const again: PaperToEnrich[] = [];
    for (const title of titles) {
      if (answered.has(title)) cache.titles[title] = answered.get(title)!;
      else if (!truncated || titles.length === 1) cache.titles[title] = null;
    }
    for (const paper of batch) {
      if (titleOf(paper) in cache.titles) settle(paper, cache.titles[titleOf(paper)]);
      else again.push(paper);
    }
    return again;
  };
  const again: PaperToEnrich[] = [];
  for (let start = 0; start < byTitle.length; start += titlesPerRequest) {
    const rest = await ask(byTitle.slice(start, start + titlesPerRequest));
    requestsLeft += new Set(rest.map(titleOf)).size;
    again.push(...rest);
    report();
  }
  for (const paper of again) {
    if (titleOf(paper) in cache.titles) settle(paper, cache.titles[titleOf(paper)]);
    else await ask([paper]);
    report();
  }
  return found;
}

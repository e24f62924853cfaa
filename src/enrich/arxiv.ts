/**
 * arXiv's query API (https://info.arxiv.org/help/api/user-manual.html): the
 * request for a batch of titles or ids, and the papers in its Atom answer.
 */
import { XMLParser } from 'fast-xml-parser';

/** The API's address; `ARXIV_API_URL` points the tool at a mirror or a recorded copy. */
export const ARXIV_API = 'https://export.arxiv.org/api/query';

/** arXiv asks for no more than one request every three seconds. */
export const REQUEST_INTERVAL_MS = 3000;

/** A paper as arXiv describes it. */
export interface ArxivPaper {
  /** Without the version: `2401.01234`, `hep-th/9901001`. */
  id: string;
  title: string;
  authors: string[];
  /** Year of the first version. */
  year: number;
}

/** A title as compared: letters and digits only, accents dropped, lower case, single spaces. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The query for papers whose title is one of `titles` (a phrase each, joined by OR). */
export function titleQuery(titles: readonly string[], api = ARXIV_API, maxResults = titles.length * 5): string {
  const phrases = titles.map((title) => `ti:"${normaliseTitle(title)}"`).join(' OR ');
  return `${api}?${new URLSearchParams({ search_query: phrases, start: '0', max_results: String(maxResults) })}`;
}

/** The query for the papers with these ids. */
export function idQuery(ids: readonly string[], api = ARXIV_API): string {
  return `${api}?${new URLSearchParams({ id_list: ids.join(','), start: '0', max_results: String(ids.length) })}`;
}

const parser = new XMLParser({ ignoreAttributes: true, isArray: (name) => name === 'entry' || name === 'author' });

/** What an Atom answer holds: the papers and the total number of matches arXiv reports. */
export function parseFeed(xml: string): { papers: ArxivPaper[]; total: number } {
  let feed: Record<string, unknown> | undefined;
  try {
    feed = (parser.parse(xml) as { feed?: Record<string, unknown> }).feed;
  } catch (error) {
    throw new Error(`arXiv's answer is not valid XML (${(error as Error).message})`);
  }
  if (!feed) throw new Error('arXiv answered without an Atom feed');
  const papers: ArxivPaper[] = [];
  for (const entry of (feed.entry as Record<string, unknown>[] | undefined) ?? []) {
    const id = /arxiv\.org\/abs\/(.+?)(?:v\d+)?$/.exec(String(entry.id ?? ''))?.[1];
    // An id_list query for an unknown id answers with an "Error" entry that has no abstract page.
    if (!id || typeof entry.title !== 'string') continue;
    const year = Number(String(entry.published ?? '').slice(0, 4));
    const authors = ((entry.author as { name?: unknown }[] | undefined) ?? [])
      .map((author) => String(author.name ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    if (!Number.isInteger(year) || year < 1990) continue;
    papers.push({ id, title: entry.title.replace(/\s+/g, ' ').trim(), authors, year });
  }
  const total = Number(feed['opensearch:totalResults'] ?? papers.length);
  return { papers, total: Number.isFinite(total) ? total : papers.length };
}

/**
 * What the search page says about a search: how many papers it found, for what, and which words of
 * the query no paper holds. Pagefind leaves out a word it finds nowhere and searches for the others
 * ("zzqx attention" finds what "attention" finds), so the page says so instead of counting it.
 */
import type { Link } from '../site/urls.ts';

/** A finished search as the status reports it. */
export interface SearchOutcome {
  /** The query as typed ('' for topics alone). */
  query: string;
  /** Topic titles the search is narrowed to. */
  topics: readonly string[];
  count: number;
  /** Words of the query that no paper holds, as typed. */
  unmatched: readonly string[];
  /** The other words of the query, which the results match. */
  matched: readonly string[];
}

const quoted = (words: readonly string[], joiner: string) => words.map((word) => `“${word}”`).join(joiner);
const papers = (count: number) => `${count} ${count === 1 ? 'paper' : 'papers'}`;

/** The status line for a finished search. */
export function searchStatus({ query, topics, count, unmatched, matched }: SearchOutcome): string {
  const scope = topics.length ? ` in ${topics.join(' or ')}` : '';
  if (unmatched.length > 0) {
    const missing = `No paper mentions ${quoted(unmatched, ' or ')}`;
    if (matched.length === 0) return `${missing}.`;
    const rest = `“${matched.join(' ')}”`;
    return count === 0 ? `${missing}, and no paper${scope} matches ${rest}.` : `${missing}; showing ${papers(count)} matching ${rest}${scope}.`;
  }
  const what = query ? ` for “${query}”` : '';
  return count === 0 ? `No papers found${what}${scope}.` : `${papers(count)}${what}${scope}.`;
}

/** The same query on arXiv and Semantic Scholar, for a search that found little here. */
export function searchElsewhereLinks(query: string): Link[] {
  const q = encodeURIComponent(query.replace(/\s+/g, ' ').trim());
  return [
    { label: 'arXiv', url: `https://arxiv.org/search/?query=${q}&searchtype=all` },
    { label: 'Semantic Scholar', url: `https://www.semanticscholar.org/search?q=${q}` },
  ];
}

/**
 * Merge stage: listings from every dump → one record per distinct paper.
 */
import type { Source } from '../papers/schema.ts';
import type { Listing } from './parse.ts';

/** A distinct paper as the dumps describe it, before topics. */
export interface MergedPaper {
  /** Identity across dumps and runs: see `paperKey`. */
  key: string;
  title: string;
  abstract: string;
  /** Every listing, in dump order then line order. */
  sources: Source[];
}

/**
 * The identity of a paper: its title with case, Unicode forms and all white
 * space folded away, so "Long Context  Scaling" and "long context scaling"
 * (or "LongContext Scaling") are one paper.
 */
export function paperKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[\s\u00a0]+/gu, '');
}

/**
 * Merges listings of the same paper. Pure. The first listing (in the order
 * given: dumps by name, then by line) gives the title and the abstract, so
 * which copy wins is predictable: to correct a paper, edit its first listing.
 */
export function mergeListings(listings: readonly Listing[]): MergedPaper[] {
  const byKey = new Map<string, MergedPaper>();
  for (const listing of listings) {
    const key = paperKey(listing.title);
    const source = { dump: listing.dump, line: listing.line };
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, { key, title: listing.title, abstract: listing.abstract, sources: [source] });
      continue;
    }
    known.sources.push(source);
  }
  return [...byKey.values()];
}

/**
 * Results the background worker (src/integrations/background.ts) computes for
 * the pages while Astro syncs content and bundles, handed to the pages within
 * the build process. The integration and the pages are separate module
 * instances, so the hand-off goes through a registry on `globalThis`.
 */
import type { Related } from './related.ts';

/** What the worker computes for the pages: each paper's related papers, each topic's key phrases. */
export interface BackgroundResults {
  related: Map<string, Related[]>;
  keyPhrases: Map<string, { phrase: string; papers: number }[]>;
}

/** The results as the worker file holds them (Maps as entry lists). */
export interface BackgroundResultsJson {
  related: [string, Related[]][];
  keyPhrases: [string, { phrase: string; papers: number }[]][];
}

const KEY = Symbol.for('shelf.background');
type Registry = { [KEY]?: Promise<BackgroundResults> };

/** Offers the worker's results, as a promise; `undefined` withdraws the offer. */
export function offerBackground(results: Promise<BackgroundResults> | undefined): void {
  (globalThis as Registry)[KEY] = results;
}

/** One of the results the worker is computing, if a worker runs in this process. */
export function takeBackground<K extends keyof BackgroundResults>(name: K): Promise<BackgroundResults[K]> | undefined {
  return (globalThis as Registry)[KEY]?.then((results) => results[name]);
}

/** Reads the worker's results back into Maps. */
export function fromJson(json: BackgroundResultsJson): BackgroundResults {
  return { related: new Map(json.related), keyPhrases: new Map(json.keyPhrases) };
}

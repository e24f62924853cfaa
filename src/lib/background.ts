/**
 * Results the background worker (src/integrations/background.ts) computes for
 * the pages while Astro syncs content and bundles, handed to the pages within
 * the build process. The integration and the pages are separate module
 * instances, so the hand-off goes through a registry on `globalThis`.
 */
import type { Related } from './related.ts';

const RELATED = Symbol.for('shelf.background.related');
type Registry = { [RELATED]?: Promise<Map<string, Related[]>> };

/** Offers each paper's related papers, as a promise; `undefined` withdraws the offer. */
export function offerRelated(related: Promise<Map<string, Related[]>> | undefined): void {
  (globalThis as Registry)[RELATED] = related;
}

/** The related papers the worker is computing, if a worker runs in this process. */
export function takeRelated(): Promise<Map<string, Related[]>> | undefined {
  return (globalThis as Registry)[RELATED];
}

/**
 * Keeps Astro's heap close to what it holds during `astro build`: the heap may grow 30 % past what the
 * last full collection kept (`--heap-growing-percent=30`), instead of by V8's own factor, which lets a
 * heap that grows fast reach several times that. Generating pages leaves much short-lived garbage: at
 * 50,000 papers the heap reached 796 MB before a full collection that kept 381 MB; with 30 % the
 * collections came at 390–440 MB. Full collections are incremental and mostly concurrent.
 *
 * Node does not take the flag in NODE_OPTIONS (where `npm run build:site` sets the young generation),
 * so it is set here; V8 reads it each time it sets the next limit.
 */
import type { AstroIntegration } from 'astro';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How far, in percent, the heap may grow past what the last full collection kept. */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Collects Astro's garbage at once and hands the freed memory back, as V8 does by itself once the
 * process has been idle some seconds. Called when the pages are built, before a second Pagefind process
 * starts: at 50,000 papers Astro still held 936 MiB resident then, 777 MiB after V8's own reduction 6 s later,
 * and meanwhile the two Pagefind processes brought the build to its peak. V8's `gc` is made available
 * (`--expose-gc`) for a new context only, not to the site's code.
 */
export function releaseHeap(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** The Astro integration. */
export default function heapIntegration(): AstroIntegration {
  return {
    name: 'shelf:heap',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
      },
    },
  };
}

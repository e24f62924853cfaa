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

/** How far, in percent, the heap may grow past what the last full collection kept. */
export const HEAP_GROWING_PERCENT = 30;

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

/**
 * Writes `sw.js`, a Workbox service worker that saves the site for offline
 * reading, over the finished build. It must run after Pagefind (list it after
 * `pagefind()` in the config): it precaches Pagefind's index, so the index has
 * to exist. What it saves is decided by `planPrecache` in `src/lib/precache.ts`.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { DEFAULT_PRECACHE_BUDGET_BYTES, formatMiB, planPrecache } from '../lib/precache.ts';

export interface ServiceWorkerOptions {
  /** Most bytes to precache; past it, paper pages are cached when visited instead. */
  precacheBudgetBytes?: number;
}

/** The page served for a navigation that is neither saved nor reachable. */
export const OFFLINE_PAGE = 'offline/index.html';

/** The Astro integration: generates `sw.js` on `astro:build:done`; in dev, serves one that removes itself. */
export default function serviceWorkerIntegration(options: ServiceWorkerOptions = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'shelf:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        // A worker left by `astro preview` on the same port would keep serving the old build to `astro dev`.
        server.middlewares.use((request, response, next) => {
          if (request.url !== `${base}sw.js`) return next();
          response.setHeader('content-type', 'text/javascript');
          response.end(SELF_REMOVING_WORKER);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await writeServiceWorker(dir, base, options.precacheBudgetBytes ?? DEFAULT_PRECACHE_BUDGET_BYTES, logger);
      },
    },
  };
}

const SELF_REMOVING_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.registration.unregister()));`;

/** Writes `dir/sw.js` precaching what fits `budgetBytes`; returns the number of precached files. */
export async function writeServiceWorker(dir: URL, base: string, budgetBytes: number, logger: AstroIntegrationLogger): Promise<number> {
  const outDir = fileURLToPath(dir);
  for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', OFFLINE_PAGE]) {
    if (!existsSync(fileURLToPath(new URL(file, dir)))) {
      throw new Error(`Cannot write the service worker: ${file} is missing from the build (list serviceWorker() after pagefind() in astro.config.mjs).`);
    }
  }
  try {
    let papersPrecached = false;
    const { count, size, warnings } = await generateSW({
      globDirectory: outDir,
      globPatterns: ['**/*'],
      globIgnores: ['sw.js'],
      swDest: fileURLToPath(new URL('sw.js', dir)),
      mode: 'production',
      inlineWorkboxRuntime: true,
      sourcemap: false,
      maximumFileSizeToCacheInBytes: budgetBytes,
      manifestTransforms: [
        (entries) => {
          const plan = planPrecache(entries, budgetBytes);
          papersPrecached = plan.papersPrecached;
          return { manifest: plan.precache, warnings: plan.warnings };
        },
      ],
      // Astro's and Pagefind's hashed names (pf_meta, fragments, _astro/*) need no revision;
      // everything else, pagefind-entry.json included, is revisioned by content hash.
      dontCacheBustURLsMatching: /(\/_astro\/|\.pf_[a-z]+$)/,
      // A static host ignores query strings, and so does the precache: `search/?q=…` is `search/`,
      // and Pagefind's `pagefind-entry.json?ts=…` is the precached entry file.
      ignoreURLParametersMatching: [/./],
      directoryIndex: 'index.html',
      // A new deploy takes over at once; the page reloads on controllerchange (src/scripts/offline.ts).
      skipWaiting: true,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          // Pages not precached (all papers, past the budget): the network first, the saved copy offline.
          urlPattern: ({ request }) => request.mode === 'navigate',
          handler: 'NetworkFirst',
          options: {
            cacheName: 'shelf-pages',
            networkTimeoutSeconds: 4,
            expiration: { maxEntries: 500 },
            precacheFallback: { fallbackURL: `${base}${OFFLINE_PAGE}` },
          },
        },
        {
          // Hashed assets not precached (KaTeX's woff/ttf fallbacks) never change.
          urlPattern: ({ url }) => url.pathname.includes('/_astro/'),
          handler: 'CacheFirst',
          options: { cacheName: 'shelf-assets', expiration: { maxEntries: 100 } },
        },
      ],
    });
    for (const warning of warnings) logger.warn(warning);
    logger.info(
      `Service worker precaches ${count} files (${formatMiB(size)} of ${formatMiB(budgetBytes)}); paper pages ${papersPrecached ? 'included' : 'cached when visited'}.`,
    );
    return count;
  } catch (cause) {
    throw new Error('Failed to write the service worker.', { cause });
  }
}

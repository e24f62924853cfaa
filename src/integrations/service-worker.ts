/**
 * Writes `sw.js`, a Workbox service worker that saves the site for offline
 * reading, over the finished build. It must run after the search index is
 * installed (list it after `background()` in the config): it precaches
 * Pagefind's index, so the index has to exist. What it saves is decided by `planPrecache` in `src/lib/precache.ts`.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { DEFAULT_PRECACHE_BUDGET_BYTES, formatMiB, planPrecache, type BuiltFile } from '../lib/precache.ts';

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
  const started = performance.now();
  const outDir = fileURLToPath(dir);
  for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', OFFLINE_PAGE]) {
    if (!existsSync(fileURLToPath(new URL(file, dir)))) {
      throw new Error(`Cannot write the service worker: ${file} is missing from the build (list serviceWorker() after background() in astro.config.mjs).`);
    }
  }
  try {
    // Plan first, then hash only what is precached: Workbox's own glob would read and hash every built file.
    const plan = planPrecache(listBuiltFiles(outDir), budgetBytes);
    const { warnings } = await generateSW({
      // No glob patterns: Workbox only takes the planned entries (it skips them all without a globDirectory).
      globDirectory: outDir,
      globPatterns: [],
      additionalManifestEntries: plan.precache.map((file) => ({ url: file.url, revision: revisionOf(outDir, file.url) })),
      swDest: fileURLToPath(new URL('sw.js', dir)),
      mode: 'production',
      inlineWorkboxRuntime: true,
      sourcemap: false,
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
    for (const warning of [...plan.warnings, ...warnings]) logger.warn(warning);
    logger.info(
      `Service worker precaches ${plan.precache.length} files (${formatMiB(plan.totalBytes)} of ${formatMiB(budgetBytes)}); paper pages ${plan.papersPrecached ? 'included' : 'cached when visited'}; written in ${Math.round(performance.now() - started)} ms.`,
    );
    return plan.precache.length;
  } catch (cause) {
    throw new Error('Failed to write the service worker.', { cause });
  }
}

/** Every file of the build but `sw.js`, as a URL relative to the base and a size. */
function listBuiltFiles(outDir: string): BuiltFile[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { url: relative(outDir, path).split(sep).join('/'), size: statSync(path).size };
    })
    .filter((file) => file.url !== 'sw.js');
}

// Astro's and Pagefind's hashed names (_astro/*, pf_meta, fragments…) change with their content: no revision needed.
const HASHED_NAME = /(^_astro\/|\.pf_[a-z]+$)/;

/** A precache revision: none for hashed names, else the MD5 of the file (pagefind-entry.json included). */
function revisionOf(outDir: string, url: string): string | null {
  return HASHED_NAME.test(url) ? null : createHash('md5').update(readFileSync(join(outDir, url))).digest('hex');
}

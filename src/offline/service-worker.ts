/**
 * Writes `sw.js`, a Workbox service worker that saves the site for offline
 * reading, over the finished build. It must run after the search index is
 * installed (list it after `searchIndex()` in the config): it precaches
 * Pagefind's index, so the index has to exist. What it saves is decided by `planPrecache` in `src/offline/precache.ts`.
 *
 * Workbox bundles and minifies the worker with Rollup and Terser, manifest
 * included: about 3 s for the worker itself, plus time that grows with the
 * manifest (10,000 entries: 5 s in all; 50,000: 13 s). So the worker is
 * bundled once with a placeholder manifest (a *template*, kept in Astro's cache
 * folder and reused while Workbox and the options stay the same), starting as
 * soon as content is synced, and the real manifest is written into it
 * once the search index is in place.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GenerateSWOptions } from 'workbox-build';
import { DEFAULT_PRECACHE_BUDGET_BYTES, formatMiB, planPrecache, type BuiltFile } from './precache.ts';

export interface ServiceWorkerOptions {
  /** Most bytes to precache; past it, paper pages are cached when visited instead. */
  precacheBudgetBytes?: number;
}

/** The page served for a navigation that is neither saved nor reachable. */
export const OFFLINE_PAGE = 'offline/index.html';

/** The Astro integration: generates `sw.js` on `astro:build:done`; in dev, serves one that removes itself. */
export default function serviceWorkerIntegration(options: ServiceWorkerOptions = {}): AstroIntegration {
  let base = '/';
  let cacheDir = '';
  let template: Promise<WorkerTemplate> | undefined;
  return {
    name: 'shelf:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheDir = fileURLToPath(new URL('./shelf-sw/', config.cacheDir));
      },
      // Content is synced; the template is bundled while Astro bundles and renders (and the search index is written).
      // Started once the pages were generated, it kept the worker waiting 1.6–2.5 s after the index at 1k and 10k papers.
      'astro:build:start': () => {
        template = workerTemplate(base, cacheDir);
        template.catch(() => {}); // awaited at build:done
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
        const budget = options.precacheBudgetBytes ?? DEFAULT_PRECACHE_BUDGET_BYTES;
        await writeServiceWorker(dir, budget, template ?? workerTemplate(base, cacheDir), logger);
      },
    },
  };
}

const SELF_REMOVING_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.registration.unregister()));`;

/** A placeholder for the manifest: the one precache entry of the template, replaced by the real entries. */
export const MANIFEST_PLACEHOLDER = 'shelf-precache-manifest-placeholder';

/** The manifest as Terser writes it in the template; found exactly once, or the template is refused. */
const PLACEHOLDER_LITERAL = `[{url:"${MANIFEST_PLACEHOLDER}",revision:null}]`;

/** A bundled worker waiting for its manifest, and what Workbox warned while bundling it. */
export interface WorkerTemplate {
  source: string;
  warnings: string[];
  /** Whether it came from the cache folder rather than a fresh bundle. */
  cached: boolean;
}

/** Workbox's options for a site under `base`, but the manifest and where the worker goes. */
function workboxOptions(base: string): Omit<GenerateSWOptions, 'swDest' | 'additionalManifestEntries'> {
  return {
    mode: 'production',
    inlineWorkboxRuntime: true,
    sourcemap: false,
    // A static host ignores query strings, and so does the precache: `search/?q=…` is `search/`,
    // and Pagefind's `pagefind-entry.json?ts=…` is the precached entry file.
    ignoreURLParametersMatching: [/./],
    directoryIndex: 'index.html',
    // A new deploy takes over at once; the page reloads on controllerchange (src/offline/offline.ts).
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
  };
}

/**
 * The worker for a site under `base`, bundled with a placeholder manifest. It is kept in `cacheDir`
 * under a key made of Workbox's version and the options (their functions' source included), so a
 * build reuses it until either changes.
 */
export async function workerTemplate(base: string, cacheDir: string): Promise<WorkerTemplate> {
  const options = workboxOptions(base);
  const workboxVersion = String(createRequire(import.meta.url)('workbox-build/package.json').version);
  const key = createHash('sha256')
    .update(JSON.stringify({ workboxVersion, options }, (_name, value) => (typeof value === 'function' || value instanceof RegExp ? String(value) : value)))
    .digest('hex')
    .slice(0, 16);
  const file = join(cacheDir, `sw-${key}.js`);
  if (existsSync(file)) return { source: readFileSync(file, 'utf8'), warnings: [], cached: true };
  // Loaded only to bundle: Workbox, with Rollup, Babel and Terser, takes 1.1 s to load, which at the
  // top of this module held up Astro's config.
  const { generateSW } = await import('workbox-build');
  const scratch = join(cacheDir, `build-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  try {
    const { warnings } = await generateSW({
      ...options,
      // An empty folder and no patterns: Workbox globs nothing and takes the one listed entry.
      // (Without a globDirectory it would leave out the manifest altogether.)
      globDirectory: scratch,
      globPatterns: [],
      additionalManifestEntries: [{ url: MANIFEST_PLACEHOLDER, revision: null }],
      swDest: join(scratch, 'sw.js'),
    });
    const source = readFileSync(join(scratch, 'sw.js'), 'utf8');
    placeholderAt(source);
    renameSync(join(scratch, 'sw.js'), file);
    return { source, warnings, cached: false };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Where the placeholder manifest sits in a template; throws unless it is there exactly once. */
function placeholderAt(source: string): number {
  const at = source.indexOf(PLACEHOLDER_LITERAL);
  if (at < 0 || source.indexOf(PLACEHOLDER_LITERAL, at + 1) >= 0) {
    throw new Error(
      `The bundled service worker holds ${at < 0 ? 'no' : 'more than one'} placeholder manifest ${PLACEHOLDER_LITERAL}: ` +
        'Workbox or Terser changed how they write it; update PLACEHOLDER_LITERAL in src/offline/service-worker.ts.',
    );
  }
  return at;
}

/** The template with `entries` as its precache manifest, written as Terser writes object literals. */
export function fillTemplate(template: string, entries: readonly { url: string; revision: string | null }[]): string {
  const at = placeholderAt(template);
  const manifest = `[${entries.map((entry) => `{url:${JSON.stringify(entry.url)},revision:${JSON.stringify(entry.revision)}}`).join(',')}]`;
  return template.slice(0, at) + manifest + template.slice(at + PLACEHOLDER_LITERAL.length);
}

/** Writes `dir/sw.js` from `template`, precaching what fits `budgetBytes`; returns the number of precached files. */
export async function writeServiceWorker(dir: URL, budgetBytes: number, template: Promise<WorkerTemplate>, logger: AstroIntegrationLogger): Promise<number> {
  const started = performance.now();
  const outDir = fileURLToPath(dir);
  for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', OFFLINE_PAGE]) {
    if (!existsSync(fileURLToPath(new URL(file, dir)))) {
      throw new Error(`Cannot write the service worker: ${file} is missing from the build (list serviceWorker() after searchIndex() in astro.config.mjs).`);
    }
  }
  try {
    // Plan first, then hash only what is precached: Workbox's own glob would read and hash every built file.
    const plan = planPrecache(listBuiltFiles(outDir), budgetBytes);
    const entries = plan.precache.map((file) => ({ url: file.url, revision: revisionOf(outDir, file.url) }));
    const { source, warnings, cached } = await template;
    writeFileSync(join(outDir, 'sw.js'), fillTemplate(source, entries));
    for (const warning of [...plan.warnings, ...warnings]) logger.warn(warning);
    logger.info(
      `Service worker precaches ${plan.precache.length} files (${formatMiB(plan.totalBytes)} of ${formatMiB(budgetBytes)}); paper pages ${plan.papersPrecached ? 'included' : 'cached when visited'}; ` +
        `written in ${Math.round(performance.now() - started)} ms (${cached ? 'Workbox bundle from the cache' : 'Workbox bundled it alongside'}).`,
    );
    return plan.precache.length;
  } catch (cause) {
    throw new Error('Failed to write the service worker.', { cause });
  }
}

/** Every file of the build but `sw.js`, as a URL relative to the base and a size, sorted by URL. */
export function listBuiltFiles(outDir: string): BuiltFile[] {
  const files: BuiltFile[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const url = prefix + entry.name;
      if (entry.isDirectory()) {
        walk(join(folder, entry.name), `${url}/`);
      } else if (entry.isFile() && url !== 'sw.js') {
        files.push({ url, size: statSync(join(folder, entry.name)).size });
      }
    }
  };
  walk(outDir, '');
  return files.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

// Astro's and Pagefind's hashed names (_astro/*, pf_meta, fragments…) change with their content: no revision needed.
const HASHED_NAME = /(^_astro\/|\.pf_[a-z]+$)/;

/** A precache revision: none for hashed names, else the MD5 of the file (pagefind-entry.json included). */
function revisionOf(outDir: string, url: string): string | null {
  return HASHED_NAME.test(url) ? null : createHash('md5').update(readFileSync(join(outDir, url))).digest('hex');
}

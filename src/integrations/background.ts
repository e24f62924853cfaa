/**
 * Work that runs alongside Astro's page rendering, in a second process on the
 * machine's other core: as `astro build` starts, `background-worker.ts` reads
 * the paper files, computes each paper's related papers and each topic's key
 * phrases (handed to the pages through `src/lib/background.ts`), then has
 * Pagefind write the search index to a staging folder. At `astro:build:done`
 * the index moves into `dist/pagefind/`.
 */
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fromJson, offerBackground, type BackgroundResults } from '../lib/background.ts';
import { CONTENT_DIR } from '../lib/content-dir.ts';
import { installSearchIndex, type IndexSummary } from './search-index.ts';

/** A message from the worker. */
export type WorkerMessage = { type: 'results'; file: string } | ({ type: 'index' } & IndexSummary);
/** A message to the worker: the pages are built, so the CPU Astro used is free. */
export type ParentMessage = { type: 'pages-built' };

/** The Astro integration. */
export default function backgroundIntegration(): AstroIntegration {
  let staging = '';
  let work: ReturnType<typeof startWorker> | undefined;
  return {
    name: 'shelf:background',
    hooks: {
      // Start as early as `astro build` allows: the worker reads the papers while Astro syncs content and bundles.
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build' || work) return;
        const script = fileURLToPath(new URL('./src/integrations/background-worker.ts', config.root));
        const contentDir = fileURLToPath(new URL(CONTENT_DIR.replace(/\/?$/, '/'), config.root));
        staging = fileURLToPath(new URL('./shelf-pagefind/', config.cacheDir));
        const resultsFile = fileURLToPath(new URL('./shelf-background.json', config.cacheDir));
        mkdirSync(new URL('./', config.cacheDir), { recursive: true });
        work = startWorker(script, [contentDir, staging, resultsFile]);
        offerBackground(work.results);
        yieldToSearchIndex();
      },
      'astro:build:done': async ({ dir, logger }) => {
        offerBackground(undefined);
        if (!work) throw new Error('Failed to run Pagefind: the background worker never started (astro:config:setup did not run for a build).');
        work.pagesBuilt();
        const summary = await work.index.catch((cause: unknown) => {
          throw new Error('Failed to run Pagefind.', { cause });
        });
        await installSearchIndex(summary, staging, dir, logger);
      },
    },
  };
}

/**
 * Lowers the priority of this thread, Astro's main thread (nice 5; its helper threads and the worker,
 * started before, keep theirs). The search index is the longest path of the build, so when Astro and
 * Pagefind want the same CPU, Pagefind should get it first (10k, tmpfs, three alternating pairs:
 * `astro build` 28.1–28.9 s against 29.5–30.3 s). Lowering one's own priority needs no privilege.
 */
function yieldToSearchIndex(): void {
  try {
    setPriority(5);
  } catch {
    // A platform without priorities: nothing to yield.
  }
}

/** Runs the worker in its own Node process (the same Node binary); one promise per result. */
function startWorker(script: string, args: string[]): { results: Promise<BackgroundResults>; index: Promise<IndexSummary>; pagesBuilt: () => void } {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
  const stopChild = () => child.kill();
  // If the build fails first, the worker has nothing left to do.
  process.once('exit', stopChild);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  let resolveResults!: (results: BackgroundResults) => void;
  let rejectResults!: (error: Error) => void;
  const results = new Promise<BackgroundResults>((resolve, reject) => ((resolveResults = resolve), (rejectResults = reject)));
  const index = new Promise<IndexSummary>((resolve, reject) => {
    let summary: IndexSummary | undefined;
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'results') resolveResults(fromJson(JSON.parse(readFileSync(message.file, 'utf8'))));
      else summary = { pages: message.pages, ms: message.ms, cpu: message.cpu };
    });
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('exit', stopChild);
      const failure = new Error(stderr.trim() || `the background worker exited with code ${code}`);
      // Settles nothing if the results already arrived.
      rejectResults(new Error(`The background worker failed before computing related papers and key phrases: ${failure.message}`));
      if (code === 0 && summary) resolve(summary);
      else reject(failure);
    });
  });
  // Each is awaited later (by the pages, by astro:build:done); until then a failure is not unhandled.
  results.catch(() => {});
  index.catch(() => {});
  const pagesBuilt = () => {
    // The worker may be closing its channel as this is sent (the index done): then there is nothing to tell,
    // and the failed write must not reach the 'error' handler above, which would fail the index.
    if (child.connected) child.send({ type: 'pages-built' } satisfies ParentMessage, () => {});
  };
  return { results, index, pagesBuilt };
}

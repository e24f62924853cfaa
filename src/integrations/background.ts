/**
 * Work that runs alongside Astro's page rendering, in a second process on the
 * machine's other core: at `astro:build:start`, `background-worker.ts` reads
 * the paper files, computes each paper's related papers (handed to the pages
 * through `src/lib/background.ts`), then has Pagefind write the search index to
 * a staging folder. At `astro:build:done` the index moves into `dist/pagefind/`.
 */
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { offerRelated } from '../lib/background.ts';
import { CONTENT_DIR } from '../lib/content-dir.ts';
import type { Related } from '../lib/related.ts';
import { installSearchIndex, type IndexSummary } from './search-index.ts';

/** A message from the worker. */
export type WorkerMessage = { type: 'related'; file: string } | ({ type: 'index' } & IndexSummary);

/** The Astro integration. */
export default function backgroundIntegration(): AstroIntegration {
  let root: URL;
  let staging = '';
  let relatedFile = '';
  let work: ReturnType<typeof startWorker> | undefined;
  return {
    name: 'shelf:background',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        staging = fileURLToPath(new URL('./shelf-pagefind/', config.cacheDir));
        relatedFile = fileURLToPath(new URL('./shelf-related.json', config.cacheDir));
      },
      'astro:build:start': () => {
        const script = fileURLToPath(new URL('./src/integrations/background-worker.ts', root));
        const contentDir = fileURLToPath(new URL(CONTENT_DIR.replace(/\/?$/, '/'), root));
        work = startWorker(script, [contentDir, staging, relatedFile]);
        offerRelated(work.related);
      },
      'astro:build:done': async ({ dir, logger }) => {
        offerRelated(undefined);
        if (!work) throw new Error('Failed to run Pagefind: the background worker never started (astro:build:start did not run).');
        const summary = await work.index.catch((cause: unknown) => {
          throw new Error('Failed to run Pagefind.', { cause });
        });
        await installSearchIndex(summary, staging, dir, logger);
      },
    },
  };
}

/** Runs the worker in its own Node process (the same Node binary); one promise per result. */
function startWorker(script: string, args: string[]): { related: Promise<Map<string, Related[]>>; index: Promise<IndexSummary> } {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
  const stopChild = () => child.kill();
  // If the build fails first, the worker has nothing left to do.
  process.once('exit', stopChild);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  let resolveRelated!: (related: Map<string, Related[]>) => void;
  let rejectRelated!: (error: Error) => void;
  const related = new Promise<Map<string, Related[]>>((resolve, reject) => ((resolveRelated = resolve), (rejectRelated = reject)));
  const index = new Promise<IndexSummary>((resolve, reject) => {
    let summary: IndexSummary | undefined;
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'related') resolveRelated(new Map(JSON.parse(readFileSync(message.file, 'utf8'))));
      else summary = { pages: message.pages, ms: message.ms };
    });
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('exit', stopChild);
      const failure = new Error(stderr.trim() || `the background worker exited with code ${code}`);
      // Settles nothing if the related papers already arrived.
      rejectRelated(new Error(`Failed to compute related papers in the background worker: ${failure.message}`));
      if (code === 0 && summary) resolve(summary);
      else reject(failure);
    });
  });
  // Each is awaited later (by the pages, by astro:build:done); until then a failure is not unhandled.
  related.catch(() => {});
  index.catch(() => {});
  return { related, index };
}

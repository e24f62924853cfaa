/**
 * Work that runs alongside Astro's page rendering, in a second process on the
 * machine's other core: as `astro build` starts, `background-worker.ts` reads
 * the paper files, computes each paper's related papers and each topic's key
 * phrases (handed to the pages through `src/lib/background.ts`), then has
 * Pagefind write the search index to a staging folder. At `astro:build:done`
 * the index moves into `dist/pagefind/`.
 */
import type { AstroIntegration } from 'astro';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { releaseHeap } from './heap.ts';
import { fromJson, offerBackground, type BackgroundResults } from '../lib/background.ts';
import { CONTENT_DIR } from '../lib/content-dir.ts';
import { installSearchIndex, type IndexSummary } from './search-index.ts';

/** A message from the worker. */
export type WorkerMessage =
  | { type: 'results'; file: string }
  /** The first shard of several is written, `pages` papers of `papers`: a fresh worker goes on from `paper` and `shard`. */
  | { type: 'handoff'; paper: number; shard: number; pages: number; papers: number }
  | ({ type: 'index' } & IndexSummary);
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
        // Astro's work is done: its freed memory goes back before a second Pagefind process joins.
        releaseHeap();
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

/**
 * A worker that goes on after a handoff is started from this thread after it lowered its priority
 * (`yieldToSearchIndex`), so on Linux it inherits nice 5, and so do the Pagefind processes it starts:
 * the index, the longest path, would no longer come first. This sets it back to `priority`, the one
 * the first worker started with, before it has loaded its modules. Raising a priority again takes a privilege
 * (CAP_SYS_NICE, as root in CI); without it the worker stays at nice 5, level with Astro's main thread.
 */
function restorePriority(pid: number | undefined, priority: number | undefined): void {
  if (pid === undefined || priority === undefined) return;
  try {
    setPriority(pid, priority);
  } catch {
    // Not allowed: the worker keeps the lowered priority.
  }
}

/** This thread's priority, if the platform has priorities. */
function currentPriority(): number | undefined {
  try {
    return getPriority();
  } catch {
    return undefined;
  }
}

/**
 * The young generation of the workers, in MiB a semi-space. They inherit NODE_OPTIONS from `npm run build:site`,
 * which gives Astro 32 MiB; the first worker holds every paper for the results, and the one that goes
 * on after a handoff only a hundred at a time, so they keep less garbage. At 50,000 papers, inheriting it
 * (then 64 MiB) the fresh worker grew to 0.22–0.26 GB resident while its live heap stayed at 20–55 MB;
 * with 8 MiB it stayed at 0.14–0.15 GB, and the first worker, at 16, peaked at 566–626 MiB against 636–689 MiB.
 * At 10,000 papers the build took as long either way (two alternating pairs).
 */
export const WORKER_SEMI_SPACE_MIB = { first: 16, continuation: 8 };

/**
 * The heap limit of a worker that goes on after a handoff, in MiB, for a list of `papers`. It holds a
 * hundred papers at a time, the file names and one shard's replies from Pagefind (a live heap of 20–55 MB
 * at 50,000 papers); 256 MiB plus a kilobyte a paper leaves room to spare, and bounds the old generation
 * of a process nothing else presses to collect.
 */
export function continuationHeapMiB(papers: number): number {
  return 256 + Math.ceil(papers / 1024);
}

/**
 * Runs the worker in its own Node process (the same Node binary); one promise per result. A worker that
 * hands off (`{type: 'handoff'}`: the first shard of several is written) is followed by a fresh one that
 * goes on from where it stopped; the index is done when the last one reports it.
 */
function startWorker(script: string, args: string[]): { results: Promise<BackgroundResults>; index: Promise<IndexSummary>; pagesBuilt: () => void } {
  const started = performance.now();
  // This thread's priority before it yields to the index (see restorePriority).
  const priority = currentPriority();
  let child: ChildProcess | undefined;
  let built = false;
  let resolveResults!: (results: BackgroundResults) => void;
  let rejectResults!: (error: Error) => void;
  const results = new Promise<BackgroundResults>((resolve, reject) => ((resolveResults = resolve), (rejectResults = reject)));
  const index = new Promise<IndexSummary>((resolve, reject) => {
    let indexedBefore = 0;
    const run = (extra: string[], nodeOptions: string[] = []) => {
      const current = spawn(process.execPath, [...nodeOptions, script, ...args, ...extra], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
      child = current;
      if (extra.length > 0) restorePriority(current.pid, priority);
      const stopChild = () => current.kill();
      // If the build fails first, the worker has nothing left to do.
      process.once('exit', stopChild);
      let stderr = '';
      current.stderr!.on('data', (chunk) => (stderr += chunk));
      let summary: IndexSummary | undefined;
      let handoff: Extract<WorkerMessage, { type: 'handoff' }> | undefined;
      current.on('message', (message: WorkerMessage) => {
        if (message.type === 'results') resolveResults(fromJson(JSON.parse(readFileSync(message.file, 'utf8'))));
        else if (message.type === 'handoff') handoff = message;
        else summary = { pages: message.pages, ms: message.ms, cpu: message.cpu };
      });
      current.on('error', reject);
      current.on('close', (code) => {
        process.off('exit', stopChild);
        const failure = new Error(stderr.trim() || `the background worker exited with code ${code}`);
        // Settles nothing if the results already arrived.
        rejectResults(new Error(`The background worker failed before computing related papers and key phrases: ${failure.message}`));
        if (code === 0 && handoff) {
          indexedBefore += handoff.pages;
          run([String(handoff.paper), String(handoff.shard), ...(built ? ['pages-built'] : [])], [
            `--max-semi-space-size=${WORKER_SEMI_SPACE_MIB.continuation}`,
            `--max-old-space-size=${continuationHeapMiB(handoff.papers)}`,
          ]);
        } else if (code === 0 && summary) {
          resolve({ ...summary, pages: indexedBefore + summary.pages, ms: Math.round(performance.now() - started) });
        } else reject(failure);
      });
    };
    run([], [`--max-semi-space-size=${WORKER_SEMI_SPACE_MIB.first}`]);
  });
  // Each is awaited later (by the pages, by astro:build:done); until then a failure is not unhandled.
  results.catch(() => {});
  index.catch(() => {});
  const pagesBuilt = () => {
    // A worker started after this is told so when it starts.
    built = true;
    // The worker may be closing its channel as this is sent (the index done): then there is nothing to tell,
    // and the failed write must not reach the 'error' handler above, which would fail the index.
    if (child?.connected) child.send({ type: 'pages-built' } satisfies ParentMessage, () => {});
  };
  return { results, index, pagesBuilt };
}

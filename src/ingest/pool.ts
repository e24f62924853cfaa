/**
 * Where ingest's costly stages (`tasks.ts`) run: in line, or on a pool of
 * worker threads when the input is big enough to pay for starting them.
 * Either way a stage is `run(task, slices)`, and the outputs come back in the
 * order of the slices, so a run's result does not depend on how it was spread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { tasks, type TaskInput, type TaskName, type TaskOutput } from './tasks.ts';

export interface Runner {
  /** Threads the stages run on (1: in line). */
  readonly threads: number;
  /**
   * How many slices a stage should be cut into: one in line (each slice of dumps loads the topic rules
   * again, 17 ms); on threads, four a thread, so that copying one slice to or from a thread overlaps
   * with work on another.
   */
  readonly sliceCount: number;
  run<K extends TaskName>(task: K, slices: TaskInput<K>[]): Promise<TaskOutput<K>[]>;
  close(): Promise<void>;
}

/**
 * Threads for a run of about `papers` papers: one (in line) below `minimum`,
 * where starting workers costs more than it saves; else one per core, at most 8.
 */
export function threadsFor(papers: number, minimum = 20_000): number {
  return papers < minimum ? 1 : Math.max(1, Math.min(8, availableParallelism()));
}

/** A runner for `threads` threads: in line for one. */
export function createRunner(threads: number): Runner {
  return threads <= 1 ? inlineRunner() : workerRunner(threads);
}

function inlineRunner(): Runner {
  return {
    threads: 1,
    sliceCount: 1,
    run: async (task, slices) => slices.map((input) => (tasks[task] as (input: unknown) => never)(input)),
    close: async () => {},
  };
}

interface Job {
  task: TaskName;
  input: unknown;
  resolve: (output: never) => void;
  reject: (error: Error) => void;
}

/**
 * The threads' young generation, in MiB: semi-spaces of 32 MiB (as `npm run build:site` gives Astro)
 * instead of a thread's default 16. Each slice a thread parses or writes lives until it is sent or
 * written, so with small semi-spaces it was copied scavenge after scavenge. First ingest of 100k papers,
 * three alternating pairs: 13.7–14.5 s against 15.7–16.7 s, peak 1.06–1.12 GiB against 1.17–1.21 GiB
 * (less kernel time: 7.2–8.3 s against 8.9–9.9 s); twice the size (192) was slower again, 15.5–17.6 s
 * against 14.5–16.0 s. The same size on the main thread as well (`--max-semi-space-size=32`) added nothing.
 */
const THREAD_YOUNG_GENERATION_MIB = 96;

/**
 * Jobs a thread holds at once: the one it works on and the next, which the main thread copies over
 * (structured clone) while the thread works, so the thread does not wait for it. With one, each
 * thread waited 0.2–0.4 s for each slice of papers to write (at 100k papers, eight slices of 11.6k).
 * With two, and the dumps parsed in four slices a thread (`index.ts`), first ingest of 100k papers
 * was faster in six alternating pairs out of six, by 0.8 s in the median pair (13.5–19.1 s against 14.3–19.9 s).
 */
const JOBS_PER_THREAD = 2;

function workerRunner(threads: number): Runner {
  const queue: Job[] = [];
  // Each live thread's jobs, oldest first: a thread answers them in the order they were sent.
  const held = new Map<Worker, Job[]>();
  let failure: Error | undefined;

  const pump = () => {
    while (queue.length > 0) {
      // The thread holding the fewest jobs, if it has room for one more.
      let worker: Worker | undefined;
      let fewest = JOBS_PER_THREAD;
      for (const [candidate, jobs] of held) if (jobs.length < fewest) [worker, fewest] = [candidate, jobs.length];
      if (!worker) return;
      const job = queue.shift()!;
      held.get(worker)!.push(job);
      worker.postMessage({ task: job.task, input: job.input });
    }
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MIB } });
    worker.on('message', ({ output, error }: { output: never; error?: string }) => {
      const job = held.get(worker)!.shift()!;
      if (error === undefined) job.resolve(output);
      else job.reject(new Error(error));
      pump();
    });
    // A thread that dies (out of memory, a crash) fails its jobs and every job still to come.
    worker.on('error', (error) => {
      failure = error;
      for (const job of held.get(worker) ?? []) job.reject(error);
      held.delete(worker);
      for (const job of queue.splice(0)) job.reject(error);
    });
    held.set(worker, []);
    return worker;
  });

  return {
    threads,
    sliceCount: threads * 4,
    run: (task, slices) =>
      Promise.all(
        slices.map(
          (input) =>
            new Promise<never>((resolve, reject) => {
              if (failure) return reject(failure);
              queue.push({ task, input, resolve, reject });
              pump();
            }),
        ),
      ),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** `items` cut into `count` slices of nearly equal length, in order (fewer when there are fewer items). */
export function slices<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / Math.max(1, count));
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * The search index: Pagefind writes it from the papers' search documents
 * (`src/lib/search-records.ts`) into a staging folder, in shards, from the
 * background worker while Astro renders the pages; once the pages are built it
 * moves into `dist/pagefind/`, checked to hold exactly the paper pages built.
 */
import type { AstroIntegrationLogger } from 'astro';
import { accessSync, constants, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { cpuSetting, pagefindCpu, parseCpuList, pinnedLauncher } from '../lib/cpu-pinning.ts';
import { searchChunkSize, searchShardFolder, searchShardSize, type SearchDocument } from '../lib/search-records.ts';

/** What the indexer reports when it is done. */
export interface IndexSummary {
  pages: number;
  ms: number;
  /** The CPU Pagefind was pinned to, if it was. */
  cpu?: number;
}

/** Moves the staged bundle into `dir/pagefind/` after checking it covers exactly the built paper pages. */
export async function installSearchIndex(summary: IndexSummary, staging: string, dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const papersDir = new URL('./papers/', dir);
  const built = existsSync(papersDir)
    ? readdirSync(papersDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(new URL(`./papers/${entry.name}/index.html`, dir))).length
    : 0;
  if (summary.pages !== built) {
    throw new Error(
      `Failed to run Pagefind: the index holds ${summary.pages} papers but the build wrote ${built} paper pages ` +
        '(two paper files with the same name in different folders of content/papers/ make one page: rename one).',
    );
  }
  const target = fileURLToPath(new URL('./pagefind/', dir));
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(staging, target);
  } catch {
    // A cache folder on another file system: copy instead.
    cpSync(staging, target, { recursive: true });
    rmSync(staging, { recursive: true, force: true });
  }
  const where = summary.cpu === undefined ? '' : `, pinned to CPU ${summary.cpu}`;
  logger.info(`Pagefind indexed ${summary.pages} papers in ${summary.ms} ms (alongside the page build${where}).`);
}

/** Where the search index runs: the CPU Pagefind is pinned to, and a launcher pinned to another CPU, if there is one. */
export interface PagefindPinning {
  cpu: number;
  spare?: { cpu: number; binary: string };
}

/**
 * Pins the Pagefind processes this process starts to one CPU, as `src/lib/cpu-pinning.ts` decides from
 * SEARCH_INDEX_CPU and the CPUs this build may use: writes a launcher that runs Pagefind's binary under
 * `taskset` into `dir` and points Pagefind's Node API at it (PAGEFIND_EXTENDED_BINARY_PATH, in this
 * process's environment only), and one for another CPU, for a second lane once the pages are built
 * (see `writeSearchIndex`). Returns undefined when Pagefind is left free (four CPUs or more, not Linux,
 * no `taskset`).
 */
export function pinPagefind(dir: string, env: NodeJS.ProcessEnv = process.env): PagefindPinning | undefined {
  const setting = cpuSetting(env);
  if (setting.kind === 'none' || process.platform !== 'linux') return undefined;
  const allowed = parseCpuList(/^Cpus_allowed_list:\s*(.*)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '');
  const cpu = pagefindCpu(setting, allowed);
  const taskset = findExecutable('taskset', env.PATH ?? '');
  const binary = env.PAGEFIND_EXTENDED_BINARY_PATH || env.PAGEFIND_BINARY_PATH || pagefindBinary();
  if (cpu === undefined || !taskset || !binary) return undefined;
  mkdirSync(dir, { recursive: true });
  const launcher = (on: number, name: string) => {
    const path = join(dir, name);
    writeFileSync(path, pinnedLauncher(taskset, on, binary), { mode: 0o755 });
    return path;
  };
  env.PAGEFIND_EXTENDED_BINARY_PATH = launcher(cpu, 'pagefind-pinned.sh');
  const spare = allowed.find((other) => other !== cpu);
  return { cpu, spare: spare === undefined ? undefined : { cpu: spare, binary: launcher(spare, 'pagefind-pinned-spare.sh') } };
}

/** Where Pagefind's Node API finds its binary by default (the platform package beside it). */
function pagefindBinary(): string | undefined {
  const require = createRequire(import.meta.url);
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${process.platform}-${process.arch}/bin/${name}`);
    } catch {
      // try the next
    }
  }
  return undefined;
}

/** The first executable `name` in the folders of `path`. */
function findExecutable(name: string, path: string): string | undefined {
  for (const folder of path.split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(folder, name), constants.X_OK);
      return join(folder, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Pagefind's Node API, as the index uses it. */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/** A lane: one Pagefind process at a time, started by `api` from `binary` (undefined: as the environment says). */
export interface PagefindLane {
  api: PagefindApi;
  binary?: string;
}

/**
 * A second instance of Pagefind's Node API, for a second lane. The API keeps its process in a
 * module-level variable, one per module instance, so two processes at once take the module loaded
 * twice: the second time under another URL (a query string makes Node load it afresh).
 */
export async function anotherPagefindApi(): Promise<PagefindApi> {
  return (await import(/* @vite-ignore */ `${import.meta.resolve('pagefind')}?lane=2`)) as PagefindApi;
}

/**
 * Has Pagefind write `documents` into `outputPath` as shards of `shardSize`
 * pages: the first in `outputPath` itself, the others in `shard-2/`, `shard-3/`…
 * (see `searchShardFolder`). Each shard gets a fresh Pagefind process, so memory is one shard's.
 * `documents` may be a stream: each document goes to Pagefind as it comes, so Pagefind parses
 * while the caller is still reading papers.
 * `firstShard` numbers the first shard written here (for a process that goes on where another
 * stopped: then `outputPath` is not emptied first).
 * `whileFirstShardWrites` runs on this thread once Pagefind has been asked to write the first
 * shard: Pagefind writes in its own process and needs nothing from here until it replies.
 * `secondLane`, once it settles to a lane, lets a second Pagefind process take the next shard while
 * the first is still at work (for when the pages are built and a CPU is left idle). The lanes take
 * turns to write (`writeFiles`): one parses the next shard's documents while the other writes. Writing
 * is where Pagefind's memory peaks (about 130 KB a paper, against 30 KB once the documents are parsed),
 * and two writes at once gained nothing: shards of 5,000 pinned to separate CPUs took 8.8–9.3 s each
 * to write side by side, against 4.6 s alone (at 50k, two writing at once held 1.1 GB, taking turns 0.75 GB).
 * `firstLane` is Pagefind's Node API as imported here, unless a test passes another.
 * `chunkSize` is the word locations in each chunk of a shard's word index (`searchChunkSize`), which
 * Pagefind 1.6 takes only from its environment (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE); a value set there
 * by hand wins.
 * Returns the number of pages indexed.
 */
export async function writeSearchIndex(
  documents: Iterable<SearchDocument> | AsyncIterable<SearchDocument>,
  outputPath: string,
  {
    // A stream's length is unknown here: by default, shards of the size for a long list (the worker passes its own).
    shardSize = searchShardSize(Number.POSITIVE_INFINITY),
    firstShard = 0,
    whileFirstShardWrites,
    secondLane,
    firstLane = { api: pagefind },
    chunkSize = searchChunkSize(shardSize),
  }: {
    shardSize?: number;
    chunkSize?: number;
    firstShard?: number;
    whileFirstShardWrites?: () => void;
    secondLane?: Promise<PagefindLane | undefined>;
    firstLane?: PagefindLane;
  } = {},
): Promise<number> {
  if (firstShard === 0) rmSync(outputPath, { recursive: true, force: true });
  const lanes: { lane: PagefindLane; busy?: Promise<void> }[] = [{ lane: firstLane }];
  let failed: { error: unknown } | undefined;
  // Pending until the second lane has joined (or will not).
  let joining: Promise<void> | undefined = secondLane
    ?.then(
      (lane) => void (lane && lanes.push({ lane })),
      (error: unknown) => void (failed ??= { error }),
    )
    .finally(() => (joining = undefined));
  let shards = firstShard;
  let count = 0;
  let current: { slot: (typeof lanes)[number]; index: pagefind.PagefindIndex; adding: Promise<unknown>[]; shard: number } | undefined;

  /** A lane with no shard at work, once there is one; throws what a lane failed with. */
  const freeSlot = async () => {
    for (;;) {
      if (failed) throw failed.error;
      const free = lanes.find((slot) => !slot.busy);
      if (free) return free;
      await Promise.race([joining, ...lanes.map((slot) => slot.busy)].filter(Boolean));
    }
  };
  const openShard = async () => {
    const slot = await freeSlot();
    const settings = { PAGEFIND_EXTENDED_BINARY_PATH: slot.lane.binary, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? String(chunkSize) };
    const index = assertOk(await withEnv(settings, () => slot.lane.api.createIndex({ forceLanguage: 'en' }))).index!;
    return { slot, index, adding: [] as Promise<unknown>[], shard: shards++ };
  };
  // Settles when the shard being written (if any) is written: the next write waits for it.
  let written: Promise<unknown> = Promise.resolve();
  const writeShard = ({ slot, index, adding, shard }: NonNullable<typeof current>) => {
    const work = async () => {
      await Promise.all(adding);
      const before = written;
      let done!: () => void;
      written = new Promise<void>((resolve) => (done = resolve));
      await before;
      const writing = index.writeFiles({ outputPath: join(outputPath, searchShardFolder(shard)) });
      writing.then(done, done);
      if (shard === firstShard && whileFirstShardWrites) {
        try {
          whileFirstShardWrites();
        } catch (error) {
          await writing.catch(() => {}); // let Pagefind finish before it is closed; the callback's error is the one to report
          throw error;
        }
      }
      assertOk(await writing);
      await slot.lane.api.close();
    };
    slot.busy = work().then(
      () => void (slot.busy = undefined),
      (error: unknown) => void ((failed ??= { error }), (slot.busy = undefined)),
    );
  };
  try {
    for await (const document of documents) {
      current ??= await openShard();
      const added = current.index.addHTMLFile(document).then(assertOk);
      added.catch(() => {}); // awaited with its shard; until then a failure is not unhandled
      current.adding.push(added);
      count += 1;
      if (current.adding.length === shardSize) {
        writeShard(current);
        current = undefined;
        // The next document is read once a lane can take it.
        await freeSlot();
      }
    }
    if (current) writeShard(current);
    for (const slot of lanes) await slot.busy;
    if (failed) throw failed.error;
  } finally {
    // On failure, let every lane's Pagefind finish what it was asked before it is closed.
    await Promise.all(lanes.map((slot) => slot.busy));
    await Promise.all(lanes.map((slot) => slot.lane.api.close()));
  }
  if (count === 0) throw new Error('there are no papers to index.');
  return count;
}

/**
 * Runs `start` with the environment's variables set to `settings` (those undefined left as they are):
 * Pagefind's Node API reads which binary to start from it, and the process it starts inherits it.
 */
export function withEnv<T>(settings: Record<string, string | undefined>, start: () => T): T {
  const before = Object.entries(settings).map(([name]) => [name, process.env[name]] as const);
  for (const [name, value] of Object.entries(settings)) if (value !== undefined) process.env[name] = value;
  try {
    return start();
  } finally {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Pagefind reports problems in `errors` instead of throwing; turn them into one error. */
function assertOk<T extends { errors: string[] }>(response: T): T {
  if (response.errors.length > 0) throw new Error(response.errors.join('\n'));
  return response;
}

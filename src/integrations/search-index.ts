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
import { searchShardFolder, searchShardSize, type SearchDocument } from '../lib/search-records.ts';

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

/**
 * Pins the Pagefind processes this process starts to one CPU, as `src/lib/cpu-pinning.ts` decides from
 * SEARCH_INDEX_CPU and the CPUs this build may use: writes a launcher that runs Pagefind's binary under
 * `taskset` into `dir` and points Pagefind's Node API at it (PAGEFIND_EXTENDED_BINARY_PATH, in this
 * process's environment only). Returns the CPU, or undefined when Pagefind is left free (four CPUs or
 * more, not Linux, no `taskset`).
 */
export function pinPagefind(dir: string, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const setting = cpuSetting(env);
  if (setting.kind === 'none' || process.platform !== 'linux') return undefined;
  const allowed = parseCpuList(/^Cpus_allowed_list:\s*(.*)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '');
  const cpu = pagefindCpu(setting, allowed);
  const taskset = findExecutable('taskset', env.PATH ?? '');
  const binary = env.PAGEFIND_EXTENDED_BINARY_PATH || env.PAGEFIND_BINARY_PATH || pagefindBinary();
  if (cpu === undefined || !taskset || !binary) return undefined;
  const launcher = join(dir, 'pagefind-pinned.sh');
  mkdirSync(dir, { recursive: true });
  writeFileSync(launcher, pinnedLauncher(taskset, cpu, binary), { mode: 0o755 });
  env.PAGEFIND_EXTENDED_BINARY_PATH = launcher;
  return cpu;
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

/**
 * Has Pagefind write `documents` into `outputPath` as shards of `shardSize`
 * pages: the first shard in `outputPath` itself, the others in `shard-2/`, `shard-3/`…
 * (see `searchShardFolder`). Each shard gets a fresh Pagefind process, so memory is one shard's.
 * `documents` may be a stream: each document goes to Pagefind as it comes, so Pagefind parses
 * while the caller is still reading papers.
 * `whileFirstShardWrites` runs on this thread once Pagefind has been asked to write the first
 * shard: Pagefind writes in its own process and needs nothing from here until it replies.
 * Returns the number of pages indexed.
 */
export async function writeSearchIndex(
  documents: Iterable<SearchDocument> | AsyncIterable<SearchDocument>,
  outputPath: string,
  { shardSize = searchShardSize(), whileFirstShardWrites }: { shardSize?: number; whileFirstShardWrites?: () => void } = {},
): Promise<number> {
  rmSync(outputPath, { recursive: true, force: true });
  let shard = 0;
  let count = 0;
  let index: pagefind.PagefindIndex | undefined;
  let adding: Promise<unknown>[] = [];
  const writeShard = async () => {
    await Promise.all(adding);
    const writing = index!.writeFiles({ outputPath: join(outputPath, searchShardFolder(shard)) });
    if (shard === 0 && whileFirstShardWrites) {
      try {
        whileFirstShardWrites();
      } catch (error) {
        await writing.catch(() => {}); // let Pagefind finish before it is closed; the callback's error is the one to report
        throw error;
      }
    }
    assertOk(await writing);
    await pagefind.close();
    [index, adding, shard] = [undefined, [], shard + 1];
  };
  try {
    for await (const document of documents) {
      index ??= assertOk(await pagefind.createIndex({ forceLanguage: 'en' })).index!;
      const added = index.addHTMLFile(document).then(assertOk);
      added.catch(() => {}); // awaited with its shard; until then a failure is not unhandled
      adding.push(added);
      count += 1;
      if (adding.length === shardSize) await writeShard();
    }
    if (index) await writeShard();
  } finally {
    await pagefind.close();
  }
  if (count === 0) throw new Error('there are no papers to index.');
  return count;
}

/** Pagefind reports problems in `errors` instead of throwing; turn them into one error. */
function assertOk<T extends { errors: string[] }>(response: T): T {
  if (response.errors.length > 0) throw new Error(response.errors.join('\n'));
  return response;
}

/**
 * Builds the Pagefind search index while Astro renders the pages. On
 * `astro:build:start` a child process (`pagefind-worker.ts`) reads the paper
 * files, turns each into a small search document (`src/lib/search-records.ts`) and has
 * Pagefind write the bundle to a staging folder, on the machine's other core;
 * on `astro:build:done` the bundle moves into `dist/pagefind/`, once the
 * index is checked to hold exactly the paper pages that were built.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { CONTENT_DIR } from '../lib/content-dir.ts';
import type { SearchDocument } from '../lib/search-records.ts';

/** What the indexer reports when it is done. */
export interface IndexSummary {
  pages: number;
  ms: number;
}

/** The Astro integration. */
export default function pagefindIntegration(): AstroIntegration {
  let root: URL;
  let base = '/';
  let staging = '';
  let indexing: Promise<IndexSummary> | undefined;
  return {
    name: 'shelf:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        base = config.base;
        staging = fileURLToPath(new URL('./shelf-pagefind/', config.cacheDir));
      },
      'astro:build:start': () => {
        const worker = fileURLToPath(new URL('./src/integrations/pagefind-worker.ts', root));
        const contentDir = fileURLToPath(new URL(`${CONTENT_DIR.replace(/\/?$/, '/')}`, root));
        indexing = runIndexer(worker, [contentDir, staging, base]);
        // Awaited in astro:build:done; until then a failure must not count as unhandled.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) throw new Error('Failed to run Pagefind: the index was never started (astro:build:start did not run).');
        await installSearchIndex(await indexing.catch(wrap), staging, dir, logger);
      },
    },
  };
}

function wrap(cause: unknown): never {
  throw new Error('Failed to run Pagefind.', { cause });
}

/** Runs the indexer in its own Node process (the same Node binary); resolves with its summary. */
function runIndexer(script: string, args: string[]): Promise<IndexSummary> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stopChild = () => child.kill();
    // If the build fails first, the indexer has nothing left to do.
    process.once('exit', stopChild);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('exit', stopChild);
      if (code !== 0) return reject(new Error(stderr.trim() || `the indexer exited with code ${code}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as IndexSummary);
      } catch {
        reject(new Error(`the indexer printed no summary:\n${stdout}${stderr}`));
      }
    });
  });
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
  logger.info(`Pagefind indexed ${summary.pages} papers in ${summary.ms} ms (alongside the page build).`);
}

/** Has Pagefind write a bundle for `documents` into `outputPath`; returns the number of pages indexed. */
export async function writeSearchIndex(documents: readonly SearchDocument[], outputPath: string): Promise<number> {
  try {
    if (documents.length === 0) throw new Error('there are no papers to index.');
    const { index } = assertOk(await pagefind.createIndex({ forceLanguage: 'en' }));
    await Promise.all(documents.map(async (document) => assertOk(await index!.addHTMLFile(document))));
    rmSync(outputPath, { recursive: true, force: true });
    assertOk(await index!.writeFiles({ outputPath }));
    return documents.length;
  } finally {
    await pagefind.close();
  }
}

/** Pagefind reports problems in `errors` instead of throwing; turn them into one error. */
function assertOk<T extends { errors: string[] }>(response: T): T {
  if (response.errors.length > 0) throw new Error(response.errors.join('\n'));
  return response;
}

/**
 * The search index, wired into `astro build` (as Starlight wires Pagefind):
 * as the build starts, Pagefind's Node API is handed each paper's search
 * document (`search-records.ts`, made from the paper files rather than the
 * rendered pages), so Pagefind, which works in a process of its own, indexes
 * while Astro renders the pages. The index is written to a staging folder in
 * shards; at `astro:build:done` it moves into `dist/pagefind/`, checked to hold
 * exactly the paper pages built. Beside it goes the index's vocabulary (search-vocabulary.ts), for
 * spelling suggestions.
 */
import type { AstroIntegration } from 'astro';
import { cpSync, existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { formatDiagnostic } from '../ingest/diagnostics.ts';
import { listPaperFiles, readPaperFiles } from '../ingest/io.ts';
import { PAPERS_DIR, TOPICS_DIR } from '../papers/content-dir.ts';
import { loadTopics } from '../topics/topics.ts';
import { searchDocument, searchedText, searchShardFolder, searchShardSize, type SearchDocument } from './search-records.ts';
import { countPaperWords, VOCABULARY_FILE, vocabularyJson } from './search-vocabulary.ts';

/** Papers read from disk between two hand-offs to Pagefind, so it parses the first while the rest are read. */
const READ_CHUNK = 100;

/** The Astro integration. */
export default function searchIndexIntegration(): AstroIntegration {
  let staging = '';
  let indexing: Promise<{ pages: number; ms: number }> | undefined;
  return {
    name: 'shelf:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        staging = fileURLToPath(new URL('./shelf-pagefind/', config.cacheDir));
      },
      'astro:build:start': () => {
        const started = performance.now();
        indexing = indexPapers(PAPERS_DIR, TOPICS_DIR, staging).then((pages) => ({ pages, ms: Math.round(performance.now() - started) }));
        indexing.catch(() => {}); // awaited at build:done; a bad paper file fails the pages first, with its own message
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) throw new Error('Failed to run Pagefind: astro:build:start did not run.');
        const { pages, ms } = await indexing.catch((cause: unknown) => {
          throw new Error('Failed to run Pagefind.', { cause });
        });
        installSearchIndex(pages, staging, dir);
        logger.info(`Pagefind indexed ${pages} papers in ${ms} ms (alongside the page build).`);
      },
    },
  };
}

/**
 * Indexes every paper under `papersDir` into `outputPath`, in shards of the size for a list that long,
 * and writes the vocabulary of all of them into the first; returns the pages indexed.
 */
export async function indexPapers(papersDir: string, topicsDir: string, outputPath: string): Promise<number> {
  const names = listPaperFiles(papersDir, { recursive: true });
  const words = new Map<string, number>();
  const pages = await writeSearchIndex(paperDocuments(papersDir, topicsDir, names, words), outputPath, { shardSize: searchShardSize(names.length) });
  writeFileSync(join(outputPath, VOCABULARY_FILE), vocabularyJson(words));
  return pages;
}

/**
 * Each paper's search document, read from its file `READ_CHUNK` at a time; an unreadable file throws
 * naming it. Each paper's words are counted into `words` (see search-vocabulary.ts) as it goes.
 */
export async function* paperDocuments(
  papersDir: string,
  topicsDir: string,
  names: readonly string[] = listPaperFiles(papersDir, { recursive: true }),
  words: Map<string, number> = new Map(),
): AsyncGenerator<SearchDocument> {
  const titles = new Map(loadTopics(topicsDir).map((topic) => [topic.slug, topic.title]));
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  for (let at = 0; at < names.length; at += READ_CHUNK) {
    const { papers, problems } = readPaperFiles(papersDir, { names: names.slice(at, at + READ_CHUNK) });
    if (problems.length > 0) throw new Error(problems.map(formatDiagnostic).join('\n'));
    for (const paper of papers) {
      const topics = Array.isArray(paper.data.topics) ? paper.data.topics.map(String) : [];
      const searchable = { slug: paper.slug, title: text(paper.data.title), abstract: text(paper.data.abstract), topics, body: paper.body };
      countPaperWords(words, searchedText(searchable));
      yield searchDocument(searchable, titles);
    }
    // Lets Node hand the queued documents to Pagefind, and Astro go on with its own work.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Has Pagefind write `documents` into `outputPath` as shards of `shardSize` pages: the first in
 * `outputPath` itself, the others in `shard-2/`, `shard-3/`… (see `searchShardFolder`), which the
 * search page merges. Pagefind holds a whole index in memory while it writes it (120–150 KB a page),
 * so each shard gets a fresh Pagefind process and memory stays at one shard's.
 * Returns the number of pages indexed.
 */
export async function writeSearchIndex(
  documents: Iterable<SearchDocument> | AsyncIterable<SearchDocument>,
  outputPath: string,
  { shardSize }: { shardSize: number },
): Promise<number> {
  rmSync(outputPath, { recursive: true, force: true });
  let count = 0;
  let shards = 0;
  let shard: { index: pagefind.PagefindIndex; added: Promise<unknown>[] } | undefined;
  const writeShard = async ({ index, added }: NonNullable<typeof shard>) => {
    await Promise.all(added);
    assertOk(await index.writeFiles({ outputPath: join(outputPath, searchShardFolder(shards)) }));
    shards += 1;
    await pagefind.close();
  };
  try {
    for await (const document of documents) {
      shard ??= { index: assertOk(await pagefind.createIndex({ forceLanguage: 'en' })).index!, added: [] };
      const added = shard.index.addHTMLFile(document).then(assertOk);
      added.catch(() => {}); // awaited with its shard; until then a failure is not unhandled
      shard.added.push(added);
      count += 1;
      if (shard.added.length === shardSize) {
        await writeShard(shard);
        shard = undefined;
      }
    }
    if (shard) await writeShard(shard);
  } finally {
    await pagefind.close();
  }
  if (count === 0) throw new Error('there are no papers to index.');
  return count;
}

/** Moves the staged index into `dir/pagefind/` after checking it covers exactly the built paper pages. */
export function installSearchIndex(indexed: number, staging: string, dir: URL): void {
  const papersDir = new URL('./papers/', dir);
  const built = existsSync(papersDir)
    ? readdirSync(papersDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(new URL(`./papers/${entry.name}/index.html`, dir))).length
    : 0;
  if (indexed !== built) {
    throw new Error(`Failed to run Pagefind: the index holds ${indexed} papers but the build wrote ${built} paper pages.`);
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
}

/** Pagefind reports problems in `errors` instead of throwing; turn them into one error. */
function assertOk<T extends { errors: string[] }>(response: T): T {
  if (response.errors.length > 0) throw new Error(response.errors.join('\n'));
  return response;
}

/**
 * The background worker's process, started by `background.ts`:
 * `node background-worker.ts <content dir> <search staging dir> <results file>`.
 * Reads the paper files a hundred at a time, handing their search documents to Pagefind as it goes
 * (Pagefind pinned to one CPU on a machine of two or three, see `pinPagefind`); while Pagefind writes its first
 * shard, writes each paper's related papers and each topic's key phrases to the results file and
 * says so (`{type: 'results'}`); when the index is done, reports it (`{type: 'index', pages, ms}`).
 * When the build says the pages are built (`{type: 'pages-built'}`), a second Pagefind process joins in.
 * On bad input it names the file and exits 1.
 */
import { writeFileSync } from 'node:fs';
import { freemem } from 'node:os';
import { dirname, join } from 'node:path';
import { formatDiagnostic } from '../lib/ingest/diagnostics.ts';
import { listPaperFiles, readPaperFiles } from '../lib/ingest/io.ts';
import type { BackgroundResultsJson } from '../lib/background.ts';
import { relatedPapers } from '../lib/related.ts';
import { searchDocument, searchShardMemory, searchShardSize, type SearchablePaper } from '../lib/search-records.ts';
import { keyPhrases } from '../lib/stats.ts';
import { notesText } from '../lib/text.ts';
import { loadTopics } from '../lib/topics.ts';
import type { ParentMessage, WorkerMessage } from './background.ts';
import { anotherPagefindApi, pinPagefind, writeSearchIndex, type PagefindLane } from './search-index.ts';

const [contentDir, stagingDir, resultsFile] = process.argv.slice(2);
const send = (message: WorkerMessage) => process.send?.(message);
/** Resolves when the build says the pages are built. */
const pagesBuilt = () =>
  new Promise<void>((resolve) => {
    const listener = (message: ParentMessage) => {
      if (message.type !== 'pages-built') return;
      process.off('message', listener);
      resolve();
    };
    process.on('message', listener);
  });
/** Papers read between two hand-offs to Pagefind. */
const READ_CHUNK = 100;
const started = performance.now();
try {
  const papersDir = join(contentDir!, 'papers');
  const names = listPaperFiles(papersDir, { recursive: true });
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const papers: SearchablePaper[] = [];
  /** Reads the papers up to `end` (in `names` order); on a broken file, reads the rest to report every problem at once. */
  const readUpTo = (end: number) => {
    if (end <= papers.length) return;
    const { papers: files, problems } = readPaperFiles(papersDir, { names: names.slice(papers.length, end) });
    if (problems.length > 0) {
      const rest = end < names.length ? readPaperFiles(papersDir, { names: names.slice(end) }).problems : [];
      throw new Error([...problems, ...rest].map(formatDiagnostic).join('\n'));
    }
    for (const file of files) {
      papers.push({
        slug: file.slug,
        title: text(file.data.title),
        abstract: text(file.data.abstract),
        topics: Array.isArray(file.data.topics) ? file.data.topics.map(String) : [],
        body: file.body,
      });
    }
  };

  const topics = loadTopics(join(contentDir!, 'topics'));
  const titles = new Map(topics.map((topic) => [topic.slug, topic.title]));

  // What the pages need: the paper pages' related papers, the stats page's key phrases.
  // Computed while Pagefind writes the first shard, so the index, the longest path, starts first.
  const writeResults = () => {
    readUpTo(names.length);
    const related = relatedPapers(papers.map((paper) => ({ id: paper.slug, title: paper.title, abstract: paper.abstract, notes: notesText(paper.body) })));
    const phrases = keyPhrases(papers, topics.map((topic) => topic.slug));
    const results: BackgroundResultsJson = { related: [...related], keyPhrases: [...phrases] };
    writeFileSync(resultsFile!, JSON.stringify(results));
    send({ type: 'results', file: resultsFile! });
    console.log(`[background] related papers and key phrases of ${papers.length} papers ready in ${Math.round(performance.now() - started)} ms`);
  };
  // The search documents, read a few papers at a time: Pagefind parses the first ones while the rest are read.
  let allHandedOver = false;
  async function* documents() {
    for (let at = 0; at < names.length; at += READ_CHUNK) {
      readUpTo(Math.min(names.length, at + READ_CHUNK));
      for (const paper of papers.slice(at, at + READ_CHUNK)) yield searchDocument(paper, titles);
      // Lets Node hand the queued documents to Pagefind.
      await new Promise((resolve) => setImmediate(resolve));
    }
    allHandedOver = true;
  }
  const shardSize = searchShardSize(names.length);
  const pinning = pinPagefind(dirname(stagingDir!));
  // Once Astro has built the pages (`astro:build:done` says so), its CPU is left idle: a second Pagefind process
  // takes the next shard there, pinned to it, if one is still to come and the machine has the memory for it.
  const secondLane = pagesBuilt().then(async (): Promise<PagefindLane | undefined> => {
    if (allHandedOver || freemem() < 2 * searchShardMemory(shardSize)) return undefined;
    const where = pinning?.spare ? ` on CPU ${pinning.spare.cpu}` : '';
    console.log(`[background] pages built after ${Math.round(performance.now() - started)} ms: a second Pagefind process joins in for the shards to come${where}`);
    return { api: await anotherPagefindApi(), binary: pinning?.spare?.binary };
  });
  const pages = await writeSearchIndex(documents(), stagingDir!, { shardSize, whileFirstShardWrites: writeResults, secondLane });
  send({ type: 'index', pages, ms: Math.round(performance.now() - started), cpu: pinning?.cpu });
  process.disconnect?.();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

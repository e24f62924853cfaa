/**
 * The background worker's process, started by `background.ts`:
 * `node background-worker.ts <content dir> <search staging dir> <results file> [<first paper> <first shard> [pages-built]]`.
 * Reads the paper files a hundred at a time, handing their search documents to Pagefind as it goes
 * (Pagefind pinned to one CPU on a machine of two or three, see `pinPagefind`); while Pagefind writes its first
 * shard, writes each paper's related papers and each topic's key phrases to the results file and
 * says so (`{type: 'results'}`); when the index is done, reports it (`{type: 'index', pages, ms}`).
 * When the build says the pages are built (`{type: 'pages-built'}`), a second Pagefind process joins in.
 * On bad input it names the file and exits 1.
 *
 * The results need every paper at once, and a Node process keeps the memory it once used: after the
 * results, with the papers let go and collected (heap 26–90 MB), the worker stayed at 0.63 GB resident
 * for the rest of a 50,000-paper index. So when the index takes more than one shard, this process
 * stops after the first (`{type: 'handoff', paper, shard, pages}`), and `background.ts` starts a fresh
 * one for the rest, from that paper and shard, which holds only the papers it is handing over. It goes
 * on through the list of files this one wrote (`namesFile`), not a new listing, so that a file added or
 * renamed meanwhile cannot shift the papers between the two.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { freemem } from 'node:os';
import { dirname, join } from 'node:path';
import { formatDiagnostic } from '../lib/ingest/diagnostics.ts';
import { listPaperFiles, readPaperFiles } from '../lib/ingest/io.ts';
import type { BackgroundResultsJson } from '../lib/background.ts';
import { relatedPapers } from '../lib/related.ts';
import { firstSearchShardSize, searchDocument, searchShardMemory, searchShardSize, type SearchablePaper } from '../lib/search-records.ts';
import { keyPhrases } from '../lib/stats.ts';
import { notesText } from '../lib/text.ts';
import { loadTopics } from '../lib/topics.ts';
import type { ParentMessage, WorkerMessage } from './background.ts';
import { anotherPagefindApi, pinPagefind, writeSearchIndex, type PagefindLane } from './search-index.ts';

const [contentDir, stagingDir, resultsFile, firstPaperArg, firstShardArg, builtArg] = process.argv.slice(2);
/** Where this process starts: 0 for the first, else where the first handed off. */
const firstPaper = Number(firstPaperArg ?? 0);
const firstShard = Number(firstShardArg ?? 0);
const send = (message: WorkerMessage) => process.send?.(message);
/** The paper files, in order, as the first process listed them, for the one that goes on after it. */
const namesFile = join(dirname(resultsFile!), 'shelf-background-names.json');
/** Resolves when the build says the pages are built (or said so before this process started). */
const pagesBuilt = () =>
  new Promise<void>((resolve) => {
    if (builtArg === 'pages-built') return resolve();
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
  const names: string[] = firstPaper === 0 ? listPaperFiles(papersDir, { recursive: true }) : JSON.parse(readFileSync(namesFile, 'utf8'));
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const shardSize = searchShardSize(names.length);
  // The first process of a list of several shards writes the first shard, half a shard (firstSearchShardSize), and the results, then hands off.
  const handsOff = firstPaper === 0 && names.length > shardSize;
  const lastPaper = handsOff ? firstSearchShardSize(shardSize) : names.length;
  /** Reads the papers `start` to `end` (in `names` order); on a broken file, reads the rest to report every problem at once. */
  const readPapers = (start: number, end: number): SearchablePaper[] => {
    const { papers: files, problems } = readPaperFiles(papersDir, { names: names.slice(start, end) });
    if (problems.length > 0) {
      const rest = end < names.length ? readPaperFiles(papersDir, { names: names.slice(end) }).problems : [];
      throw new Error([...problems, ...rest].map(formatDiagnostic).join('\n'));
    }
    return files.map((file) => ({
      slug: file.slug,
      title: text(file.data.title),
      abstract: text(file.data.abstract),
      topics: Array.isArray(file.data.topics) ? file.data.topics.map(String) : [],
      body: file.body,
    }));
  };
  /** The first process keeps the papers it reads, for the results; one that goes on lets each go once handed over. */
  const papers: SearchablePaper[] = [];
  const readUpTo = (end: number) => {
    if (end > papers.length) papers.push(...readPapers(papers.length, end));
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
    for (let at = firstPaper; at < lastPaper; at += READ_CHUNK) {
      const end = Math.min(lastPaper, at + READ_CHUNK);
      const chunk = firstPaper === 0 ? (readUpTo(end), papers.slice(at, end)) : readPapers(at, end);
      for (const paper of chunk) yield searchDocument(paper, titles);
      // Lets Node hand the queued documents to Pagefind.
      await new Promise((resolve) => setImmediate(resolve));
    }
    allHandedOver = true;
  }
  const pinning = pinPagefind(dirname(stagingDir!));
  // Once Astro has built the pages (`astro:build:done` says so), its CPU is left idle: a second Pagefind process
  // takes the next shard there, pinned to it, if one is still to come and the machine has the memory for it.
  const secondLane = handsOff ? undefined : pagesBuilt().then(async (): Promise<PagefindLane | undefined> => {
    if (allHandedOver || freemem() < 2 * searchShardMemory(shardSize)) return undefined;
    const where = pinning?.spare ? ` on CPU ${pinning.spare.cpu}` : '';
    console.log(`[background] pages built: a second Pagefind process joins in for the shards to come${where}`);
    return { api: await anotherPagefindApi(), binary: pinning?.spare?.binary };
  });
  const pages = await writeSearchIndex(documents(), stagingDir!, {
    shardSize,
    firstShard,
    whileFirstShardWrites: firstPaper === 0 ? writeResults : undefined,
    secondLane,
  });
  if (handsOff) {
    writeFileSync(namesFile, JSON.stringify(names));
    send({ type: 'handoff', paper: lastPaper, shard: firstShard + 1, pages, papers: names.length });
  } else send({ type: 'index', pages, ms: Math.round(performance.now() - started), cpu: pinning?.cpu });
  process.disconnect?.();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

/**
 * The background worker's process, started by `background.ts`:
 * `node background-worker.ts <content dir> <search staging dir> <results file>`.
 * Reads the paper and topic files and starts the search index (Pagefind pinned to one CPU on a
 * machine of two or three, see `pinPagefind`); while Pagefind writes its first
 * shard, writes each paper's related papers and each topic's key phrases to the results file and
 * says so (`{type: 'results'}`); when the index is done, reports it (`{type: 'index', pages, ms}`).
 * On bad input it names the file and exits 1.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDiagnostic } from '../lib/ingest/diagnostics.ts';
import { readPaperFiles } from '../lib/ingest/io.ts';
import type { BackgroundResultsJson } from '../lib/background.ts';
import { relatedPapers } from '../lib/related.ts';
import { searchDocument } from '../lib/search-records.ts';
import { keyPhrases } from '../lib/stats.ts';
import { notesText } from '../lib/text.ts';
import { loadTopics } from '../lib/topics.ts';
import type { WorkerMessage } from './background.ts';
import { pinPagefind, writeSearchIndex } from './search-index.ts';

const [contentDir, stagingDir, resultsFile] = process.argv.slice(2);
const send = (message: WorkerMessage) => process.send?.(message);
const started = performance.now();
try {
  const { papers: files, problems } = readPaperFiles(join(contentDir!, 'papers'), { recursive: true });
  if (problems.length > 0) {
    throw new Error(problems.map(formatDiagnostic).join('\n'));
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const papers = files.map((file) => ({
    slug: file.slug,
    title: text(file.data.title),
    abstract: text(file.data.abstract),
    topics: Array.isArray(file.data.topics) ? file.data.topics.map(String) : [],
    body: file.body,
  }));

  const topics = loadTopics(join(contentDir!, 'topics'));
  const titles = new Map(topics.map((topic) => [topic.slug, topic.title]));

  // What the pages need: the paper pages' related papers, the stats page's key phrases.
  // Computed while Pagefind writes the first shard, so the index, the longest path, starts first.
  const writeResults = () => {
    const related = relatedPapers(papers.map((paper) => ({ id: paper.slug, title: paper.title, abstract: paper.abstract, notes: notesText(paper.body) })));
    const phrases = keyPhrases(papers, topics.map((topic) => topic.slug));
    const results: BackgroundResultsJson = { related: [...related], keyPhrases: [...phrases] };
    writeFileSync(resultsFile!, JSON.stringify(results));
    send({ type: 'results', file: resultsFile! });
    console.log(`[background] related papers and key phrases of ${papers.length} papers ready in ${Math.round(performance.now() - started)} ms`);
  };
  const documents = papers.map((paper) => searchDocument(paper, titles));
  const cpu = pinPagefind(dirname(stagingDir!));
  const pages = await writeSearchIndex(documents, stagingDir!, { whileFirstShardWrites: writeResults });
  send({ type: 'index', pages, ms: Math.round(performance.now() - started), cpu });
  process.disconnect?.();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

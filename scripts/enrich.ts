/**
 * `npm run enrich [-- --dry-run] [-- --retry-misses] [-- --papers DIR --cache FILE]`
 * Fills `authors`, `year` and `arxiv` of papers without an arXiv id from arXiv's API, by title
 * (or by the id an arXiv link of the paper names). Needs the network; never overwrites what a
 * person wrote; keeps what it learnt in a cache file, so a second run asks arXiv only about new papers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { readPaperFiles, writeFileAtomic } from '../src/ingest/io.ts';
import { PAPERS_DIR, CONTENT_DIR } from '../src/papers/content-dir.ts';
import { updatePaperFile } from '../src/papers/frontmatter.ts';
import { ARXIV_API } from '../src/enrich/arxiv.ts';
import { emptyCache, HttpError, lookUp, mergeCitation, type EnrichCache } from '../src/enrich/enrich.ts';
import { plural } from '../src/site/text.ts';

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    'retry-misses': { type: 'boolean', default: false },
    papers: { type: 'string', default: PAPERS_DIR },
    cache: { type: 'string', default: `${CONTENT_DIR}/arxiv-cache.json` },
  },
});
const dryRun = values['dry-run']!;
const api = process.env.ARXIV_API_URL || ARXIV_API;

function readCache(file: string): EnrichCache {
  if (!existsSync(file)) return emptyCache();
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as EnrichCache;
    if (cache?.version === 1 && cache.titles && cache.ids) return cache;
  } catch {
    // Unreadable: start afresh, and say so.
  }
  console.warn(`warning: ${file}: not a cache this version of enrich wrote; starting with an empty one (delete the file to silence this)`);
  return emptyCache();
}

/** The cache as JSON with its keys sorted, so that a committed cache changes only where it learnt something. */
function cacheJson(cache: EnrichCache): string {
  const sorted = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: 1, titles: sorted(cache.titles), ids: sorted(cache.ids) }, null, 1)}\n`;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { headers: { 'User-Agent': 'shelf-enrich (https://github.com/shelf-reading-list/shelf)' }, signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new HttpError(response.status, url);
  return response.text();
}

/** One line for a failed request: what could not be reached, and why, without a stack trace. */
function networkProblem(error: unknown): string {
  const host = new URL(api).host;
  if (error instanceof HttpError) return `arXiv (${host}) answered ${error.status}`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = (error as Error).name === 'TimeoutError' ? 'no answer in 30 s' : (cause?.code ?? cause?.message ?? (error as Error).message);
  return `cannot reach ${host} (${reason})`;
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.ceil(ms / 1000)} s`;
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const { papers, problems } = readPaperFiles(values.papers!, { recursive: true });
for (const problem of problems) console.warn(`warning: ${formatDiagnostic(problem)} (skipped)`);
const cache = readCache(values.cache!);
if (values['retry-misses']) {
  for (const [key, value] of Object.entries(cache.titles)) if (value === null) delete cache.titles[key];
  for (const [key, value] of Object.entries(cache.ids)) if (value === null) delete cache.ids[key];
}
const toEnrich = papers.map((paper) => ({ file: paper.path, data: paper.data }));
const without = toEnrich.filter((paper) => paper.data.arxiv === undefined).length;
console.log(`enrich: ${plural(without, 'paper')} without an arXiv id, of ${papers.length}${dryRun ? ' (dry run: nothing is written)' : ''}`);

const interactive = process.stderr.isTTY;
let found: Map<string, unknown>;
try {
  found = await lookUp({
    papers: toEnrich,
    cache,
    fetchText,
    api,
    onCache: (current) => {
      if (!dryRun) writeFileAtomic(values.cache!, cacheJson(current));
    },
    onProgress: ({ done, total, requestsLeft }) => {
      const line = `enrich: ${done}/${total} papers looked up, about ${duration(requestsLeft * 3000)} left`;
      if (interactive) process.stderr.write(`\r${line}\x1b[K`);
      else if (requestsLeft === 0 || done % 50 === 0) console.error(line);
    },
  });
} catch (error) {
  if (interactive) process.stderr.write('\n');
  const kept = dryRun ? '' : '; what was learnt so far is in the cache, so a second run goes on from there';
  console.error(`enrich: ${networkProblem(error)}; no paper file was changed${kept}.`);
  process.exit(1);
}
if (interactive) process.stderr.write('\n');

let changed = 0;
for (const paper of toEnrich) {
  const match = found.get(paper.file) as Parameters<typeof mergeCitation>[1] | undefined;
  if (!match) continue;
  const { data, added } = mergeCitation(paper.data, match);
  if (added.length === 0) continue;
  changed += 1;
  const what = added.map((field) => (field === 'authors' ? `authors (${match.authors.length})` : `${field} ${String(data[field])}`));
  console.log(`${dryRun ? 'would add' : 'added'} to ${relative(process.cwd(), paper.file)}: ${what.join(', ')}`);
  // Only the added fields' lines change: a person's comments, quoting and order stay as they were.
  if (!dryRun) writeFileAtomic(paper.file, updatePaperFile(readFileSync(paper.file, 'utf8'), Object.fromEntries(added.map((field) => [field, data[field]]))));
}
const unmatched = without - found.size;
console.log(`enrich: ${dryRun ? 'would change' : 'changed'} ${plural(changed, 'paper file')}; ${plural(unmatched, 'paper')} not found on arXiv under the same title`);

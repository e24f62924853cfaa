/**
 * `npm run bench -- --papers N [--keep] [--ingest-only] [--memory-log FILE] [--query Q]…`
 * `npm run bench -- --search-of DIST [--query Q]…`: only the first-search figures of a built site.
 * `npm run bench -- --papers N [--pairs K] [--no-bare | --bare-only]`: the bare pipeline (plain Astro +
 * Pagefind's CLI over the same papers, see scripts/bench/README.md) runs after Shelf's build, K times
 * in turn with it, and the table ends with the ratio of the two.
 * Builds a site of N synthetic papers in a temp folder and prints one table:
 * wall seconds, peak memory and pages per second for each stage (ingest,
 * Astro pages, Pagefind), the size of dist/, and the bytes a first search
 * transfers. Papers are made from the real dumps, recombined so that the
 * vocabulary grows with N as a real list's would.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPapersFromDumps } from '../src/ingest/index.ts';
import type { MergedPaper } from '../src/ingest/merge.ts';
import { parsePaperFile } from '../src/papers/frontmatter.ts';
import { relatedPapers } from '../src/related/related.ts';

const { values } = parseArgs({
  allowNegative: true,
  options: {
    papers: { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
    // Ingest only (twice), for sizes whose build would take too long: `--papers 100000 --ingest-only`.
    'ingest-only': { type: 'boolean', default: false },
    'search-of': { type: 'string' },
    // Each is a first search in a fresh browser (TYPICAL_QUERIES unless given).
    query: { type: 'string', multiple: true },
    // Every memory sample of the build (seconds, MiB for the tree, then per program), to see when it peaks.
    'memory-log': { type: 'string' },
    // The bare pipeline (plain Astro + Pagefind's CLI) after Shelf's build; `--no-bare` skips it.
    bare: { type: 'boolean', default: true },
    // Ingest, then only the bare pipeline.
    'bare-only': { type: 'boolean', default: false },
    // Shelf's full build and the bare pipeline, one after the other, K times; the medians are compared.
    pairs: { type: 'string', default: '1' },
  },
});
const N = Number(values.papers);
const PAIRS = Number(values.pairs);
if (!(Number.isInteger(PAIRS) && PAIRS >= 1)) throw new Error(`--pairs ${values.pairs}: give a whole number, 1 or more`);

/**
 * What readers of this list type, for the first-search figures: a term or phrase from each topic's
 * vocabulary, rare and common words alike (the commonest phrase, "long context", among them).
 */
const TYPICAL_QUERIES = [
  'rotary', 'kv cache eviction', 'reward model', 'long context', 'test-time adaptation', 'credit assignment',
  'chain of thought', 'sparse attention', 'process reward', 'entropy minimization', 'retrieval augmented',
  'position interpolation', 'memory', 'distillation', 'policy gradient', 'domain shift', 'needle in a haystack',
  'speculative decoding', 'ring attention', 'self-consistency',
];
const queries = values.query ?? TYPICAL_QUERIES;
const ROOT = join(import.meta.dirname, '..');
const PAPERS_PER_DUMP = 1000;

/** A small seeded PRNG (mulberry32), so every run builds the same papers. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Made-up but pronounceable method names, so the index holds new words as a real list does. */
function coinName(next: () => number): string {
  const syllables = ['lo', 'ra', 'ken', 'vi', 'tor', 'mi', 'sa', 'qu', 'ex', 'ul', 'zen', 'pha', 'dro', 'ly', 'nex'];
  const count = 2 + Math.floor(next() * 3);
  let name = '';
  for (let i = 0; i < count; i += 1) name += syllables[Math.floor(next() * syllables.length)];
  return name[0].toUpperCase() + name.slice(1);
}

/**
 * Synthetic paper `index`: a real paper's title and abstract, recombined with
 * others' sentences. Sentences are added while they bring it closer to the
 * length of the real abstract it stands in for, so the list has real lengths.
 */
function syntheticPaper(index: number, real: MergedPaper[]): { title: string; abstract: string } {
  const next = random(index + 1);
  const base = real[index % real.length];
  if (index < real.length) return base;
  const name = coinName(next);
  const subtitle = base.title.includes(':') ? base.title.slice(base.title.indexOf(':') + 1).trim() : base.title;
  const candidates = [base, real[Math.floor(next() * real.length)], real[Math.floor(next() * real.length)]]
    .flatMap((paper) => paper.abstract.split(/(?<=\.)\s+/))
    .filter(() => next() < 0.5);
  let abstract = `We introduce ${name}.`;
  for (const sentence of candidates) {
    // Add a sentence while it brings the length closer to the real one.
    if (abstract.length + sentence.length / 2 >= base.abstract.length) break;
    abstract += ` ${sentence}`;
  }
  return { title: `${name}: ${subtitle}`, abstract };
}

/** Writes N papers as dumps of the blank-line layout. */
function writeDumps(dir: string, real: MergedPaper[]): void {
  mkdirSync(dir, { recursive: true });
  for (let start = 0; start < N; start += PAPERS_PER_DUMP) {
    const lines = ['new', '', 'Subscribe', ''];
    for (let index = start; index < Math.min(N, start + PAPERS_PER_DUMP); index += 1) {
      const paper = syntheticPaper(index, real);
      lines.push(paper.title, '', paper.abstract, '');
    }
    writeFileSync(join(dir, `${String(start / PAPERS_PER_DUMP).padStart(3, '0')}_bench.txt`), lines.join('\n'));
  }
}

interface StageResult {
  seconds: number;
  peakMiB: number;
  output: string;
}

/** A process's name in the memory breakdown: Node processes (all called MainThread) by what they run. */
function programName(pid: string, name: string): string {
  if (name !== 'MainThread' && name !== 'node') return name;
  const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  if (/\bastro\b/.test(command)) return 'astro';
  return name;
}

/** Resident memory (KiB) of a process tree, read from /proc: the total, and per program name. */
function treeRss(rootPid: number): { total: number; byName: Map<string, number> } {
  const children = new Map<number, number[]>();
  const info = new Map<number, { rss: number; name: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      info.set(Number(entry), { rss: Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0), name: programName(entry, /^Name:\s+(\S+)/m.exec(status)?.[1] ?? '?') });
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const byName = new Map<string, number>();
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    const process = info.get(pid);
    if (process) {
      total += process.rss;
      byName.set(process.name, (byName.get(process.name) ?? 0) + process.rss);
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { total, byName };
}

interface StageResult {
  seconds: number;
  peakMiB: number;
  /** Peak per program (node, pagefind…), in MiB. */
  peakByName: Map<string, number>;
  output: string;
}

/** Runs a command, sampling the memory of its process tree every 100 ms. */
function runStage(command: string, args: string[], env: NodeJS.ProcessEnv, memoryLog?: string, cwd = ROOT): Promise<StageResult> {
  // Write out what earlier stages left in the page cache (the synthetic dumps, the papers), so that
  // flushing it does not land in this stage's time: on this machine's disk that alone moved 100k ingest by seconds.
  spawnSync('sync');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    const peakByName = new Map<string, number>();
    const samples: string[] = [];
    const timer = setInterval(() => {
      const { total, byName } = treeRss(child.pid!);
      peak = Math.max(peak, total);
      for (const [name, rss] of byName) peakByName.set(name, Math.max(peakByName.get(name) ?? 0, rss / 1024));
      if (memoryLog) samples.push(`${((performance.now() - started) / 1000).toFixed(1)} ${(total / 1024).toFixed(0)} ${[...byName].map(([name, rss]) => `${name.replace(/ /g, '-')}:${(rss / 1024).toFixed(0)}`).join(' ')}`);
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      if (memoryLog) writeFileSync(memoryLog, `${samples.join('\n')}\n`);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-4000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peak / 1024, peakByName, output });
    });
  });
}

/** Seconds from an Astro time stat: `980ms`, `33.33s` or `1m 5s`. */
function seconds(stat: string | undefined): number {
  const match = /^(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?$/.exec(stat?.trim() ?? '');
  if (!match || !stat) return NaN;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) / (match[3] === 'ms' ? 1000 : 1);
}

/** The phases of `astro build`, read from its log: content sync, Vite's bundling, page generation, the service worker. */
function astroPhases(log: string): { sync: number; vite: number; pages: number; serviceWorker: number } {
  const afterRoutes = log.slice(log.indexOf('generating static routes'));
  return {
    sync: seconds(/\[types\] Generated ([^\n]+)/.exec(log)?.[1]),
    vite: seconds(/\[vite\] ✓ built in ([^\n]+)/.exec(log)?.[1]),
    pages: seconds(/✓ Completed in ([^\n]+?)\.\s*$/m.exec(afterRoutes)?.[1]),
    serviceWorker: Number(/Service worker .* written in (\d+) ms/.exec(log)?.[1] ?? NaN) / 1000,
  };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** What a first search fetched from `/pagefind/`, in bytes of response bodies as sent (compressed), by kind of file. */
interface SearchTransfer {
  total: number;
  byKind: Map<string, number>;
}

/** The kind of a Pagefind file, from its URL: scripts and wasm, metadata, filters, index chunks, fragments. */
function searchFileKind(url: string): string {
  if (/\.(js|pagefind)$/.test(url)) return 'scripts + wasm';
  if (/(pagefind-entry\.json|\.pf_meta)$/.test(url)) return 'metadata';
  return /\.pf_(filter|index|fragment)$/.exec(url)?.[1] ?? 'other';
}

/**
 * The bytes a first search for each of `queries` transfers from `/pagefind/` (and the site's search
 * worker, which loads them), each in a fresh browser. The search page and its own script are not counted.
 * The server compresses text (HTML, JS, CSS, JSON) with gzip as static hosts do (GitHub Pages, Netlify);
 * Pagefind's own files are gzipped already and sent as they are. Service workers are blocked, so what is
 * counted is the search itself, not the offline copy a worker saves after the first visit. Bytes are
 * counted where they are sent, by this server: the browser does not report to the page what Pagefind's
 * web worker fetches (its script, 12 KiB, went uncounted when the page's requests were summed).
 */
async function firstSearchTransfers(dist: string, queries: readonly string[]): Promise<Map<string, SearchTransfer>> {
  const { chromium } = await import('playwright-core');
  const { createServer } = await import('node:http');
  const { gzipSync } = await import('node:zlib');
  const TEXT: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  // The Pagefind files sent, by kind, while a query runs.
  let sent = new Map<string, number>();
  const server = createServer((request, response) => {
    const url = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
    const path = join(dist, url);
    try {
      const file = statSync(path).isDirectory() ? join(path, 'index.html') : path;
      const type = TEXT[extname(file)];
      let body = readFileSync(file);
      if (type) {
        response.setHeader('content-type', type);
        if (/\bgzip\b/.test(String(request.headers['accept-encoding']))) {
          body = gzipSync(body);
          response.setHeader('content-encoding', 'gzip');
        }
      } else if (extname(file) === '.wasm') {
        response.setHeader('content-type', 'application/wasm');
      }
      // Pagefind's files, and the site's search worker, which loads them.
      if (url.includes('/pagefind/') || /\/_astro\/search-worker[^/]*\.js$/.test(url)) {
        const kind = searchFileKind(url);
        sent.set(kind, (sent.get(kind) ?? 0) + body.length);
      }
      response.end(body);
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const transfers = new Map<string, SearchTransfer>();
  try {
    for (const query of queries) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      sent = new Map();
      await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('#search-results li', { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await context.close();
      const byKind = sent;
      transfers.set(query, { total: [...byKind.values()].reduce((sum, bytes) => sum + bytes, 0), byKind });
    }
    return transfers;
  } finally {
    await browser.close();
    server.close();
  }
}

/** One line per query: the bytes transferred, and by which kind of file. */
function printSearches(searches: Map<string, SearchTransfer>): void {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  for (const [query, transfer] of searches) {
    const parts = [...transfer.byKind].map(([kind, bytes]) => `${kind} ${kib(bytes)}`).join(', ');
    console.log(`first search for "${query}": ${kib(transfer.total)} transferred (${parts})`);
  }
  const totals = [...searches.values()].map((transfer) => transfer.total).sort((a, b) => a - b);
  if (totals.length > 2) {
    const middle = totals.length / 2;
    const median = totals.length % 2 ? totals[Math.floor(middle)] : (totals[middle - 1] + totals[middle]) / 2;
    const under = totals.filter((bytes) => bytes <= 200_000).length;
    console.log(`first searches: median ${kib(median)} (${(median / 1000).toFixed(0)} kB), ${kib(totals[0])} to ${kib(totals.at(-1)!)}; ${under} of ${totals.length} at most 200 kB`);
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface BareResult {
  build: StageResult;
  pagefind: StageResult;
  seconds: number;
  peakMiB: number;
}

/**
 * The bare pipeline's project, made in `dir` from scripts/bench/bare/. Its node_modules is a folder of
 * links to the repository's packages rather than one link to the repository's node_modules, which Astro
 * accepts too: then Vite's and Astro's caches (node_modules/.vite, node_modules/.astro) would be written
 * into the repository's, which are the real site's.
 */
function prepareBare(dir: string): void {
  cpSync(join(ROOT, 'scripts/bench/bare'), dir, { recursive: true });
  const modules = realpathSync(join(ROOT, 'node_modules'));
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(join(modules, name), join(dir, 'node_modules', name));
  }
}

/**
 * The bare pipeline, from nothing built: `astro build` in `dir`, then `pagefind --site` over what it
 * wrote, with the same Node as Shelf's build and no flags. Each run starts without Astro's cache
 * (node_modules/.astro, its content store), as Shelf's does; Vite's dependency cache is kept, as the repository's is.
 */
async function runBare(dir: string, out: string, env: NodeJS.ProcessEnv): Promise<BareResult> {
  rmSync(out, { recursive: true, force: true });
  rmSync(join(dir, 'node_modules/.astro'), { recursive: true, force: true });
  const build = await runStage(process.execPath, [join(dir, 'node_modules/.bin/astro'), 'build'], env, undefined, dir);
  const pagefind = await runStage(process.execPath, [join(dir, 'node_modules/.bin/pagefind'), '--site', out], env, undefined, dir);
  return { build, pagefind, seconds: build.seconds + pagefind.seconds, peakMiB: Math.max(build.peakMiB, pagefind.peakMiB) };
}

/** Table rows for a run of the bare pipeline. */
function bareRows(bare: BareResult, out: string): [string, number, number, number][] {
  const pages = readdirSync(join(out, 'papers')).length;
  const indexed = Number(/Indexed (\d+) pages?/.exec(bare.pagefind.output)?.[1] ?? NaN);
  return [
    ['bare: astro build (Astro blog example, MDX + KaTeX)', bare.build.seconds, bare.build.peakMiB, pages / bare.build.seconds],
    ['bare: pagefind --site (CLI)', bare.pagefind.seconds, bare.pagefind.peakMiB, indexed / bare.pagefind.seconds],
    ['bare pipeline (astro build + pagefind)', bare.seconds, bare.peakMiB, pages / bare.seconds],
  ];
}

/** What the bare pipeline wrote and used, after the table. */
function printBare(bare: BareResult, out: string): void {
  const peaks = new Map<string, number>();
  for (const stage of [bare.build, bare.pagefind]) {
    for (const [name, mib] of stage.peakByName) peaks.set(name, Math.max(peaks.get(name) ?? 0, mib));
  }
  console.log(`peak memory by program during the bare pipeline: ${[...peaks].filter(([, mib]) => mib > 20).map(([name, mib]) => `${name} ${mib.toFixed(0)} MiB`).join(', ')}`);
  console.log(`bare dist: ${(folderBytes(out) / 1e6).toFixed(1)} MB (pagefind ${(folderBytes(join(out, 'pagefind')) / 1e6).toFixed(1)} MB)`);
}

/** Each pair's seconds, when there are several. */
function pairsLine(name: string, seconds: readonly number[]): string {
  return `${name}, each run: ${seconds.map((value) => value.toFixed(2)).join(', ')} s`;
}

if (values['search-of']) {
  printSearches(await firstSearchTransfers(values['search-of'], queries));
  process.exit(0);
}

const root = mkdtempSync(join(tmpdir(), `shelf-bench-${N}-`));
const content = join(root, 'content');
const dist = join(root, 'dist');
const real = loadPapersFromDumps(join(ROOT, 'content/dumps')).papers;
writeDumps(join(content, 'dumps'), real);
cpSync(join(ROOT, 'content/topics'), join(content, 'topics'), { recursive: true });
const env = { ...process.env, SHELF_CONTENT_DIR: content, SHELF_OUT_DIR: dist, SHELF_CACHE_DIR: join(root, 'astro-cache') };
const node = process.execPath;
const ingestArgs = ['scripts/ingest.ts', '--dumps', join(content, 'dumps'), '--out', join(content, 'papers'), '--topics', join(content, 'topics')];
const bareDir = join(root, 'bare');
// Inside the project: the pages Astro prerenders from its outDir import the project's packages.
const bareDist = join(bareDir, 'dist');
// The papers Shelf's ingest wrote, read in place.
const bareEnv = { ...process.env, BARE_PAPERS_DIR: join(content, 'papers'), BARE_OUT_DIR: bareDist };

const ingest = await runStage(node, ingestArgs, env);
const ingestAgain = await runStage(node, ingestArgs, env);
if (values['ingest-only']) {
  console.log(`\nShelf benchmark (ingest only): ${N} papers, node ${process.version}\n`);
  console.log('| stage | wall s | peak MiB | papers/s |\n|---|---:|---:|---:|');
  for (const [stage, result] of [['ingest', ingest], ['ingest, nothing changed', ingestAgain]] as const) {
    console.log(`| ${stage} | ${result.seconds.toFixed(2)} | ${result.peakMiB.toFixed(0)} | ${(N / result.seconds).toFixed(0)} |`);
  }
  if (values.keep) console.log(`kept: ${root}`);
  else rmSync(root, { recursive: true, force: true });
  process.exit(0);
}
if (values['bare-only']) {
  prepareBare(bareDir);
  const runs: BareResult[] = [];
  for (let pair = 0; pair < PAIRS; pair += 1) runs.push(await runBare(bareDir, bareDist, bareEnv));
  writeFileSync(join(root, 'bare-build.log'), runs[0].build.output);
  writeFileSync(join(root, 'bare-pagefind.log'), runs[0].pagefind.output);
  console.log(`\nBare pipeline benchmark: ${N} papers, node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
  console.log('| stage | wall s | peak MiB | pages/s |');
  console.log('|---|---:|---:|---:|');
  const rows = bareRows(runs[0], bareDist);
  if (PAIRS > 1) rows.push([`bare pipeline, median of ${PAIRS}`, median(runs.map((run) => run.seconds)), median(runs.map((run) => run.peakMiB)), N / median(runs.map((run) => run.seconds))]);
  for (const [stage, seconds, peak, rate] of rows) console.log(`| ${stage} | ${seconds.toFixed(2)} | ${peak.toFixed(0)} | ${rate.toFixed(0)} |`);
  console.log('');
  printBare(runs[0], bareDist);
  if (PAIRS > 1) console.log(pairsLine('bare pipeline', runs.map((run) => run.seconds)));
  if (values.keep) console.log(`kept: ${root}`);
  else rmSync(root, { recursive: true, force: true });
  process.exit(0);
}
// Related papers run inside the build; timed here on their own, on the same papers.
const relatedInput = readdirSync(join(content, 'papers')).map((file) => {
  const { data, body } = parsePaperFile(readFileSync(join(content, 'papers', file), 'utf8'));
  return { id: file, title: String(data.title), abstract: String(data.abstract), notes: body, topics: data.topics as string[] };
});
const relatedStarted = performance.now();
relatedPapers(relatedInput);
const relatedSeconds = (performance.now() - relatedStarted) / 1000;

// As `npm run build` runs it, with the same Node flags.
const build = await runStage('npm', ['run', '--silent', 'build:site'], env, values['memory-log']);
writeFileSync(join(root, 'build.log'), build.output);
// Then the bare pipeline over the same papers, and more pairs of the two, each from nothing built.
const fullBuilds = [ingest.seconds + build.seconds];
const fullPeaks = [Math.max(ingest.peakMiB, build.peakMiB)];
const bareRuns: BareResult[] = [];
if (values.bare) {
  prepareBare(bareDir);
  bareRuns.push(await runBare(bareDir, bareDist, bareEnv));
}
for (let pair = 1; pair < PAIRS; pair += 1) {
  for (const dir of [join(content, 'papers'), dist, env.SHELF_CACHE_DIR]) rmSync(dir, { recursive: true, force: true });
  const pairIngest = await runStage(node, ingestArgs, env);
  const pairBuild = await runStage('npm', ['run', '--silent', 'build:site'], env);
  fullBuilds.push(pairIngest.seconds + pairBuild.seconds);
  fullPeaks.push(Math.max(pairIngest.peakMiB, pairBuild.peakMiB));
  if (values.bare) bareRuns.push(await runBare(bareDir, bareDist, bareEnv));
}
// The Pagefind integration logs its own time; it runs alongside Astro's page rendering, in its own processes.
const pagefindMs = Number(/Pagefind \D*\d+ \D*in (\d+) ms/.exec(build.output)?.[1] ?? 0);
const pages = readdirSync(join(dist, 'papers')).length;
const searches = await firstSearchTransfers(dist, queries);
const phases = astroPhases(build.output);
const pagefindPeak = Math.max(0, ...[...build.peakByName].filter(([name]) => name.startsWith('pagefind')).map(([, mib]) => mib));

const rows = [
  ['ingest', ingest.seconds, ingest.peakMiB, N / ingest.seconds],
  ['ingest, nothing changed', ingestAgain.seconds, ingestAgain.peakMiB, N / ingestAgain.seconds],
  ['related papers (in page generation; timed here alone)', relatedSeconds, NaN, relatedInput.length / relatedSeconds],
  ['  content sync', phases.sync, NaN, N / phases.sync],
  ['  bundling (vite)', phases.vite, NaN, NaN],
  ['  page generation (Astro)', phases.pages, NaN, NaN],
  ['  service worker', phases.serviceWorker, NaN, NaN],
  ['search index (Pagefind, alongside the pages)', pagefindMs / 1000, pagefindPeak, pages / (pagefindMs / 1000)],
  ['astro build (pages + search index + service worker)', build.seconds, build.peakMiB, pages / build.seconds],
  ['full build (ingest + astro build)', ingest.seconds + build.seconds, Math.max(ingest.peakMiB, build.peakMiB), pages / (ingest.seconds + build.seconds)],
] as const;
const moreRows: [string, number, number, number][] = bareRuns.length > 0 ? bareRows(bareRuns[0], bareDist) : [];
if (PAIRS > 1) {
  moreRows.push([`full build, median of ${PAIRS}`, median(fullBuilds), median(fullPeaks), pages / median(fullBuilds)]);
  if (bareRuns.length > 0) {
    const bareSeconds = bareRuns.map((run) => run.seconds);
    moreRows.push([`bare pipeline, median of ${PAIRS}`, median(bareSeconds), median(bareRuns.map((run) => run.peakMiB)), readdirSync(join(bareDist, 'papers')).length / median(bareSeconds)]);
  }
}
console.log(`\nShelf benchmark: ${N} papers, node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
console.log('| stage | wall s | peak MiB | pages/s |');
console.log('|---|---:|---:|---:|');
for (const [stage, seconds, peak, rate] of [...rows, ...moreRows]) {
  console.log(`| ${stage} | ${seconds.toFixed(2)} | ${Number.isNaN(peak) ? '(in build)' : peak.toFixed(0)} | ${Number.isNaN(rate) ? '' : rate.toFixed(0)} |`);
}
console.log(`\npeak memory by program during the build: ${[...build.peakByName].filter(([, mib]) => mib > 20).map(([name, mib]) => `${name} ${mib.toFixed(0)} MiB`).join(', ')}`);
console.log(`dist: ${(folderBytes(dist) / 1e6).toFixed(1)} MB (pagefind ${(folderBytes(join(dist, 'pagefind')) / 1e6).toFixed(1)} MB)`);
printSearches(searches);
if (bareRuns.length > 0) {
  writeFileSync(join(root, 'bare-build.log'), bareRuns[0].build.output);
  writeFileSync(join(root, 'bare-pagefind.log'), bareRuns[0].pagefind.output);
  printBare(bareRuns[0], bareDist);
}
if (PAIRS > 1) {
  console.log(pairsLine('full build', fullBuilds));
  if (bareRuns.length > 0) console.log(pairsLine('bare pipeline', bareRuns.map((run) => run.seconds)));
}
if (bareRuns.length > 0) {
  // The median of the pairs' ratios: each Shelf build against the bare run right after it.
  const ratio = median(bareRuns.map((run, pair) => fullBuilds[pair] / run.seconds));
  console.log(`ratio full build / bare pipeline: ${ratio.toFixed(2)} (median of ${PAIRS} pair${PAIRS === 1 ? '' : 's'})`);
}
if (values.keep) console.log(`kept: ${root}`);
else rmSync(root, { recursive: true, force: true });

/**
 * What the service worker saves on a reader's first visit. The shell (pages
 * other than papers, CSS, fonts, icons) and Pagefind's index are always saved,
 * so navigation and search work offline; the paper pages are saved too while
 * everything together fits the budget, and otherwise only as they are visited.
 */

/** A built file, as workbox-build lists it: a URL relative to the site's base and its size in bytes. */
export interface BuiltFile {
  url: string;
  size: number;
}

/** Why a file is or is not precached. */
export type FileRole = 'shell' | 'search' | 'paper' | 'unused';

/** The default budget for everything precached: 25 MiB (the 327-paper site needs about 4.6). */
export const DEFAULT_PRECACHE_BUDGET_BYTES = 25 * 1024 * 1024;

/** The precache decision: what to save, what is left to runtime caching, and why. */
export interface PrecachePlan<T extends BuiltFile> {
  precache: T[];
  /** Paper pages left out because they did not fit; they are cached when visited. */
  deferred: T[];
  /** Bytes of `precache`. */
  totalBytes: number;
  papersPrecached: boolean;
  warnings: string[];
}

// The first shard carries Pagefind's script and wasm; the others (pagefind/shard-N/) only their index files.
// Pagefind's own worker script is not used: the site searches in its own worker (src/search/search-engine.ts).
// vocabulary.json is the site's own: the index's words, for spelling suggestions (src/search/search-vocabulary.ts).
const SEARCH_FILE =
  /^pagefind\/(pagefind\.js|vocabulary\.json|wasm\.[^/]+\.pagefind|(shard-\d+\/)?(pagefind-entry\.json|[^/]+\.pf_meta|(index|fragment|filter)\/[^/]+\.pf_(index|fragment|filter)))$/;
const PAPER_PAGE = /^papers\/[^/]+\/index\.html$/;
// Browsers with service workers read woff2, so KaTeX's woff/ttf fallbacks and Pagefind's unused UI bundles stay out.
const SHELL_FILE = /\.(html|css|js|woff2|svg|png|webmanifest)$/;

/** The role of a built file, from its URL relative to the base (e.g. `papers/x/index.html`). */
export function classifyBuiltFile(url: string): FileRole {
  if (url.startsWith('pagefind/')) return SEARCH_FILE.test(url) ? 'search' : 'unused';
  if (PAPER_PAGE.test(url)) return 'paper';
  if (url === 'sw.js' || url.endsWith('.map')) return 'unused';
  return SHELL_FILE.test(url) ? 'shell' : 'unused';
}

/**
 * Chooses the files to precache: the shell and the search index always, and
 * all paper pages when the total stays within `budgetBytes` (all or none, so a
 * reader knows what to expect offline: the whole site, or what they opened).
 */
export function planPrecache<T extends BuiltFile>(files: readonly T[], budgetBytes = DEFAULT_PRECACHE_BUDGET_BYTES): PrecachePlan<T> {
  const byRole = (role: FileRole) => files.filter((file) => classifyBuiltFile(file.url) === role);
  const sum = (list: readonly T[]) => list.reduce((total, file) => total + file.size, 0);
  const essential = [...byRole('shell'), ...byRole('search')];
  const papers = byRole('paper');
  const warnings: string[] = [];
  const essentialBytes = sum(essential);
  if (essentialBytes > budgetBytes) {
    warnings.push(`The shell and search index alone take ${formatMiB(essentialBytes)}, over the precache budget of ${formatMiB(budgetBytes)}; they are precached anyway.`);
  }
  const papersPrecached = essentialBytes + sum(papers) <= budgetBytes;
  if (!papersPrecached && papers.length > 0) {
    warnings.push(`${papers.length} paper pages (${formatMiB(sum(papers))}) do not fit the precache budget of ${formatMiB(budgetBytes)}; they are cached when visited.`);
  }
  const precache = papersPrecached ? [...essential, ...papers] : essential;
  return { precache, deferred: papersPrecached ? [] : papers, totalBytes: sum(precache), papersPrecached, warnings };
}

/** Bytes as MiB with one decimal, for build messages. */
export function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

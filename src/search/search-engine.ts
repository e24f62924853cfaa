/**
 * The search page's engine: Pagefind's JS API behind the few calls the page makes. It runs in the
 * site's own web worker (search-worker.ts), or on the page's thread where a browser cannot start one.
 *
 * Pagefind has a worker of its own, but the page then loads Pagefind's script and the worker loads
 * a second copy (pagefind-worker.js, 12 KiB compressed) to talk to it. Here the page loads neither:
 * the worker imports pagefind.js, which searches on the thread it runs on, so a first search off the
 * page's thread costs the same bytes as one on it, plus this small engine.
 */

/** What the page needs of a result: where it links, its excerpt (with Pagefind's <mark>s), title, notes flag and topics. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** A finished search: how many results, and how many of them each topic holds. */
export interface SearchSummary {
  /** Identifies this search's results for `results`. */
  id: number;
  count: number;
  topicCounts: Record<string, number>;
}

/** Where the index is: Pagefind's script, the site's base URL, and the other shards of a big list's index. */
export interface EngineSetup {
  pagefindUrl: string;
  baseUrl: string;
  /** Paths (from the site's root) of the shards merged into the first. */
  shards: string[];
}

export interface SearchEngine {
  /**
   * Papers in each topic, over the whole list. The page has these already; asking Pagefind loads its
   * topic filter, without which a search reports no per-topic counts (it loads only the filters it narrows by).
   */
  topicTotals(): Promise<Record<string, number>>;
  /** Searches `query` (null: every paper) within `topics` (none: all). Null when a newer search came within `debounceMs`. */
  search(query: string | null, topics: string[], debounceMs: number): Promise<SearchSummary | null>;
  /** Results `start` to `end` (exclusive) of search `id`, in rank order; none if a newer search replaced it. */
  results(id: number, start: number, end: number): Promise<ResultData[]>;
}

interface PagefindResult {
  data(): Promise<ResultData>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    query: string | null,
    options: { filters?: Record<string, unknown> },
    ms: number,
  ): Promise<{ results: PagefindResult[]; totalFilters?: Record<string, Record<string, number>> } | null>;
}

/** Loads Pagefind and the whole index (all shards), on whichever thread this runs. */
export async function openEngine(setup: EngineSetup): Promise<SearchEngine> {
  const pagefind = (await import(/* @vite-ignore */ setup.pagefindUrl)) as Pagefind;
  // In a worker Pagefind finds no page to start a worker from, and searches here; on the page, `noWorker` says so.
  await pagefind.options({ baseUrl: setup.baseUrl, excerptLength: 36, noWorker: true });
  await pagefind.init();
  for (const shard of setup.shards) await pagefind.mergeIndex(shard, { baseUrl: setup.baseUrl });

  let latest = { id: 0, results: [] as PagefindResult[] };
  return {
    async topicTotals() {
      return (await pagefind.filters()).topic ?? {};
    },
    async search(query, topics, debounceMs) {
      const search = await pagefind.debouncedSearch(query, topics.length ? { filters: { topic: { any: topics } } } : {}, debounceMs);
      if (!search) return null;
      latest = { id: latest.id + 1, results: search.results };
      return { id: latest.id, count: search.results.length, topicCounts: search.totalFilters?.topic ?? {} };
    },
    async results(id, start, end) {
      if (id !== latest.id) return [];
      const batch = latest.results.slice(start, end);
      // Only what the page draws crosses to it: a fragment also holds the paper's whole text.
      return Promise.all(
        batch.map(async (result) => {
          const { url, excerpt, meta, filters } = await result.data();
          return { url, excerpt, meta, filters };
        }),
      );
    },
  };
}

/** A call to the search worker (search-worker.ts): `open` first, then the engine's methods. */
export interface EngineRequest {
  id: number;
  method: 'open' | keyof SearchEngine;
  args: unknown[];
}

/** The worker's answer to request `id`. */
export type EngineReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** The engine in `worker`, once it has opened the index there; rejects if the worker cannot load or open it. */
export function engineInWorker(worker: Worker, setup: EngineSetup): Promise<SearchEngine> {
  let next = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  worker.addEventListener('message', (event: MessageEvent<EngineReply>) => {
    const reply = event.data;
    const call = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) call?.resolve(reply.value);
    else call?.reject(new Error(reply.error));
  });
  // The worker's script failed to load, or threw outside a call: every waiting call fails, as will later ones.
  let failure: Error | undefined;
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    failure = new Error(`search worker failed: ${event.message || 'could not load'}`);
    for (const call of pending.values()) call.reject(failure);
    pending.clear();
    worker.terminate();
  });
  const call = <T>(method: EngineRequest['method'], ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = ++next;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, method, args } satisfies EngineRequest);
    });
  const engine: SearchEngine = {
    topicTotals: () => call('topicTotals'),
    search: (query, topics, debounceMs) => call('search', query, topics, debounceMs),
    results: (id, start, end) => call('results', id, start, end),
  };
  return call('open', setup).then(() => engine);
}

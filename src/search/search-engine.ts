/**
 * The search page's engine: Pagefind's JS API behind the few calls the page makes. It runs in the
 * site's own web worker (search-worker.ts), or on the page's thread where a browser cannot start one.
 *
 * Pagefind has a worker of its own, but the page then loads Pagefind's script and the worker loads
 * a second copy (pagefind-worker.js, 12 KiB compressed) to talk to it. Here the page loads neither:
 * the worker imports pagefind.js, which searches on the thread it runs on, so a first search off the
 * page's thread costs the same bytes as one on it, plus this small engine.
 */

import { EXCERPT_WORDS, matchedExcerpt, titleParts, type ExcerptPart, type MatchedWord } from './search-excerpt.ts';
import { normalizeWord, queryWords, searchTerms } from './search-query.ts';
import type { Suggestion } from './search-suggest.ts';
import type { Vocabulary } from './search-vocabulary.ts';

/**
 * A search this few results long (or shorter) gets spelling suggestions, and the page links to the
 * same search elsewhere. The code and the vocabulary for suggestions, and the index chunks of the
 * spellings tried, are loaded only then, so a search that finds what it looks for costs none of them.
 */
export const FEW_RESULTS = 3;

/** What the page draws of a result: where it links, its title and excerpt with the matches marked, notes flag and topics. */
export interface ResultData {
  url: string;
  title: ExcerptPart[];
  excerpt: ExcerptPart[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * A finished search: how many results, which words of the query no paper mentions, and how many results
 * each topic holds (null until the topic filter is loaded).
 */
export interface SearchSummary {
  /** Identifies this search's results for `results`, `suggestions` and `topicCounts`. */
  id: number;
  count: number;
  /** Words of the query no paper mentions, as typed: the search is for the others (`matched`). */
  unmatched: string[];
  matched: string[];
  topicCounts: Record<string, number> | null;
}

/** Where the index is: Pagefind's script, the site's base URL, the other shards of a big list's index, and the vocabulary file. */
export interface EngineSetup {
  pagefindUrl: string;
  baseUrl: string;
  /** Paths (from the site's root) of the shards merged into the first. */
  shards: string[];
  /** The index's vocabulary (search-vocabulary.ts), loaded only for spelling suggestions. */
  vocabularyUrl: string;
}

export interface SearchEngine {
  /**
   * Searches `query` as typed (null: every paper) within `topics` (none: all); Pagefind gets its words
   * that narrow the search (search-query.ts), less any word no paper mentions. Null when a newer search
   * came within `debounceMs`, or started before this one ended.
   */
  search(query: string | null, topics: string[], debounceMs: number): Promise<SearchSummary | null>;
  /** Results `start` to `end` (exclusive) of search `id`, in rank order; none if a newer search replaced it. */
  results(id: number, start: number, end: number): Promise<ResultData[]>;
  /** For a search with FEW_RESULTS or fewer: spellings from the index's vocabulary that find more. Null once replaced. */
  suggestions(id: number): Promise<Suggestion[] | null>;
  /**
   * Search `id`'s results per topic. Pagefind reports them only once its topic filter is loaded, which a
   * first search without a topic does not need (17 KiB at 10,000 papers): the page asks when the reader
   * turns to the topics. Null once replaced.
   */
  topicCounts(id: number): Promise<Record<string, number> | null>;
}

interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  weighted_locations: MatchedWord[];
}

interface PagefindResult {
  data(): Promise<PagefindFragment>;
}

interface PagefindResponse {
  results: PagefindResult[];
  totalFilters?: Record<string, Record<string, number>>;
}

type SearchOptions = { filters?: Record<string, unknown> };

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: SearchOptions): Promise<PagefindResponse>;
  debouncedSearch(query: string | null, options: SearchOptions, ms: number): Promise<PagefindResponse | null>;
}

/** The latest search: its words as typed (and those no paper mentions) and as sent, and its results. */
interface Latest {
  id: number;
  words: string[];
  unmatched: string[];
  query: string | null;
  terms: string | null;
  options: SearchOptions;
  results: PagefindResult[];
}

/** Results whose text is read to see which words of a query they hold: the ones the page draws first. */
const RESULTS_READ = 5;

/** Every word of `content`, and each part of a hyphenated one, normalized; only those at `locations` if given. */
function textWords(content: string, locations?: readonly MatchedWord[]): string[] {
  const all = content.split(/[\r\n\s]+/g);
  const picked = locations ? locations.map((word) => all[word.location] ?? '') : all;
  return picked.flatMap((word) => [word, ...word.split(/[^\p{L}\p{N}]+/u)]).map(normalizeWord).filter(Boolean);
}

/** Whether one of `words` is `word` or starts with it, as Pagefind matches the start of a word. */
function holdsWord(words: Iterable<string>, word: string): boolean {
  const key = normalizeWord(word);
  for (const candidate of words) if (candidate.startsWith(key)) return true;
  return false;
}

/** Loads Pagefind and the whole index (all shards), on whichever thread this runs. */
export async function openEngine(setup: EngineSetup): Promise<SearchEngine> {
  const pagefind = (await import(/* @vite-ignore */ setup.pagefindUrl)) as Pagefind;
  // In a worker Pagefind finds no page to start a worker from, and searches here; on the page, `noWorker` says so.
  await pagefind.options({ baseUrl: setup.baseUrl, noWorker: true });
  await pagefind.init();
  for (const shard of setup.shards) await pagefind.mergeIndex(shard, { baseUrl: setup.baseUrl });

  let latest: Latest = { id: 0, words: [], unmatched: [], query: null, terms: null, options: {}, results: [] };
  let started = 0;
  let vocabulary: Promise<Vocabulary | null> | undefined;
  // Without the vocabulary (a failed fetch) a search simply gets no suggestions.
  const loadVocabulary = () =>
    (vocabulary ??= Promise.all([fetch(setup.vocabularyUrl), import('./search-vocabulary.ts')])
      .then(async ([response, { parseVocabulary }]) => (response.ok ? parseVocabulary(await response.text()) : null))
      .catch(() => null));
  const wordsOfResults = async (results: readonly PagefindResult[], matchedOnly = false) =>
    (await Promise.all(results.map((result) => result.data()))).flatMap((data) => textWords(data.content, matchedOnly ? data.weighted_locations : undefined));

  /**
   * Whether any paper mentions `word`: holds a word of the same stem (Pagefind's exact search), or a word
   * that starts with it. Pagefind's own search also matches a word no paper holds when a shorter word is
   * in the index ("atention" finds the papers with "at"), so its results alone do not tell.
   * `fallback`: Pagefind's search for it finds papers anyway.
   */
  const mentions = async (word: string): Promise<{ mentioned: boolean; fallback: boolean }> => {
    if ((await pagefind.search(`"${word}"`)).results.length > 0) return { mentioned: true, fallback: false };
    const loose = (await pagefind.search(word)).results;
    if (loose.length === 0) return { mentioned: false, fallback: false };
    const mentioned = holdsWord(await wordsOfResults(loose.slice(0, 3), true), word);
    return { mentioned, fallback: !mentioned };
  };

  return {
    async search(query, topics, debounceMs) {
      const mine = ++started;
      const words = query ? queryWords(query) : [];
      let terms = query ? searchTerms(query) : null;
      const options: SearchOptions = topics.length ? { filters: { topic: { any: topics } } } : {};
      let search = await pagefind.debouncedSearch(terms, options, debounceMs);
      if (!search || mine !== started) return null;
      // Which words no paper mentions: none that a first result holds; the others are looked up on
      // their own (their index chunks are loaded already, and the first results are drawn next anyway).
      const unmatched: string[] = [];
      let searchAgain = false;
      const read = new Set(words.length > 0 ? await wordsOfResults(search.results.slice(0, RESULTS_READ)) : []);
      for (const word of words) {
        if (holdsWord(read, word)) continue;
        const { mentioned, fallback } = await mentions(word);
        if (mine !== started) return null;
        if (!mentioned) unmatched.push(word);
        searchAgain ||= fallback;
      }
      const matched = words.filter((word) => !unmatched.includes(word));
      // Pagefind left out the words no paper holds, but searched for the ones it matched to shorter words: search without them.
      if (unmatched.length > 0 && (searchAgain || matched.length === 0)) {
        terms = matched.length > 0 ? matched.join(' ') : null;
        // No word left to search for: no results, in any topic.
        search = terms ? await pagefind.search(terms, options) : { results: [], totalFilters: { topic: {} } };
        if (mine !== started) return null;
      }
      latest = { id: latest.id + 1, words, unmatched, query, terms, options, results: search.results };
      return { id: latest.id, count: search.results.length, unmatched, matched, topicCounts: search.totalFilters?.topic ?? null };
    },
    async results(id, start, end) {
      if (id !== latest.id) return [];
      const batch = latest.results.slice(start, end);
      // Only what the page draws crosses to it: a fragment also holds the paper's whole text.
      return Promise.all(
        batch.map(async (result) => {
          const { url, content, meta, filters, weighted_locations: matched } = await result.data();
          const title = meta.title ?? url;
          return { url, title: titleParts(title, content, matched), excerpt: matchedExcerpt(content, title, matched, EXCERPT_WORDS), meta, filters };
        }),
      );
    },
    async suggestions(id) {
      const search = latest;
      if (id !== search.id) return null;
      const count = search.results.length;
      if (!search.query || count > FEW_RESULTS) return [];
      const [known, { suggestedQueries }] = await Promise.all([loadVocabulary(), import('./search-suggest.ts')]);
      if (id !== latest.id) return null;
      if (!known) return [];
      // How many papers hold each word: a typo that some abstract shares is corrected only to a much commoner word.
      const counted = [];
      for (const word of search.words) counted.push({ word, count: (await pagefind.search(`"${word}"`)).results.length });
      const found: Suggestion[] = [];
      for (const query of suggestedQueries(search.query, counted, known)) {
        const papers = (await pagefind.search(searchTerms(query), search.options)).results.length;
        if (id !== latest.id) return null;
        // Better: more papers, or papers that hold every word where some word matched nothing.
        if (papers > count || (papers > 0 && search.unmatched.length > 0)) found.push({ query, count: papers });
      }
      return found;
    },
    async topicCounts(id) {
      if (id !== latest.id) return null;
      if (latest.query && !latest.terms) return {};
      await pagefind.filters();
      const search = latest;
      if (id !== search.id) return null;
      return (await pagefind.search(search.terms, search.options)).totalFilters?.topic ?? {};
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
    search: (query, topics, debounceMs) => call('search', query, topics, debounceMs),
    results: (id, start, end) => call('results', id, start, end),
    suggestions: (id) => call('suggestions', id),
    topicCounts: (id) => call('topicCounts', id),
  };
  return call('open', setup).then(() => engine);
}

/**
 * The search page: a small UI over Pagefind, which searches in the site's own worker
 * (search-engine.ts). Results narrow by topic (a Pagefind filter), and each topic shows how many
 * results it holds. Each result shows what it matched: its title and an excerpt with the matched
 * words highlighted (search-excerpt.ts). The status says which words of the query no paper holds
 * (search-status.ts); a search with few results or none gets spelling suggestions from the index's
 * vocabulary and links to the same search on arXiv and Semantic Scholar. The query lives in the URL.
 */
import { searchElsewhereLinks, searchStatus } from './search-status.ts';
import { joinBase } from '../site/urls.ts';
import { VOCABULARY_FILE } from './search-vocabulary.ts';
import type { ExcerptPart } from './search-excerpt.ts';
import type { Suggestion } from './search-suggest.ts';
import {
  engineInWorker,
  FEW_RESULTS,
  openEngine,
  type EngineSetup,
  type ResultData,
  type SearchEngine,
  type SearchSummary,
} from './search-engine.ts';

/**
 * Results drawn at first: the first screen shows at most 4 (at 1920 × 1080; 1 on a phone), and each
 * result's excerpt costs a fragment (about 0.9 KiB). The rest of the first ten are drawn when the
 * reader sees the end of the list, and "Show more results" draws ten more at a time.
 */
const FIRST_RESULTS = 5;
const MORE_RESULTS = 10;

/**
 * The engine in the site's search worker, so that no search blocks the page (at 10,000 papers the
 * commonest words' searches took 191–225 ms of it); on the page's thread if the browser cannot start
 * the worker.
 */
async function startEngine(setup: EngineSetup): Promise<SearchEngine> {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    return await engineInWorker(worker, setup);
  } catch (error) {
    worker?.terminate();
    console.warn('Shelf: searching on the page, as the search worker could not start:', error);
    return openEngine(setup);
  }
}

/** Wires the search page's form, filters and result list to the search engine. */
export async function startSearch(app: HTMLElement): Promise<void> {
  const base = app.dataset.base ?? '/';
  const input = app.querySelector<HTMLInputElement>('#search-input')!;
  const form = input.form!;
  const filters = app.querySelector<HTMLFieldSetElement>('.filters')!;
  const boxes = [...app.querySelectorAll<HTMLInputElement>('input[name="topic"]')];
  const status = app.querySelector<HTMLElement>('#search-status')!;
  const hints = app.querySelector<HTMLElement>('#search-hints')!;
  const list = app.querySelector<HTMLOListElement>('#search-results')!;
  const more = app.querySelector<HTMLButtonElement>('#search-more')!;
  const topicLinks = new Map(boxes.map((box) => [box.value, box.dataset.href ?? '']));
  const countNodes = new Map(boxes.map((box) => [box.value, app.querySelector<HTMLElement>(`[data-count-for="${CSS.escape(box.value)}"]`)]));
  // Papers per topic over the whole list, as the page was built with them.
  const totals = Object.fromEntries([...countNodes].map(([topic, node]) => [topic, Number(node?.textContent ?? 0)]));

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const wanted = new Set(params.getAll('topic'));
  for (const box of boxes) box.checked = wanted.has(box.value);
  if (input.value.trim() || wanted.size > 0) status.textContent = 'Searching…';

  // The other shards of a big list's index (data-shards: their paths under the base).
  const shards = (app.dataset.shards ?? '').split(' ').filter(Boolean);
  const siteUrl = (path: string) => new URL(joinBase(base, path), location.href);
  const unavailable = 'The search index could not be loaded. Browse by topic instead.';
  let engine: SearchEngine;
  try {
    engine = await startEngine({
      pagefindUrl: siteUrl('pagefind/pagefind.js').href,
      baseUrl: base,
      shards: shards.map((shard) => siteUrl(shard).pathname),
      vocabularyUrl: siteUrl(`pagefind/${VOCABULARY_FILE}`).href,
    });
  } catch {
    status.textContent = unavailable;
    return;
  }

  let run = 0;
  /** A search's results: how many, and how many are drawn. */
  type Listed = { id: number; count: number; drawn: number };
  // The search listed, the run that listed it, and the draw under way: draws go one after another, in order.
  let shown: Listed = { id: 0, count: 0, drawn: 0 };
  let listedRun = 0;
  let drawing: Promise<unknown> = Promise.resolve();
  // Draws the rest of the first ten results once the reader sees the end of the first five.
  const endInView = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    endInView.disconnect();
    void showMore(MORE_RESULTS - FIRST_RESULTS, false);
  });

  // Per-topic counts of a search need Pagefind's topic filter, which the results do not: it is loaded
  // when the reader turns to the topics, runs a second search, or already has the index saved offline
  // (a service worker controls the page only once it has saved the whole index).
  let countsWanted = Boolean(navigator.serviceWorker?.controller);
  let countsPending = false;
  let searches = 0;
  function wantCounts(): void {
    if (countsWanted) return;
    countsWanted = true;
    if (countsPending) void fillCounts(shown.id);
  }
  for (const type of ['pointerover', 'focusin', 'touchstart']) filters.addEventListener(type, wantCounts, { passive: true });

  async function update(): Promise<void> {
    const current = ++run;
    endInView.disconnect();
    const query = input.value.trim();
    const topics = boxes.filter((box) => box.checked).map((box) => box.value);
    writeUrl(query, topics);
    if (!query && topics.length === 0) {
      showCounts(totals);
      list.replaceChildren();
      showHints(query, 0, []);
      more.hidden = true;
      listedRun = current;
      status.textContent = 'Type a word from a title, abstract or note, or pick a topic.';
      return;
    }
    if (query && ++searches > 1) countsWanted = true;
    let search: SearchSummary;
    let items: HTMLLIElement[];
    let suggestions: Suggestion[] = [];
    try {
      const found = await engine.search(query || null, topics, 200);
      if (!found || current !== run) return;
      search = found;
      const listed = { id: search.id, count: search.count, drawn: 0 };
      shown = listed;
      items = await draw(listed, FIRST_RESULTS);
      if (query && search.count <= FEW_RESULTS) {
        const found = await engine.suggestions(search.id);
        if (!found) return;
        suggestions = found;
      }
    } catch {
      if (current === run) status.textContent = unavailable;
      return;
    }
    if (current !== run) return;
    // Counts, results, hints and the status change together, once the first results are drawn.
    if (!query) showCounts(totals);
    else if (search.topicCounts) showCounts(search.topicCounts);
    else {
      showCounts(null);
      if (countsWanted) void fillCounts(search.id);
    }
    list.replaceChildren(...items);
    listedRun = current;
    more.hidden = shown.drawn >= shown.count;
    if (!more.hidden) endInView.observe(more);
    showHints(query, search.count, suggestions);
    status.textContent = searchStatus({ query, topics, count: search.count, unmatched: search.unmatched, matched: search.matched });
  }

  /** Shows search `id`'s per-topic counts, once Pagefind has its topic filter, if it is still the one listed. */
  async function fillCounts(id: number): Promise<void> {
    try {
      const counts = await engine.topicCounts(id);
      if (counts && id === shown.id && countsPending) showCounts(counts);
    } catch {
      // The counts stay hidden; the search itself still works.
    }
  }

  /** Draws the next `howMany` results of `listed`, after every draw asked before; none once another search is listed. */
  function draw(listed: Listed, howMany: number): Promise<HTMLLIElement[]> {
    const drawn = drawing.then(async () => {
      if (listed !== shown) return [];
      const start = listed.drawn;
      listed.drawn = Math.min(listed.count, start + howMany);
      return (await engine.results(listed.id, start, listed.drawn)).map(renderResult);
    });
    drawing = drawn.catch(() => {});
    return drawn;
  }

  /** Adds `howMany` results to the list; `focus` (a press of the button) moves focus to the first of them. */
  async function showMore(howMany: number, focus: boolean): Promise<void> {
    // While a newer search is on its way, the list on screen is about to go.
    if (listedRun !== run) return;
    const listed = shown;
    if (focus) endInView.disconnect();
    let items: HTMLLIElement[];
    try {
      items = await draw(listed, howMany);
    } catch {
      status.textContent = unavailable;
      return;
    }
    if (listed !== shown) return;
    list.append(...items);
    more.hidden = listed.drawn >= listed.count;
    // Keep keyboard users where the new results start.
    if (focus) items[0]?.querySelector('a')?.focus();
  }

  function renderResult(data: ResultData): HTMLLIElement {
    const item = document.createElement('li');
    const heading = document.createElement('h2');
    heading.className = 'paper-title';
    const link = document.createElement('a');
    link.href = data.url;
    appendParts(link, data.title);
    heading.append(link);
    const text = document.createElement('p');
    text.className = 'excerpt';
    appendParts(text, data.excerpt);
    item.append(heading, text);
    const meta = document.createElement('div');
    meta.className = 'meta';
    // Papers with notes carry `notes: yes` in their search document (src/search/search-records.ts); mark them as the lists do.
    if (data.meta.notes === 'yes') {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = 'Notes';
      meta.append(badge);
    }
    const topics = data.filters.topic ?? [];
    if (topics.length) {
      const chips = document.createElement('ul');
      chips.className = 'topic-list';
      chips.setAttribute('aria-label', 'Topics');
      for (const topic of topics) {
        const chip = document.createElement('li');
        const chipLink = document.createElement('a');
        chipLink.href = topicLinks.get(topic) || '#';
        chipLink.textContent = topic;
        chip.append(chipLink);
        chips.append(chip);
      }
      meta.append(chips);
    }
    if (meta.childElementCount) item.append(meta);
    return item;
  }

  /**
   * Under the status: spellings that find more ("Did you mean attention sink?"), and for a search that
   * found few papers or none, the same search on arXiv and Semantic Scholar.
   */
  function showHints(query: string, count: number, suggestions: readonly Suggestion[]): void {
    const lines: HTMLElement[] = [];
    if (suggestions.length > 0) {
      const line = document.createElement('p');
      line.className = 'suggestions';
      line.append('Did you mean ');
      suggestions.forEach((suggestion, index) => {
        if (index > 0) line.append(index === suggestions.length - 1 ? ' or ' : ', ');
        const link = document.createElement('a');
        link.href = `?${new URLSearchParams({ q: suggestion.query })}`;
        link.dataset.query = suggestion.query;
        link.textContent = suggestion.query;
        line.append(link, ` (${suggestion.count} ${suggestion.count === 1 ? 'paper' : 'papers'})`);
      });
      line.append('?');
      lines.push(line);
    }
    if (query && count <= FEW_RESULTS) {
      const line = document.createElement('p');
      line.className = 'elsewhere';
      line.append(`Search for “${query}” on `);
      searchElsewhereLinks(query).forEach((target, index) => {
        if (index > 0) line.append(' or ');
        const link = document.createElement('a');
        link.href = target.url;
        link.textContent = target.label;
        line.append(link);
      });
      line.append('.');
      lines.push(line);
    }
    hints.replaceChildren(...lines);
    hints.hidden = lines.length === 0;
  }

  /** Sets each topic's count; null hides them (space kept) until this search's counts are known. */
  function showCounts(counts: Record<string, number> | null): void {
    countsPending = counts === null;
    for (const [topic, node] of countNodes) {
      if (!node) continue;
      node.closest('.count')?.toggleAttribute('data-pending', counts === null);
      if (counts) node.textContent = String(counts[topic] ?? 0);
    }
  }

  function writeUrl(query: string, topics: string[]): void {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    for (const topic of topics) next.append('topic', topic);
    const search = next.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
  });
  input.addEventListener('input', () => void update());
  for (const box of boxes) box.addEventListener('change', () => void update());
  more.addEventListener('click', () => void showMore(MORE_RESULTS, true));
  hints.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-query]');
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    input.value = link.dataset.query!;
    input.focus();
    void update();
  });
  await update();
}

/** Appends runs of text to `parent`, the highlighted ones in <mark>; as text nodes, so nothing in them can run. */
function appendParts(parent: HTMLElement, parts: readonly ExcerptPart[]): void {
  for (const part of parts) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      parent.append(mark);
    } else {
      parent.append(part.text);
    }
  }
}

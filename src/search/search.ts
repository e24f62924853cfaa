/**
 * The search page: a small UI over Pagefind, which searches in the site's own
 * worker (search-engine.ts). Results narrow by topic (a Pagefind filter), each
 * topic shows how many results it holds, and excerpts are drawn as text with
 * highlighted matches. The query lives in the URL.
 */
import { excerptParts, withoutLeadingTitle } from './search-excerpt.ts';
import { searchTerms } from './search-query.ts';
import { joinBase } from '../site/urls.ts';
import { engineInWorker, openEngine, type EngineSetup, type ResultData, type SearchEngine, type SearchSummary } from './search-engine.ts';

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
  const boxes = [...app.querySelectorAll<HTMLInputElement>('input[name="topic"]')];
  const status = app.querySelector<HTMLElement>('#search-status')!;
  const list = app.querySelector<HTMLOListElement>('#search-results')!;
  const more = app.querySelector<HTMLButtonElement>('#search-more')!;
  const topicLinks = new Map(boxes.map((box) => [box.value, box.dataset.href ?? '']));

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const wanted = new Set(params.getAll('topic'));
  for (const box of boxes) box.checked = wanted.has(box.value);

  // The other shards of a big list's index (data-shards: their paths under the base).
  const shards = (app.dataset.shards ?? '').split(' ').filter(Boolean);
  const siteUrl = (path: string) => new URL(joinBase(base, path), location.href);
  const unavailable = 'The search index could not be loaded. Browse by topic instead.';
  let engine: SearchEngine;
  let totals: Record<string, number>;
  try {
    engine = await startEngine({
      pagefindUrl: siteUrl('pagefind/pagefind.js').href,
      baseUrl: base,
      shards: shards.map((shard) => siteUrl(shard).pathname),
    });
    totals = await engine.topicTotals();
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

  async function update(): Promise<void> {
    const current = ++run;
    endInView.disconnect();
    const query = input.value.trim();
    const topics = boxes.filter((box) => box.checked).map((box) => box.value);
    writeUrl(query, topics);
    if (!query && topics.length === 0) {
      showCounts(totals);
      list.replaceChildren();
      more.hidden = true;
      listedRun = current;
      status.textContent = 'Type a word from a title, abstract or note, or pick a topic.';
      return;
    }
    let search: SearchSummary;
    let items: HTMLLIElement[];
    try {
      // The status names the query as typed; Pagefind gets its words that narrow the search.
      const found = await engine.search(query ? searchTerms(query) : null, topics, 200);
      if (!found || current !== run) return;
      search = found;
      const listed = { id: search.id, count: search.count, drawn: 0 };
      shown = listed;
      items = await draw(listed, FIRST_RESULTS);
    } catch {
      if (current === run) status.textContent = unavailable;
      return;
    }
    if (current !== run) return;
    // Counts, results and the status change together, once the first results are drawn.
    showCounts(query ? search.topicCounts : totals);
    list.replaceChildren(...items);
    listedRun = current;
    more.hidden = shown.drawn >= shown.count;
    if (!more.hidden) endInView.observe(more);
    const count = search.count;
    const scope = topics.length ? ` in ${topics.join(' or ')}` : '';
    const what = query ? ` for “${query}”` : '';
    status.textContent =
      count === 0 ? `No papers found${what}${scope}.` : `${count} ${count === 1 ? 'paper' : 'papers'}${what}${scope}.`;
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
    link.textContent = data.meta.title ?? data.url;
    heading.append(link);
    const text = document.createElement('p');
    text.className = 'excerpt';
    for (const part of withoutLeadingTitle(excerptParts(data.excerpt), data.meta.title ?? '')) {
      if (part.mark) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        text.append(mark);
      } else {
        text.append(part.text);
      }
    }
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

  function showCounts(counts: Record<string, number>): void {
    for (const box of boxes) {
      const node = app.querySelector<HTMLElement>(`[data-count-for="${CSS.escape(box.value)}"]`);
      if (node) node.textContent = String(counts[box.value] ?? 0);
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
  await update();
}

/**
 * The search page: a small UI over Pagefind's JS API. Results narrow by topic
 * (a Pagefind filter), each topic shows how many results it holds, and excerpts
 * are drawn as text with highlighted matches. The query lives in the URL.
 */
import { excerptParts, withoutLeadingTitle } from '../lib/search-excerpt.ts';
import { joinBase } from '../lib/urls.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  totalFilters?: Record<string, Record<string, number>>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    query: string | null,
    options?: { filters?: Record<string, unknown> },
    ms?: number,
  ): Promise<PagefindSearch | null>;
}

const PAGE_SIZE = 10;

/** Wires the search page's form, filters and result list to Pagefind. */
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
  let pagefind: Pagefind;
  try {
    const url = new URL(joinBase(base, 'pagefind/pagefind.js'), location.href).href;
    pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // A small list is searched on this thread (`noWorker`), saving a first search the worker's script;
    // a bigger one in Pagefind's web worker, off the page's thread (`searchesOnPageThread`).
    await pagefind.options({ baseUrl: base, excerptLength: 36, noWorker: app.dataset.pageThread === 'true' });
    await pagefind.init();
    for (const shard of shards) {
      await pagefind.mergeIndex(new URL(joinBase(base, shard), location.href).pathname, { baseUrl: base });
    }
  } catch {
    status.textContent = 'The search index could not be loaded. Browse by topic instead.';
    return;
  }
  const totals = (await pagefind.filters()).topic ?? {};

  let run = 0;
  let pending: PagefindSearch['results'] = [];

  async function update(): Promise<void> {
    const current = ++run;
    const query = input.value.trim();
    const topics = boxes.filter((box) => box.checked).map((box) => box.value);
    writeUrl(query, topics);
    if (!query && topics.length === 0) {
      showCounts(totals);
      list.replaceChildren();
      more.hidden = true;
      status.textContent = 'Type a word from a title, abstract or note, or pick a topic.';
      return;
    }
    const search = await pagefind.debouncedSearch(query || null, topics.length ? { filters: { topic: { any: topics } } } : {}, 200);
    if (!search || current !== run) return;
    pending = search.results;
    const items = await nextItems();
    if (current !== run) return;
    // Counts, results and the status change together, once the first results are drawn.
    showCounts(query ? (search.totalFilters?.topic ?? {}) : totals);
    list.replaceChildren(...items);
    more.hidden = pending.length === 0;
    const count = search.results.length;
    const scope = topics.length ? ` in ${topics.join(' or ')}` : '';
    const what = query ? ` for “${query}”` : '';
    status.textContent =
      count === 0 ? `No papers found${what}${scope}.` : `${count} ${count === 1 ? 'paper' : 'papers'}${what}${scope}.`;
  }

  async function nextItems(): Promise<HTMLLIElement[]> {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    return Promise.all(batch.map(async (result) => renderResult(await result.data())));
  }

  async function showMore(): Promise<void> {
    const current = run;
    const items = await nextItems();
    if (current !== run) return;
    list.append(...items);
    more.hidden = pending.length === 0;
    // Keep keyboard users where the new results start.
    items[0]?.querySelector('a')?.focus();
  }

  function renderResult(data: PagefindResultData): HTMLLIElement {
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
    // Papers with notes carry `notes: yes` in their search document (src/lib/search-records.ts); mark them as the lists do.
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
  more.addEventListener('click', () => void showMore());
  await update();
}

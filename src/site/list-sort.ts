/**
 * A topic list in the browser: sorted by the reader's choice and shown a window at a time.
 * Progressive enhancement over the built page, which lists every paper in reading order:
 * - the sort (`?sort=title|added|noted`, kept in the address) reorders the rows by the
 *   ranks the build wrote on them (`data-rank-*`), as one list without the reading groups;
 * - only the first `WINDOW` rows are shown, and a button shows the next ones.
 * Without JavaScript the sort stays hidden and the whole list shows.
 */

/** Rows shown at first, and added by each press of "Show more". */
export const WINDOW = 25;

/** The orders a list can be sorted by; `reading` is the built page's own. */
export type SortKey = 'reading' | 'title' | 'added' | 'noted';

const KEYS: readonly SortKey[] = ['reading', 'title', 'added', 'noted'];

const LABELS: Record<SortKey, string> = {
  reading: 'in reading order',
  title: 'by title, A to Z',
  added: 'most recently added first',
  noted: 'most recently annotated first',
};

/** The sort named in a query string, or `reading`. */
export function sortFromSearch(search: string): SortKey {
  const value = new URLSearchParams(search).get('sort');
  return KEYS.includes(value as SortKey) ? (value as SortKey) : 'reading';
}

/** Rows in the order of `key` by their ranks; rows without a rank (papers without notes, for `noted`) keep their order, after the rest. */
export function sortRows<T extends { dataset: DOMStringMap }>(rows: readonly T[], key: Exclude<SortKey, 'reading'>): T[] {
  const rank = (row: T) => {
    const value = row.dataset[`rank${key[0]!.toUpperCase()}${key.slice(1)}`];
    return value === undefined ? Number.POSITIVE_INFINITY : Number(value);
  };
  return rows
    .map((row, index) => ({ row, index, rank: rank(row) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ row }) => row);
}

/** Wires the sort and the window on a page that has a `[data-sortable-list]`. */
export function startListSort(root: Document): void {
  const container = root.querySelector<HTMLElement>('[data-sortable-list]');
  if (!container) return;
  const rows = [...container.querySelectorAll<HTMLLIElement>('.paper-list > li')];
  const homes = rows.map((row) => row.parentElement!);
  const sections = [...container.querySelectorAll<HTMLElement>(':scope > section')];
  const toc = root.querySelector<HTMLElement>('nav.toc');
  const status = root.querySelector<HTMLElement>('[data-list-status]');
  const select = root.querySelector<HTMLSelectElement>('[data-list-sort] select');
  // The sorted list is one section, with its own heading, in place of the reading groups.
  const flatSection = Object.assign(root.createElement('section'), { hidden: true });
  const flatHeading = Object.assign(root.createElement('h2'), { className: 'group-heading', id: 'sorted-papers' });
  const flat = Object.assign(root.createElement('ul'), { className: 'paper-list sorted-list' });
  flatSection.setAttribute('aria-labelledby', flatHeading.id);
  flatSection.append(flatHeading, flat);
  container.append(flatSection);
  const more = Object.assign(root.createElement('button'), { type: 'button', className: 'more' });
  container.after(more);
  let shown = WINDOW;
  let order = rows;

  /** Hides the rows past the window, and the reading groups left with none shown. */
  const applyWindow = () => {
    order.forEach((row, index) => {
      row.hidden = index >= shown;
    });
    for (const section of sections) section.hidden = !flatSection.hidden || !section.querySelector('.paper-list > li:not([hidden])');
    const left = order.length - Math.min(shown, order.length);
    more.hidden = left === 0;
    more.textContent = `Show ${Math.min(left, WINDOW)} more (${left} not shown)`;
  };

  const apply = (key: SortKey, announce: boolean) => {
    if (key === 'reading') {
      rows.forEach((row, index) => homes[index]!.append(row));
      order = rows;
      flatSection.hidden = true;
    } else {
      order = sortRows(rows, key);
      flat.append(...order);
      flatHeading.textContent = `${rows.length} ${rows.length === 1 ? 'paper' : 'papers'}, ${LABELS[key]}`;
      flatSection.hidden = false;
    }
    if (toc) toc.hidden = key !== 'reading';
    applyWindow();
    if (announce && status) status.textContent = `Papers sorted ${LABELS[key]}.`;
  };

  more.addEventListener('click', () => {
    const first = order[shown];
    shown += WINDOW;
    applyWindow();
    // The first new paper takes the focus, for keyboard users.
    first?.querySelector<HTMLAnchorElement>('.paper-title a')?.focus();
  });

  // A link to a reading group (#notes, #also-…) shows the whole list, so the group is there.
  const revealTarget = () => {
    const target = location.hash && root.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && container.contains(target) && (target.closest('section')?.hidden || target.closest('li')?.hidden)) {
      if (select && select.value !== 'reading') {
        select.value = 'reading';
        apply('reading', false);
      }
      shown = rows.length;
      applyWindow();
      target.scrollIntoView();
    }
  };
  addEventListener('hashchange', revealTarget);

  const initial = sortFromSearch(location.search);
  if (select) {
    select.value = initial;
    select.addEventListener('change', () => {
      const key = select.value as SortKey;
      shown = WINDOW;
      apply(key, true);
      const url = new URL(location.href);
      if (key === 'reading') url.searchParams.delete('sort');
      else url.searchParams.set('sort', key);
      history.replaceState(history.state, '', url);
    });
    select.closest<HTMLElement>('[data-list-sort]')!.classList.add('ready');
  }
  apply(select ? initial : 'reading', false);
  revealTarget();
}

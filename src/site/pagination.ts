/**
 * Long lists (all papers A to Z, a topic's papers) split into pages, so a
 * list of 50,000 papers is not one 15 MB page. Lists are runs of sections (a
 * letter, a reading group); a section that does not fit continues on the next
 * page under the same heading. The first page keeps the list's own address,
 * page n lives at `<list>page/<n>/`.
 */
import { paperCountSetting } from './settings.ts';
import { withBase } from './urls.ts';

/** Papers per list page: PAPERS_PER_PAGE, else 500 (a reading list of a few hundred papers stays on one page). */
export function papersPerPage(env: Record<string, string | undefined> = process.env): number {
  return paperCountSetting(env, 'PAPERS_PER_PAGE', 500);
}

/** A run of items under one heading. */
export interface Section<T> {
  id: string;
  heading: string;
  items: T[];
}

/** A section as one page shows it: `continued` when it began on an earlier page. */
export interface PageSection<T> extends Section<T> {
  continued: boolean;
  /** How many items the whole section has, on all pages. */
  total: number;
}

/** One page of a list; `number` counts from 1. */
export interface ListPage<T> {
  number: number;
  sections: PageSection<T>[];
}

/** Splits sections into pages of at most `perPage` items, in order; there is always at least one page. */
export function paginateSections<T>(sections: readonly Section<T>[], perPage: number): ListPage<T>[] {
  const pages: ListPage<T>[] = [{ number: 1, sections: [] }];
  let room = perPage;
  for (const section of sections) {
    let start = 0;
    while (start < section.items.length) {
      if (room === 0) {
        pages.push({ number: pages.length + 1, sections: [] });
        room = perPage;
      }
      const items = section.items.slice(start, start + room);
      pages.at(-1)!.sections.push({ ...section, items, continued: start > 0, total: section.items.length });
      start += items.length;
      room -= items.length;
    }
  }
  return pages;
}

/** The page a section starts on. */
export function pageOfSection<T>(pages: readonly ListPage<T>[], id: string): number {
  return pages.find((page) => page.sections.some((section) => section.id === id && !section.continued))?.number ?? 1;
}

/** Every section of a list once, where it starts: what a table of contents lists. */
export function listSections<T>(pages: readonly ListPage<T>[]): PageSection<T>[] {
  return pages.flatMap((page) => page.sections.filter((section) => !section.continued));
}

/**
 * A link to where section `id` starts, from page `current` of the list at `listPath`:
 * an anchor when it starts on this page, else that page's address (under the base) and the anchor.
 */
export function sectionHref<T>(pages: readonly ListPage<T>[], id: string, current: number, listPath: string): string {
  const target = pageOfSection(pages, id);
  return target === current ? `#${id}` : `${withBase(listPagePath(listPath, target))}#${id}`;
}

/** The heading of a section on a page, and its id: a section continued from an earlier page says so, and gets its own id (the section's id is where it starts). */
export function sectionHeading(section: { id: string; heading: string; continued: boolean }): { id: string; text: string } {
  return section.continued ? { id: `${section.id}-continued`, text: `${section.heading} (continued)` } : { id: section.id, text: section.heading };
}

/** Site path of page `number` of the list at `listPath` (e.g. `papers/`). */
export function listPagePath(listPath: string, number: number): string {
  return number <= 1 ? listPath : `${listPath}page/${number}/`;
}

/** The page numbers a pager shows: the first, the last, and two either side of the current; `null` marks a gap. */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const shown = [...new Set([1, count, ...[-2, -1, 0, 1, 2].map((offset) => current + offset)])]
    .filter((number) => number >= 1 && number <= count)
    .sort((a, b) => a - b);
  const numbers: (number | null)[] = [];
  for (const number of shown) {
    const last = numbers.at(-1);
    if (typeof last === 'number' && number - last > 1) numbers.push(number - last === 2 ? last + 1 : null);
    numbers.push(number);
  }
  return numbers;
}

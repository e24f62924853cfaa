import { describe, expect, it } from 'vitest';
import {
  listPagePath,
  listSections,
  pageOfSection,
  pagerNumbers,
  paginateSections,
  papersPerPage,
  sectionHeading,
  sectionHref,
} from '../../src/site/pagination.ts';

const sections = [
  { id: 'a', heading: 'A', items: [1, 2, 3] },
  { id: 'b', heading: 'B', items: [4] },
  { id: 'c', heading: 'C', items: [5, 6, 7, 8, 9] },
];

describe('paginateSections', () => {
  it('fills pages in order and continues a section that does not fit under the same heading', () => {
    const pages = paginateSections(sections, 4);
    expect(pages.map((page) => page.sections.map((s) => `${s.id}${s.continued ? '+' : ''}:${s.items.join('')}/${s.total}`))).toEqual([
      ['a:123/3', 'b:4/1'],
      ['c:5678/5'],
      ['c+:9/5'],
    ]);
    expect(pages.map((page) => page.number)).toEqual([1, 2, 3]);
  });

  it('keeps every item exactly once whatever the page size', () => {
    for (const size of [1, 2, 3, 5, 9, 100]) {
      const items = paginateSections(sections, size).flatMap((page) => page.sections.flatMap((s) => s.items));
      expect(items, String(size)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('gives an empty list one empty page', () => {
    expect(paginateSections([], 10)).toEqual([{ number: 1, sections: [] }]);
  });

  it('finds the page a section starts on', () => {
    const pages = paginateSections(sections, 4);
    expect(['a', 'b', 'c', 'missing'].map((id) => pageOfSection(pages, id))).toEqual([1, 1, 2, 1]);
  });
});

describe('listSections, sectionHref, sectionHeading', () => {
  const pages = paginateSections(sections, 4);

  it('lists each section once, where it starts', () => {
    expect(listSections(pages).map((section) => `${section.id}:${section.total}`)).toEqual(['a:3', 'b:1', 'c:5']);
  });

  it('links to a section on this page by anchor, and on another page by its address', () => {
    expect(sectionHref(pages, 'b', 1, 'papers/')).toBe('#b');
    expect(sectionHref(pages, 'c', 1, 'papers/')).toBe('/papers/page/2/#c');
    expect(sectionHref(pages, 'a', 3, 'topics/long-cot/')).toBe('/topics/long-cot/#a');
  });

  it('names a continued section as such, under an id of its own', () => {
    const [started, continued] = [pages[1]!.sections[0]!, pages[2]!.sections[0]!];
    expect(sectionHeading(started)).toEqual({ id: 'c', text: 'C' });
    expect(sectionHeading(continued)).toEqual({ id: 'c-continued', text: 'C (continued)' });
  });
});

describe('listPagePath', () => {
  it('keeps page 1 at the list’s address and puts the others under page/<n>/', () => {
    expect(listPagePath('papers/', 1)).toBe('papers/');
    expect(listPagePath('topics/long-cot/', 3)).toBe('topics/long-cot/page/3/');
  });
});

describe('pagerNumbers', () => {
  it('shows every page of a short list', () => {
    expect(pagerNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows the ends and a window around the current page of a long one, with gaps', () => {
    expect(pagerNumbers(50, 100)).toEqual([1, null, 48, 49, 50, 51, 52, null, 100]);
    expect(pagerNumbers(1, 100)).toEqual([1, 2, 3, null, 100]);
    // A gap of one page shows the page instead of "…".
    expect(pagerNumbers(5, 100)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 100]);
  });
});

describe('papersPerPage', () => {
  it('defaults to 500 and reads PAPERS_PER_PAGE', () => {
    expect(papersPerPage({})).toBe(500);
    expect(papersPerPage({ PAPERS_PER_PAGE: '40' })).toBe(40);
  });

  it('names the variable and the fix for a bad value', () => {
    expect(() => papersPerPage({ PAPERS_PER_PAGE: 'ten' })).toThrow(/PAPERS_PER_PAGE: "ten" is not a whole number .*unset it for the default, 500/);
    expect(() => papersPerPage({ PAPERS_PER_PAGE: '0' })).toThrow(/PAPERS_PER_PAGE/);
  });
});

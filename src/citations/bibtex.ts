/**
 * BibTeX for papers: one entry each, with keys that are unique in the list and
 * stay the same from build to build. A paper with authors and a year gets a
 * Google-Scholar-style key (`lovelace2024analytical`); one without gets its slug.
 */
import type { CitationFields } from './fields.ts';
import { arxivAbsUrl } from './identifiers.ts';

/** What a BibTeX entry is made from: a paper's id, title and citation fields, and its page on the site. */
export interface Citable extends CitationFields {
  id: string;
  title: string;
  /** The paper's page on this site (absolute when the site's address is known). */
  page: string;
}

// Words a key skips when it takes the title's first word, as Google Scholar's keys do.
const STOP_WORDS = new Set(
  'a an and are as at be by do does for from how in is it its of on or the to towards toward via what when where which who why with without'.split(' '),
);

/** ASCII letters and digits only, lower-case: `Łukasz Müller-Šimić` → `lukaszmullersimic`. */
function keyPart(text: string): string {
  return text
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/** An author's family name: the last word of `First Last`, or what precedes the comma in `Last, First`. */
export function familyName(author: string): string {
  const name = author.trim();
  if (name.includes(',')) return name.slice(0, name.indexOf(',')).trim();
  const words = name.split(/\s+/);
  return words[words.length - 1] ?? name;
}

/** The key before any suffix: family name of the first author, year, first word of the title that is not a stop word. */
export function baseKey(paper: Pick<Citable, 'id' | 'title' | 'authors' | 'year'>): string {
  const first = paper.authors?.[0];
  if (!first || paper.year === undefined) return paper.id;
  const word = paper.title
    .split(/[^\p{L}\p{N}]+/u)
    .map(keyPart)
    .find((part) => part && !STOP_WORDS.has(part));
  const key = `${keyPart(familyName(first))}${paper.year}${word ?? ''}`;
  return /^[a-z]/.test(key) ? key : paper.id;
}

/**
 * A key for every paper, unique in the list. Papers that would share a key get `a`, `b`, … in the
 * order of their ids, so a key changes only when a paper with the same authors, year and title word arrives.
 */
export function bibtexKeys(papers: readonly Pick<Citable, 'id' | 'title' | 'authors' | 'year'>[]): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const paper of papers) {
    const key = baseKey(paper);
    byBase.set(key, [...(byBase.get(key) ?? []), paper.id]);
  }
  const keys = new Map<string, string>();
  const taken = new Set(byBase.keys());
  for (const [key, ids] of byBase) {
    if (ids.length === 1) {
      keys.set(ids[0], key);
      continue;
    }
    let letter = 0;
    for (const id of [...ids].sort()) {
      let candidate: string;
      do candidate = key + suffix(letter++);
      while (taken.has(candidate));
      taken.add(candidate);
      keys.set(id, candidate);
    }
  }
  return keys;
}

/** `a` … `z`, then `aa`, `ab`, …  */
function suffix(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : suffix(Math.floor(index / 26) - 1) + suffix(index % 26);
}

// LaTeX's special characters, as text. Braces become commands too: BibTeX counts `{` and `}`
// even after a backslash, so an escaped brace could still leave a field unbalanced.
const LATEX: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's default (OT1) encoding these print as ¡, ¿ and —.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** Text as a BibTeX field value: white space collapsed, LaTeX's special characters escaped, braces balanced. */
export function bibtexText(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\\{}&%$#_~^<>|]/g, (char) => LATEX[char])
      // TeX ligatures: `--` is a dash, ``` `` ``` and `''` are quotes. `-{}-` keeps two hyphens.
      .replace(/([-`'])(?=\1)/g, '$1{}')
  );
}

/** A URL as a BibTeX field value: verbatim, except characters that would end the field. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\s\\]/g, encodeURIComponent);
}

/** One BibTeX entry. */
export function bibtexEntry(paper: Citable, key: string): string {
  const fields: [string, string][] = [['title', `{${bibtexText(paper.title)}}`]];
  if (paper.authors?.length) fields.push(['author', paper.authors.map(bibtexText).join(' and ')]);
  if (paper.year !== undefined) fields.push(['year', String(paper.year)]);
  if (paper.venue) fields.push(['journal', bibtexText(paper.venue)]);
  if (paper.arxiv) {
    fields.push(['eprint', paper.arxiv], ['archiveprefix', 'arXiv']);
  }
  if (paper.doi) fields.push(['doi', bibtexUrl(paper.doi)]);
  const url = paper.url ?? (paper.arxiv ? arxivAbsUrl(paper.arxiv) : paper.page);
  fields.push(['url', bibtexUrl(url)]);
  if (!paper.authors?.length && !paper.arxiv && !paper.doi) fields.push(['note', 'Listed on the reading list at the URL above']);
  const type = paper.venue ? 'article' : 'misc';
  const width = Math.max(...fields.map(([name]) => name.length));
  return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`).join(',\n')}\n}\n`;
}

/** A bibliography: an entry per paper, keys from `bibtexKeys` over `papers` (or over `keys` when given, to share keys with the whole list). */
export function* bibliography(papers: readonly Citable[], keys = bibtexKeys(papers)): Generator<string> {
  for (const paper of papers) yield `${bibtexEntry(paper, keys.get(paper.id) ?? paper.id)}\n`;
}

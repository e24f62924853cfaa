/**
 * The catalogue others can reuse: every paper with its fields and topics, as
 * JSON (`/papers.json`, described by `/papers.schema.json`) and CSV (`/papers.csv`).
 */
import type { Paper } from '../papers/load.ts';
import { safeNotes } from '../papers/safe-notes.ts';
import { plainWikilinks, type LinkIndex } from '../notes/wikilinks.ts';
import type { Catalogue, CatalogueEntry } from '../papers/schema.ts';
import { batches } from './pieces.ts';

/** A paper as the catalogue lists it: `url` is its page's address, `related` the ids of its related papers; with `links`, a note's `[[wikilinks]]` read as their text. */
export function catalogueEntry(paper: Pick<Paper, 'id' | 'data' | 'body' | 'filePath'>, url: string, related: string[], links?: LinkIndex): CatalogueEntry {
  const { data } = paper;
  return {
    id: paper.id,
    url,
    title: data.title,
    abstract: data.abstract,
    topics: data.topics,
    sources: data.sources,
    status: data.status ?? null,
    tags: data.tags ?? [],
    rating: data.rating ?? null,
    links: data.links ?? [],
    authors: data.authors ?? [],
    year: data.year ?? null,
    venue: data.venue ?? null,
    arxiv: data.arxiv ?? null,
    doi: data.doi ?? null,
    // The notes as the page shows them: Markdown without what sanitizing removes (see src/papers/safe-notes.ts).
    notes: plainWikilinks(safeNotes(paper.body, { mdx: paper.filePath.endsWith('.mdx') }).markdown.trim(), links),
    related,
  };
}

/** The columns of `/papers.csv`, in order; lists are joined with `; `. */
export const CSV_COLUMNS = ['id', 'url', 'title', 'topics', 'status', 'rating', 'tags', 'sources', 'links', 'related', 'abstract', 'notes'] as const;

/**
 * A cell's text as spreadsheets will show it rather than run it: a value that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return (a formula, to Excel, LibreOffice and Google Sheets) gets a
 * leading `'`, OWASP's rule against CSV injection. Everything else is as it was.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field: spreadsheet-safe (`spreadsheetText`), and quoted as RFC 4180 asks when it holds a comma, quote or line break (or was made safe). */
export function csvField(value: string): string {
  const text = spreadsheetText(value);
  return text !== value || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A catalogue entry as the CSV row's plain strings. */
function csvValues(entry: CatalogueEntry): Record<(typeof CSV_COLUMNS)[number], string> {
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    topics: entry.topics.join('; '),
    status: entry.status ?? '',
    rating: entry.rating === null ? '' : String(entry.rating),
    tags: entry.tags.join('; '),
    sources: entry.sources.map((source) => `${source.dump}:${source.line}`).join('; '),
    links: entry.links.map((link) => link.url).join('; '),
    related: entry.related.join('; '),
    abstract: entry.abstract,
    notes: entry.notes,
  };
}

/** The catalogue as CSV: a header row, then one row per paper, CRLF line ends (RFC 4180); one piece per row. */
export function* csvRows(entries: Iterable<CatalogueEntry>): Generator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for (const entry of entries) {
    const values = csvValues(entry);
    yield `${CSV_COLUMNS.map((column) => csvField(values[column])).join(',')}\r\n`;
  }
}

/** `JSON.stringify(catalogue)`, a piece per paper, so no string of the whole catalogue is built. */
export function* catalogueJson(catalogue: Catalogue): Generator<string> {
  const { papers, ...head } = catalogue;
  // The fields before `papers` (it is the last), as JSON.stringify writes them, then the array one paper at a time.
  const fields = JSON.stringify(head).slice(1, -1);
  yield `{${fields}${fields ? ',' : ''}"papers":[`;
  let first = true;
  for (const paper of papers) {
    yield (first ? '' : ',') + JSON.stringify(paper);
    first = false;
  }
  yield ']}';
}

/**
 * A response whose body is `pieces`, encoded a batch at a time as it is read. At 50,000 papers the
 * catalogue is 100 MB: no string of the whole file is ever made (as one string, the string, its
 * UTF-8 copy and the check that it is well formed took 8 s per file inside the build).
 */
export function streamedResponse(pieces: Iterable<string>, contentType: string): Response {
  const iterator = batches(pieces);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'Content-Type': contentType } });
}

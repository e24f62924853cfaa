/**
 * The catalogue others can reuse: every paper with its fields and topics, as
 * JSON (`/papers.json`, described by `/papers.schema.json`) and CSV (`/papers.csv`).
 */
import type { CatalogueEntry } from '../schema.ts';

/** The columns of `/papers.csv`, in order; lists are joined with `; `. */
export const CSV_COLUMNS = ['id', 'url', 'title', 'topics', 'status', 'rating', 'tags', 'sources', 'links', 'related', 'abstract', 'notes'] as const;

/** One CSV field, quoted as RFC 4180 asks when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
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

/** The catalogue as CSV: a header row, then one row per paper, CRLF line ends (RFC 4180). */
export function toCsv(entries: readonly CatalogueEntry[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const values = csvValues(entry);
    rows.push(CSV_COLUMNS.map((column) => csvField(values[column])).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The fields people add to a paper file, as the paper page shows them. */

/** Fields the page shows in their own place; everything else a person adds is listed generically. */
const SHOWN_ELSEWHERE = new Set([
  'title', 'abstract', 'topics', 'auto_topics', 'sources', 'status', 'tags', 'rating', 'links', 'noted',
  'authors', 'year', 'venue', 'arxiv', 'doi', 'url', 'pdf',
]);

const STATUS_LABELS: Record<string, string> = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
  skipped: 'Skipped',
};

/** "to-read" → "To read". */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? humanize(status);
}

/** "five stars" for screen readers and ★★★★☆ for the eye. */
export function ratingStars(rating: number): { stars: string; label: string } {
  const filled = Math.max(0, Math.min(5, Math.round(rating)));
  return { stars: '★'.repeat(filled) + '☆'.repeat(5 - filled), label: `${filled} out of 5` };
}

/** `reading_group` → "Reading group". */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Extra fields a person added that the schema does not name, as label/value text (never HTML). */
export function otherPersonFields(data: Record<string, unknown>): { label: string; value: string }[] {
  const fields: { label: string; value: string }[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (SHOWN_ELSEWHERE.has(key)) continue;
    const text = fieldText(value);
    if (text) fields.push({ label: humanize(key), value: text });
  }
  return fields;
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(fieldText).filter(Boolean).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Escaping for HTML written as strings (see `paper-html.ts`), the same way
 * Astro escapes `{expressions}`, so a fragment reads the same whichever renders it.
 */

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text inside an element: `& < > ' "` become entities. */
export function escapeText(value: string | number): string {
  return String(value).replace(/[&<>'"]/g, (char) => TEXT_ESCAPES[char]!);
}

/** An attribute value in double quotes: `&` and `"` become entities. */
export function escapeAttribute(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

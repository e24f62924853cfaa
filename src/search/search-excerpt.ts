/**
 * Pagefind excerpts are HTML with `<mark>` around matched words. The search page
 * shows them through text nodes only, so nothing in an excerpt can ever run.
 */

/** A run of excerpt text, highlighted or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Pagefind writes into excerpts. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Splits an excerpt into plain and highlighted runs; any other tag is kept as visible text. */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/i)) {
    if (/^<mark>$/i.test(piece)) mark = true;
    else if (/^<\/mark>$/i.test(piece)) mark = false;
    else if (piece) parts.push({ text: decodeEntities(piece), mark });
  }
  return parts;
}

/**
 * Drops the page title from the start of an excerpt: Pagefind indexes the title
 * as the page's first heading, so excerpts near the top repeat it ("Title. …"),
 * or its last words when the excerpt window starts inside it.
 */
export function withoutLeadingTitle(parts: ExcerptPart[], title: string): ExcerptPart[] {
  const plain = parts.map((part) => part.text).join('');
  const words = title.trim().split(/\s+/).filter(Boolean);
  let skip = 0;
  for (let first = 0; first < words.length && skip === 0; first++) {
    // The whole title may end without a full stop; a tail of it must end with one.
    if (first > 0 && words.length - first < 2) break;
    const tail = words.slice(first).map(escapeRegExp).join('\\s+');
    const match = new RegExp(`^\\s*${tail}${first === 0 ? '[.:]?' : '[.:]'}\\s*`, 'i').exec(plain);
    if (match && match[0].length < plain.length) skip = match[0].length;
  }
  if (skip === 0) return parts;
  const rest: ExcerptPart[] = [];
  for (const part of parts) {
    if (skip >= part.text.length) {
      skip -= part.text.length;
      continue;
    }
    rest.push({ text: part.text.slice(skip), mark: part.mark });
    skip = 0;
  }
  return rest;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Readable, unique file names for papers. */

const MAX_SLUG_LENGTH = 80;

/**
 * Turns a title into a URL- and file-safe slug: lower-case ASCII words
 * joined by hyphens, cut at a word boundary. Returns '' when nothing
 * readable is left (a title in CJK, say); see `uniqueSlug` for the fallback.
 */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= MAX_SLUG_LENGTH) return words;
  const cut = words.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/** A short, stable hash (FNV-1a, base 36) of a string, for slugs of titles with no ASCII words. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/**
 * A slug for `title` that is not in `taken`: the plain slug, else the slug
 * with `-2`, `-3`, … Stable because existing files keep their names and new
 * papers are named in dump order.
 */
export function uniqueSlug(title: string, key: string, taken: ReadonlySet<string>): string {
  const base = slugify(title) || `paper-${shortHash(key)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

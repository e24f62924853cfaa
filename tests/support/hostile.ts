/**
 * Hostile input for the fuzz tests: seeded listings whose titles and abstracts hold YAML's special
 * characters, markup, script, spreadsheet formulas and odd Unicode; and the hand edits a careless or
 * hostile contributor makes (notes, fields, links, a changed title, a paper added by hand, broken YAML).
 * Also what "no payload escaped" means for an HTML output.
 */
import type { HTMLElement } from 'node-html-parser';

/** A small, fast, seeded generator (mulberry32): the same seed gives the same cases on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text that means something to YAML, HTML, MDX, spreadsheets or a terminal. */
export const PAYLOADS = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"><svg onload=alert(3)>', 'javascript:alert(4)', '<iframe src=//evil.example>',
  '=1+2', '@SUM(A1)', '+cmd', '-1+1', '=HYPERLINK("http://evil.example")', '{alert(5)}', '{{7*7}}', '${7*7}', '&amp; &lt;', '<!-- c -->', ']]>',
  "It's", '"quoted"', '#hash', 'a: b', '- dash', '---', '...', '|', '>', '*alias', '&anchor', '!tag', '!!str', '%dir', '@at', '`tick', '~', '? key',
  'null', 'yes', 'off', '2024-01-02', '1e3', '0x1F', '1_000', '<<', 'trailing:', '\\back', '\u202Eevil', 'zero\u200Bwidth', '🙂', '数据集', 'ÿ',
];

const WORDS = ['Scaling', 'Long', 'Context', 'Attention', 'Reasoning', 'Memory', 'Models', 'Retrieval', 'Test-Time', 'Credit', 'Windows', 'Chains'];

export interface Random {
  next: () => number;
  int: (below: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
}

export function random(seed: number): Random {
  const next = seededRandom(seed);
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

/** A title-shaped line: words and payloads, no final full stop; sometimes a payload alone. */
export function hostileTitle(r: Random): string {
  if (r.chance(0.15)) return r.pick(PAYLOADS.filter((payload) => /\p{L}|\p{N}/u.test(payload)));
  const parts = Array.from({ length: 2 + r.int(5) }, () => (r.chance(0.4) ? r.pick(PAYLOADS) : r.pick(WORDS)));
  return parts.join(' ').replace(/[.\s]+$/, '');
}

/** A prose line (an abstract): sentences with payloads in them. */
export function hostileAbstract(r: Random): string {
  return Array.from({ length: 2 + r.int(3) }, () => `We ${r.pick(['study', 'scale', 'test'])} ${r.pick(WORDS).toLowerCase()} with ${r.pick(PAYLOADS)} inside it.`).join(' ');
}

/** A note body as a person might write it, with markup and payloads, sometimes without a final newline. */
export function hostileNote(r: Random): string {
  const lines = Array.from({ length: 1 + r.int(4) }, () => (r.chance(0.5) ? r.pick(PAYLOADS) : `Note: ${r.pick(WORDS)} ${r.pick(PAYLOADS)}`));
  return `\n${lines.join('\n\n')}${r.chance(0.7) ? '\n' : ''}`;
}

/** A dump of `count` listings (some of them the same paper again, in other case; some whose titles make the same file name), in one of the layouts pages are copied in. */
export function hostileDump(r: Random, count: number): { text: string; titles: string[] } {
  const titles: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const roll = r.next();
    if (roll < 0.12 && titles.length > 0) titles.push(r.pick(titles).toUpperCase());
    else if (roll < 0.22 && titles.length > 0) titles.push(`${r.pick(titles).replace(/ /g, '-')}!`);
    else titles.push(hostileTitle(r));
  }
  const eol = r.chance(0.2) ? '\r\n' : '\n';
  const blocks = titles.map((title) => `${r.chance(0.1) ? 'Subscribe' : ''}${title}${eol}${r.chance(0.8) ? eol : ''}${hostileAbstract(r)}${eol}`);
  return { text: `${r.chance(0.1) ? '\uFEFF' : ''}${r.chance(0.3) ? `new${eol}${eol}` : ''}${blocks.join(eol)}`, titles };
}

/** A link as a person might add one: mostly good, sometimes with a scheme that must never reach a page. */
export function hostileUrl(r: Random): { url: string; safe: boolean } {
  const bad = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/', '/\\evil.example'];
  const good = ['https://github.com/x/y', 'http://example.org/a?b=1&c="2"', '/papers/other/', 'https://example.org/<script>'];
  return r.chance(0.3) ? { url: r.pick(bad), safe: false } : { url: r.pick(good), safe: true };
}

const SAFE_URL = /^(?:https?:\/\/|\/(?!\/)|#)/i;

/**
 * What escaped its text in an HTML document: elements that run or load something, `on…` attributes,
 * and addresses with another scheme. Empty when every payload stayed text.
 */
export function unsafeHtml(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    // The site's own bundled scripts (a component's <script>, built to /_astro/) may sit in the page; no other script may.
    const bundled = tag === 'script' && /^(\/[^/]+)*\/_astro\/[\w.-]+\.js$/.test(element.getAttribute('src') ?? '') && element.text.trim() === '';
    if (['script', 'iframe', 'object', 'embed', 'img', 'style', 'base'].includes(tag) && !bundled) found.push(`<${tag}>`);
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) found.push(`${tag}[${name}]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name.toLowerCase()) && !SAFE_URL.test(value)) found.push(`${tag}[${name}=${value}]`);
    }
  }
  return found;
}

/**
 * A note's source with what the page would not show taken out, and a line for
 * each thing taken out: what `npm run check` reports, and what the catalogue,
 * feeds and search index carry instead of the raw body.
 *
 * The page sanitizes the rendered note (`sanitize.ts`); this finds the same
 * things in the Markdown, by the same schema: raw HTML tags (as CommonMark reads
 * them) whose element or attributes the schema drops, and links, images and link
 * definitions whose address is not http(s) or a path on this site. Code spans and
 * code blocks are Markdown text, not HTML, and are left alone. In an `.mdx` note,
 * JSX with HTML tag names is judged the same way; imports, exports, expressions
 * and components are code, listed for the reviewer.
 */
import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Diagnostic } from '../ingest/diagnostics.ts';
import { paperBody } from './frontmatter.ts';
import { droppedJsxAttributes, isHtmlJsx, judgeElement, jsxElement, type JsxNode } from './sanitize.ts';

/** One thing taken out of a note: where (0-based offsets into the body, 1-based line), what, and what to write instead. */
export interface NoteRemoval {
  start: number;
  end: number;
  replacement: string;
  line: number;
  message: string;
  fix: string;
}

/** A piece of an `.mdx` note that runs at build time. */
export interface NoteCode {
  line: number;
  code: string;
}

/** A note made safe: its Markdown without what the page drops, each removal, and (MDX) the code a reviewer must read. */
export interface SafeNotes {
  markdown: string;
  removals: NoteRemoval[];
  code: NoteCode[];
}

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze();
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).freeze();

// CommonMark's raw HTML: an open tag (attributes as it defines them), a closing tag, or a comment.
const ATTRIBUTE = String.raw`\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?`;
const TAG = new RegExp(String.raw`<!--[\s\S]*?-->|<([A-Za-z][A-Za-z0-9-]*)((?:${ATTRIBUTE})*)\s*\/?>|<\/([A-Za-z][A-Za-z0-9-]*)\s*>`, 'g');

const URL_FIX = 'link to an http(s) address or a path on this site, e.g. [text](https://…) or [text](/papers/<slug>/)';

/** Why a stripped element goes, and what to write instead. */
function strippedFix(name: string): string {
  if (name === 'script') return 'notes cannot run scripts; link to the code or a demo instead, e.g. [demo](https://…)';
  if (name === 'style') return 'notes use the page’s own styles; use Markdown for emphasis, lists and tables';
  if (/^(?:iframe|frame|frameset|object|embed|applet)$/.test(name)) return 'notes cannot embed other pages; link to it instead, e.g. [video](https://…)';
  return 'write the content as Markdown';
}

/** What to write instead of a dropped attribute. */
function attributeFix(name: string, element: string): string {
  if (/^on/i.test(name)) return 'remove it: notes cannot run scripts';
  if (/^(?:href|src|cite|longdesc|srcset)$/i.test(name)) return element === 'img' ? 'use an http(s) address or a file on this site' : URL_FIX;
  if (name.toLowerCase() === 'style') return 'remove it: notes use the page’s own styles, and GitHub drops it too';
  return 'remove it: GitHub drops it too';
}

/** A value shortened for a message. */
function shown(value: string, max = 40): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The properties an open tag's attributes make (entities decoded, as the browser reads them). */
function tagElement(name: string, attributes: string): Element {
  const root = fromHtml(`<span${attributes}>`, { fragment: true });
  const span = root.children.find((child): child is Element => child.type === 'element');
  return { type: 'element', tagName: name, properties: span?.properties ?? {}, children: [] };
}

/** An open tag as the schema leaves it. */
function openTag(element: Element): string {
  return toHtml(element).replace(new RegExp(`</${element.tagName}>$`), '');
}

// Table parts are judged inside a table, where the Markdown they sit in puts them.
const TABLE_PART = /^(?:tbody|td|th|thead|tfoot|tr)$/;

/** The removals for the raw HTML of one Markdown `html` node, `offset` being where it starts in `body`. */
function htmlRemovals(body: string, value: string, offset: number, unwrapped: Set<string>): Omit<NoteRemoval, 'line'>[] {
  const removals: Omit<NoteRemoval, 'line'>[] = [];
  for (const match of value.matchAll(TAG)) {
    const start = offset + match.index;
    const end = start + match[0].length;
    const [, openName, attributes = '', closeName] = match;
    if (closeName) {
      if (unwrapped.has(closeName.toLowerCase())) removals.push({ start, end, replacement: '', message: '', fix: '' });
      continue;
    }
    if (!openName) continue;
    const name = openName.toLowerCase();
    const element = tagElement(name, attributes);
    const verdict = judgeElement(element, TABLE_PART.test(name) ? ['table'] : []);
    if (!verdict.keep && verdict.strip) {
      const close = new RegExp(`</${name}\\s*>`, 'i').exec(body.slice(end));
      const stop = close ? end + close.index + close[0].length : body.length;
      removals.push({ start, end: stop, replacement: '', message: `<${name}> is removed, with all it holds`, fix: strippedFix(name) });
    } else if (!verdict.keep) {
      unwrapped.add(name);
      removals.push({ start, end, replacement: '', message: `<${name}> is not an element notes may use (its content stays)`, fix: 'use Markdown, or an element GitHub allows: details, summary, kbd, sup, sub, ins, del, …' });
    } else {
      const dropped = attributeDifferences(element, verdict.properties, attributes);
      if (dropped.length === 0) continue;
      const kept: Element = { ...element, properties: verdict.properties };
      for (const [index, attribute] of dropped.entries()) {
        // One removal replaces the tag; each further attribute gets its own line, with no edit of its own.
        removals.push({ start, end: index === 0 ? end : start, replacement: index === 0 ? openTag(kept) : '', message: `${attribute.name}="${shown(attribute.value)}" on <${name}> is removed`, fix: attributeFix(attribute.name, name) });
      }
    }
  }
  return removals;
}

/** The attributes (as written) of an open tag whose value the schema changed or dropped. */
function attributeDifferences(element: Element, kept: Element['properties'], source: string): { name: string; value: string }[] {
  const written = [...source.matchAll(new RegExp(ATTRIBUTE, 'g'))].map((match) => {
    const [, name = '', value = ''] = /^\s+([^\s=]+)(?:\s*=\s*(.*))?$/s.exec(match[0]) ?? [];
    return { name, value: value.replace(/^(["'])([\s\S]*)\1$/, '$2') };
  });
  return written.filter(({ name }) => {
    const property = Object.keys(tagElement(element.tagName, ` ${name}="x"`).properties)[0];
    if (property === undefined) return true;
    return !(property in kept) || JSON.stringify(kept[property]) !== JSON.stringify(element.properties[property]);
  });
}

/** Whether the schema keeps `url` as a link's (`href`) or an image's (`src`) address. */
function keepsUrl(url: string, attribute: 'href' | 'src'): boolean {
  const verdict = judgeElement({ type: 'element', tagName: attribute === 'href' ? 'a' : 'img', properties: { [attribute]: url }, children: [] });
  return verdict.keep && attribute in verdict.properties;
}

/** The source text of a node's children (a link's text), or '' when it has none. */
function childrenSource(body: string, node: MdastNodes): string {
  if (!('children' in node) || node.children.length === 0) return '';
  const first = node.children[0]!.position?.start.offset;
  const last = node.children.at(-1)!.position?.end.offset;
  return first === undefined || last === undefined ? '' : body.slice(first, last);
}

/** The offset of the `index`-th line after the one holding `offset`. */
function lineOffset(body: string, offset: number, index: number): number {
  let at = offset;
  for (let line = 0; line < index; line += 1) at = body.indexOf('\n', at) + 1;
  return at;
}

/** Walks a Markdown tree, collecting removals and (MDX) code. */
function walk(body: string, node: MdastNodes, removals: Omit<NoteRemoval, 'line'>[], code: { offset: number; code: string }[], unwrapped: Set<string>): void {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  switch (node.type) {
    case 'html':
      removals.push(...htmlRemovals(body, node.value, start, unwrapped));
      return;
    case 'link':
      if (!keepsUrl(node.url, 'href')) removals.push({ start, end, replacement: childrenSource(body, node), message: `the link to "${shown(node.url)}" is removed (its text stays)`, fix: URL_FIX });
      break;
    case 'image':
      if (!keepsUrl(node.url, 'src')) {
        removals.push({ start, end, replacement: node.alt ?? '', message: `the image from "${shown(node.url)}" is removed`, fix: 'use an http(s) address or a file on this site' });
      }
      return;
    case 'definition':
      if (!keepsUrl(node.url, 'href')) removals.push({ start, end, replacement: '', message: `the link definition [${node.label ?? node.identifier}] to "${shown(node.url)}" is removed`, fix: URL_FIX });
      return;
    case 'mdxjsEsm':
      // Each statement line on its own, so the reviewer sees every import and export.
      body.slice(start, end).split('\n').forEach((line, index) => {
        if (line.trim()) code.push({ offset: lineOffset(body, start, index), code: line.trim() });
      });
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      code.push({ offset: start, code: body.slice(start, end) });
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const jsx = node as unknown as JsxNode;
      if (!isHtmlJsx(jsx)) code.push({ offset: start, code: `<${jsx.name ?? ''}${jsx.attributes.length > 0 ? ' …' : ''}>` });
      else {
        const verdict = judgeElement(jsxElement(jsx), TABLE_PART.test(jsx.name) ? ['table'] : []);
        if (!verdict.keep && verdict.strip) {
          removals.push({ start, end, replacement: '', message: `<${jsx.name}> is removed, with all it holds`, fix: strippedFix(jsx.name) });
          return;
        }
        if (!verdict.keep) {
          removals.push({ start, end, replacement: childrenSource(body, node), message: `<${jsx.name}> is not an element notes may use (its content stays)`, fix: 'use Markdown, or an element GitHub allows: details, summary, kbd, sup, sub, ins, del, …' });
          return;
        }
        const dropped = droppedJsxAttributes(jsx, verdict.properties);
        for (const attribute of jsx.attributes) {
          const at = attribute.position?.start.offset;
          if (attribute.type === 'mdxJsxAttribute' && dropped.has(attribute.name) && at !== undefined) {
            const value = typeof attribute.value === 'string' ? attribute.value : '';
            removals.push({ start: at, end: attribute.position!.end.offset!, replacement: '', message: `${attribute.name}="${shown(value)}" on <${jsx.name}> is removed`, fix: attributeFix(attribute.name, jsx.name) });
          } else if (attribute.type === 'mdxJsxExpressionAttribute' || (attribute.value && typeof attribute.value === 'object')) {
            code.push({ offset: at ?? start, code: at === undefined ? `<${jsx.name} …>` : body.slice(at, attribute.position!.end.offset) });
          }
        }
      }
      break;
    }
    default:
  }
  if ('children' in node) for (const child of node.children) walk(body, child as MdastNodes, removals, code, unwrapped);
}

const cache = new Map<string, SafeNotes>();

/**
 * `body` (a note's Markdown, or MDX when `mdx`) without what the page would not show, with a removal for each
 * thing taken out and, for MDX, each piece of code. Throws when an MDX note does not parse.
 */
export function safeNotes(body: string, { mdx = false } = {}): SafeNotes {
  // Nothing to judge without a tag, a scheme's colon (or a character reference that could make one), or MDX code.
  if (!/[<:&]/.test(body) && !(mdx && /[{}]|^(?:import|export)\s/m.test(body))) return { markdown: body, removals: [], code: [] };
  const key = `${mdx ? 'x' : 'm'}${body}`;
  const known = cache.get(key);
  if (known) return known;
  const tree = (mdx ? mdxParser : markdownParser).parse(body) as MdastRoot;
  const found: Omit<NoteRemoval, 'line'>[] = [];
  const code: { offset: number; code: string }[] = [];
  walk(body, tree, found, code, new Set());
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Apply the edits in order; an edit inside text already removed is dropped with it, but still reported.
  const lineStarts = [0, ...[...body.matchAll(/\n/g)].map((match) => match.index + 1)];
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line += 1;
    return line + 1;
  };
  let markdown = '';
  let at = 0;
  const removals: NoteRemoval[] = [];
  for (const removal of found) {
    if (removal.start >= at) {
      markdown += body.slice(at, removal.start) + removal.replacement;
      at = removal.end;
    }
    if (removal.message) removals.push({ ...removal, line: lineOf(removal.start) });
  }
  markdown += body.slice(at);
  const result = { markdown, removals, code: code.map((piece) => ({ line: lineOf(piece.offset), code: piece.code })) };
  if (cache.size > 10_000) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * What `npm run check` says about the notes of each paper file: an error for each thing the page would
 * remove, naming the file's line; for an `.mdx` note, a warning for each piece of code that runs at build time.
 */
export function checkNotes(paths: readonly string[]): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const file of paths) {
    const text = readFileSync(file, 'utf8');
    const body = paperBody(text);
    if (body.trim() === '') continue;
    // The body's first line in the file.
    const first = text.slice(0, text.length - body.length).split('\n').length;
    const mdx = file.endsWith('.mdx');
    let notes: SafeNotes;
    try {
      notes = safeNotes(body, { mdx });
    } catch (error) {
      const place = (error as { line?: number }).line;
      errors.push({ file, line: place ? first + place - 1 : undefined, message: `the MDX does not parse: ${(error as { reason?: string }).reason ?? (error as Error).message}`, fix: 'fix the JSX or expression, or rename the file to .md for plain Markdown' });
      continue;
    }
    for (const removal of notes.removals) errors.push({ file, line: first + removal.line - 1, message: removal.message, fix: removal.fix });
    for (const piece of notes.code) {
      warnings.push({ file, line: first + piece.line - 1, message: `runs at build time: ${shown(piece.code, 80)}`, fix: 'a maintainer reads every .mdx change before merging; plain Markdown in a .md file runs nothing' });
    }
  }
  return { errors, warnings };
}

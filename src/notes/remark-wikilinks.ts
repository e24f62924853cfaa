/**
 * The remark plugin that renders `[[wikilinks]]` in notes (Markdown and MDX: both use the site's
 * Markdown processor, astro.config.mjs) as ordinary links to the paper's or topic's page under the
 * site's base. What a link names is decided by `resolveWikilink`, against an index of every paper's
 * and topic's title read once per build (and again in `astro dev` when a file is added or removed).
 * A link that names nothing, or several papers, shows its text without brackets, marked as broken;
 * `npm run check` (which the build runs first) reports it with the file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { PAPERS_DIR, TOPICS_DIR } from '../papers/content-dir.ts';
import { joinBase, paperPath } from '../site/urls.ts';
import { buildLinkIndex, findWikilinks, resolveWikilink, wikilinkText, type LinkIndex } from './wikilinks.ts';

/** Options: the site's base path (`BASE_PATH`), and where the papers and topics are. */
export interface RemarkWikilinksOptions {
  base?: string;
  papersDir?: string;
  topicsDir?: string;
}

/** Turns each `[[…]]` in a note's text into a link (see the module comment). */
export default function remarkWikilinks(options: RemarkWikilinksOptions = {}) {
  const { base = '/', papersDir = PAPERS_DIR, topicsDir = TOPICS_DIR } = options;
  return (tree: Root) => {
    let index: LinkIndex | undefined;
    const visit = (node: Parent) => {
      for (let at = 0; at < node.children.length; at += 1) {
        const child = node.children[at]!;
        if (child.type === 'text' && child.value.includes('[[')) {
          index ??= readLinkIndex(papersDir, topicsDir);
          const replaced = linkNodes(child, index, base);
          if (replaced) {
            node.children.splice(at, 1, ...(replaced as typeof node.children));
            at += replaced.length - 1;
          }
        } else if ('children' in child && child.type !== 'link' && child.type !== 'linkReference') {
          visit(child as Parent);
        }
      }
    };
    visit(tree);
  };
}

/** A text node's wikilinks as link nodes between the text around them; undefined when it has none. */
function linkNodes(node: Text, index: LinkIndex, base: string): PhrasingContent[] | undefined {
  const links = findWikilinks(node.value);
  if (links.length === 0) return undefined;
  const nodes: PhrasingContent[] = [];
  let at = 0;
  for (const link of links) {
    if (link.index > at) nodes.push({ type: 'text', value: node.value.slice(at, link.index) });
    const resolution = resolveWikilink(index, link.target);
    const text: Text = { type: 'text', value: wikilinkText(link, resolution) };
    if (resolution.kind === 'paper' || resolution.kind === 'topic') {
      const path = resolution.kind === 'paper' ? paperPath(resolution.id) : `topics/${resolution.id}/`;
      nodes.push({ type: 'link', url: joinBase(base, path), children: [text], data: { hProperties: { className: ['wikilink'] } } });
    } else {
      // Shown as text, never as brackets: `npm run check` stops the build before a reader sees it.
      nodes.push({ type: 'emphasis', children: [text], data: { hName: 'span', hProperties: { className: ['wikilink', 'broken'], title: 'This link names no paper' } } });
    }
    at = link.index + link.length;
  }
  if (at < node.value.length) nodes.push({ type: 'text', value: node.value.slice(at) });
  return nodes;
}

let cached: { key: string; index: LinkIndex } | undefined;

/**
 * The index of every paper's and topic's title, read from their files' frontmatter once per process;
 * read again when a folder's listing changes (a paper added or removed in `astro dev`).
 */
export function readLinkIndex(papersDir: string, topicsDir: string): LinkIndex {
  const key = [papersDir, topicsDir].map((dir) => `${dir}:${mtime(dir)}`).join('|');
  if (cached?.key === key) return cached.index;
  const index = buildLinkIndex(readTitles(papersDir, true), readTitles(topicsDir, false));
  cached = { key, index };
  return index;
}

function mtime(dir: string): number {
  try {
    return statSync(dir).mtimeMs;
  } catch {
    return 0;
  }
}

/** `{ id, title }` of each `.md`/`.mdx` file in `dir` (and its subfolders with `recursive`); a file without a title is named by its slug. */
function readTitles(dir: string, recursive: boolean): { id: string; title: string }[] {
  const found: { id: string; title: string }[] = [];
  let names: string[];
  try {
    names = readdirSync(dir, { recursive, encoding: 'utf8' });
  } catch {
    return found;
  }
  for (const name of names) {
    if (!/\.mdx?$/.test(name)) continue;
    const id = name.replace(/^.*[\\/]/, '').replace(/\.mdx?$/, '');
    let title: string | undefined;
    try {
      title = frontmatterTitle(readFileSync(join(dir, name), 'utf8'));
    } catch {
      // An unreadable file or frontmatter: `npm run check` reports it; here it is linked by its slug alone.
    }
    found.push({ id, title: title ?? id });
  }
  return found;
}

/** The `title` of a file's YAML frontmatter, reading only that field's lines (a title is one key, maybe folded over lines). */
export function frontmatterTitle(text: string): string | undefined {
  const match = /^---\r?\n(?:[\s\S]*?\n)?(title:[^\n]*(?:\n[ \t]+[^\n]*)*)/.exec(text);
  if (!match) return undefined;
  const end = text.search(/\n---\r?(?:\n|$)/);
  if (end !== -1 && match.index + match[0].length > end + 1) return undefined;
  const value = (yaml.load(match[1]!, { schema: yaml.CORE_SCHEMA }) as { title?: unknown } | null)?.title;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * Stamping pages into a shell. Astro renders one page of a route with tokens
 * where the per-page parts go (title, description, extra head elements, the
 * main column, the page's own path); the build then fills that shell for each
 * page. This is how most paper pages get written (see
 * `src/integrations/paper-pages.ts`): the shell carries everything Astro adds
 * to a page (bundled styles and scripts, the layout), and the parts come from
 * the same renderer Astro uses for the others (`paper-html.ts`).
 */
import type { BuiltFile } from './precache.ts';
import { escapeAttribute, escapeText } from './html.ts';

/** The slug of the shell page Astro renders in place of a paper; the build removes it. */
export const SHELL_SLUG = 'shelf-page-shell';

/** What the shell page passes to the layout. */
export const SHELL_TOKENS = {
  title: 'SHELF-SHELL-TITLE',
  description: 'SHELF-SHELL-DESCRIPTION',
  head: '<!--shelf-shell-head-->',
  main: '<!--shelf-shell-main-->',
} as const;

/** A page's parts, for `fillShell`. */
export interface ShellPage {
  slug: string;
  title: string;
  description: string;
  head: string;
  main: string;
}

type Piece = string | { part: 'title' | 'description' | 'head' | 'main' | 'slug' };

/** A rendered shell, cut at its tokens. */
export interface PageShell {
  pieces: Piece[];
}

/** The text of the `<title>` element for a page title: "X · Shelf"; the home page's is "Shelf — reading list". */
export function documentTitle(title: string): string {
  return title === 'Shelf' ? 'Shelf — reading list' : `${title} · Shelf`;
}

/** Slugs that appear in a page's path exactly as written, so stamping can place them (ingest makes only these). */
export function isStampableSlug(slug: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(slug) && slug !== SHELL_SLUG;
}

/** Cuts the shell page's HTML at its tokens; throws if one is missing or repeated (the layout changed under the shell). */
export function parseShell(html: string, file = 'the shell page'): PageShell {
  const markers: [string, Piece][] = [
    [escapeText(documentTitle(SHELL_TOKENS.title)), { part: 'title' }],
    [SHELL_TOKENS.description, { part: 'description' }],
    [SHELL_TOKENS.head, { part: 'head' }],
    [SHELL_TOKENS.main, { part: 'main' }],
  ];
  for (const [marker] of markers) {
    const count = html.split(marker).length - 1;
    if (count !== 1) {
      throw new Error(`${file}: expected "${marker}" once, found it ${count} times. The layout must show the page's title, description, head slot and content once each.`);
    }
  }
  let pieces: Piece[] = [html];
  for (const [marker, piece] of [...markers, [`/${SHELL_SLUG}/`, { part: 'slug' }] as [string, Piece]]) {
    pieces = pieces.flatMap((current) => {
      if (typeof current !== 'string') return [current];
      const cut = current.split(marker);
      return cut.flatMap((text, index) => (index === 0 ? [text] : [piece, text]));
    });
  }
  return { pieces: pieces.filter((piece) => piece !== '') };
}

/** The shell filled with one page's parts; `title` and `description` are text, `head` and `main` HTML. */
export function fillShell(shell: PageShell, page: ShellPage): string {
  let html = '';
  for (const piece of shell.pieces) {
    if (typeof piece === 'string') html += piece;
    else if (piece.part === 'title') html += escapeText(documentTitle(page.title));
    else if (piece.part === 'description') html += escapeAttribute(page.description);
    else if (piece.part === 'slug') html += `/${page.slug}/`;
    else html += page[piece.part];
  }
  return html;
}

/** Pages for the build to stamp, offered by the route that renders the shell. */
export interface StampJob {
  /** The route folder under the output, e.g. `papers`. */
  folder: string;
  /** The pages, rendered one at a time as they are written. */
  pages(): Iterable<ShellPage>;
}

// The route (in the prerender bundle) and the integration are separate module instances: hand over through globalThis.
const KEY = Symbol.for('shelf.stamp-job');
type Registry = { [KEY]?: StampJob };

/** Offers the pages to stamp; `undefined` withdraws the offer. */
export function offerStampJob(job: StampJob | undefined): void {
  (globalThis as Registry)[KEY] = job;
}

/** The pages offered to stamp, if any, withdrawing the offer. */
export function takeStampJob(): StampJob | undefined {
  const job = (globalThis as Registry)[KEY];
  (globalThis as Registry)[KEY] = undefined;
  return job;
}

const WRITTEN_KEY = Symbol.for('shelf.stamped-files');
type WrittenRegistry = { [WRITTEN_KEY]?: readonly BuiltFile[] };

/**
 * Records the files stamping wrote (URLs under the output folder, `papers/x/index.html`, and sizes),
 * one `index.html` alone in each page's folder. The service worker
 * lists the build from here rather than opening every page's folder again (50,000 folders: 2 s).
 */
export function recordStampedFiles(files: readonly BuiltFile[]): void {
  (globalThis as WrittenRegistry)[WRITTEN_KEY] = files;
}

/** The files recorded by `recordStampedFiles` (none if nothing was stamped), forgetting them. */
export function takeStampedFiles(): readonly BuiltFile[] {
  const files = (globalThis as WrittenRegistry)[WRITTEN_KEY] ?? [];
  (globalThis as WrittenRegistry)[WRITTEN_KEY] = undefined;
  return files;
}

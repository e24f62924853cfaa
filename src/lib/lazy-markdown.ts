/**
 * Most papers have no notes, so their Markdown body is empty; Astro's glob
 * loader still runs the whole remark/rehype pipeline (KaTeX included) on each
 * of them while syncing content, about a millisecond apiece. This wraps a
 * loader so that empty `.md` bodies get an empty rendering without the
 * pipeline, and so that the usual frontmatter block is split from the body
 * without the regular expressions Astro uses for every layout (`quickEntryInfo`).
 * Everything else (validation, the store, `.mdx`) is the loader's own. It
 * relies on the `entryTypes` map Astro 7 passes to loaders (not part of the
 * documented LoaderContext); without it, the loader runs as is.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { load as loadYaml } from 'js-yaml';

interface RenderInput {
  body?: string;
  data: Record<string, unknown>;
}
/** What Astro's Markdown entry type reads from a file. */
export interface EntryInfo {
  data: Record<string, unknown>;
  body: string;
  slug: unknown;
  rawData: string;
}
interface EntryType {
  getEntryInfo?: (input: { contents: string; fileUrl: URL }) => Promise<EntryInfo>;
  getRenderFunction?: (config: unknown) => Promise<((entry: RenderInput) => Promise<unknown>) | undefined>;
}

/** What Astro's Markdown renderer returns for an empty body, less the frontmatter copy it keeps for remark plugins (no body, no plugins). */
export function emptyRendering() {
  return { html: '', metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], imagePaths: [], frontmatter: {} } };
}

/**
 * Astro's Markdown `getEntryInfo` for a file that opens with `---` and whose block closes with `---`
 * (every file ingest writes): the same data, body, slug and raw YAML, by the same YAML parser.
 * Astro finds the block with a lazy regular expression, then rewrites it as spaces (to keep line
 * numbers) only to trim them off the body: 0.85 s of the main thread at 10,000 papers, besides the
 * YAML. Anything else (a byte-order mark, `+++`, no closing line, bad YAML) is left to Astro,
 * which reports YAML errors with their line; `undefined` says so.
 */
export function quickEntryInfo(contents: string): EntryInfo | undefined {
  if (!contents.startsWith('---')) return undefined;
  // Astro's block ends at the first line that starts with `---` or `+++`.
  const close = contents.indexOf('\n---', 3);
  const plus = contents.indexOf('\n+++', 3);
  if (close === -1 || (plus !== -1 && plus < close)) return undefined;
  const rawData = contents.slice(3, close + 1);
  let parsed: unknown;
  try {
    parsed = loadYaml(rawData);
  } catch {
    return undefined;
  }
  const data = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  return { data, body: contents.slice(close + 4).trim(), slug: data.slug, rawData };
}

/** The same loader, skipping the Markdown pipeline for `.md` entries whose body is empty, and reading their frontmatter with `quickEntryInfo`. */
export function skipEmptyMarkdown(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const entryTypes = (context as LoaderContext & { entryTypes?: unknown }).entryTypes;
      if (!(entryTypes instanceof Map) || !entryTypes.has('.md')) return loader.load(context);
      const markdown = entryTypes.get('.md') as EntryType;
      const astroEntryInfo = markdown.getEntryInfo;
      const lazy: EntryType = {
        ...markdown,
        ...(astroEntryInfo && { getEntryInfo: async (input) => quickEntryInfo(input.contents) ?? astroEntryInfo(input) }),
        getRenderFunction: async (config) => {
          const render = await markdown.getRenderFunction?.(config);
          return render && (async (entry) => (entry.body?.trim() ? render(entry) : emptyRendering()));
        },
      };
      return loader.load({ ...context, entryTypes: new Map([...entryTypes, ['.md', lazy]]) } as LoaderContext);
    },
  };
}

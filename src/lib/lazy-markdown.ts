/**
 * Most papers have no notes, so their Markdown body is empty; Astro's glob
 * loader still runs the whole remark/rehype pipeline (KaTeX included) on each
 * of them while syncing content, about a millisecond apiece. This wraps a
 * loader so that empty `.md` bodies get an empty rendering without the
 * pipeline. Everything else (parsing, validation, the store, `.mdx`) is the
 * loader's own. It relies on the `entryTypes` map Astro 7 passes to loaders
 * (not part of the documented LoaderContext); without it, the loader runs as is.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

interface RenderInput {
  body?: string;
  data: Record<string, unknown>;
}
interface EntryType {
  getRenderFunction?: (config: unknown) => Promise<((entry: RenderInput) => Promise<unknown>) | undefined>;
}

/** What Astro's Markdown renderer returns for an empty body, less the frontmatter copy it keeps for remark plugins (no body, no plugins). */
export function emptyRendering() {
  return { html: '', metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], imagePaths: [], frontmatter: {} } };
}

/** The same loader, skipping the Markdown pipeline for `.md` entries whose body is empty. */
export function skipEmptyMarkdown(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const entryTypes = (context as LoaderContext & { entryTypes?: unknown }).entryTypes;
      if (!(entryTypes instanceof Map) || !entryTypes.has('.md')) return loader.load(context);
      const markdown = entryTypes.get('.md') as EntryType;
      const lazy: EntryType = {
        ...markdown,
        getRenderFunction: async (config) => {
          const render = await markdown.getRenderFunction?.(config);
          return render && (async (entry) => (entry.body?.trim() ? render(entry) : emptyRendering()));
        },
      };
      return loader.load({ ...context, entryTypes: new Map([...entryTypes, ['.md', lazy]]) } as LoaderContext);
    },
  };
}

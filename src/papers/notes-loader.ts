/**
 * A content loader for the notes people write below a paper's frontmatter.
 * It stores only papers that have notes (most have none), so Astro renders
 * each note as it renders any Markdown or MDX entry, and the store stays small
 * however long the list is. The papers' fields reach the pages from
 * `load.ts`, not from here: an entry's `data` is empty.
 *
 * `.md` notes are rendered here with the site's Markdown pipeline
 * (`renderMarkdown`); `.mdx` notes are left for Astro to compile when a page
 * renders them, as its own glob loader does (`deferredRender`).
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { listPaperFiles } from '../ingest/io.ts';
import { paperBody } from './frontmatter.ts';

/** The notes of every paper file under `base` (subfolders too) that has any, as the `notes` collection. */
export function notesLoader({ base }: { base: string }): Loader {
  return {
    name: 'shelf-notes',
    load: async ({ store, config, renderMarkdown, generateDigest, logger, watcher }) => {
      const root = fileURLToPath(config.root);
      const dir = resolve(root, base);
      const sync = async () => {
        const seen = new Set<string>();
        for (const name of listPaperFiles(dir, { recursive: true })) {
          const path = join(dir, name);
          const body = paperBody(readFileSync(path, 'utf8'));
          if (body.trim() === '') continue;
          const id = name.replace(/^.*\//, '').replace(/\.mdx?$/, '');
          const filePath = relative(root, path).split(sep).join('/');
          seen.add(id);
          const digest = generateDigest(body);
          const existing = store.get(id);
          if (existing?.digest === digest && existing.filePath === filePath) {
            if (existing.deferredRender) store.addModuleImport(filePath);
            continue;
          }
          if (name.endsWith('.mdx')) {
            store.set({ id, data: {}, body, filePath, digest, deferredRender: true });
            store.addModuleImport(filePath);
          } else {
            try {
              const rendered = await renderMarkdown(body, { fileURL: pathToFileURL(path) });
              store.set({ id, data: {}, body, filePath, digest, rendered, assetImports: rendered.metadata?.imagePaths });
            } catch (error) {
              throw new Error(`${filePath}: the notes could not be rendered: ${(error as Error).message}`, { cause: error });
            }
          }
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
        return seen.size;
      };
      logger.info(`${await sync()} papers with notes`);
      // In `astro dev`, a note written, changed or deleted shows on the next page load, as with Astro's own loaders.
      watcher?.add(dir);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(dir) && /\.mdx?$/.test(path)) sync().catch((error: unknown) => logger.error((error as Error).message));
      });
    },
  };
}

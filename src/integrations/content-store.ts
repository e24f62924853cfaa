/**
 * Works around how Astro 7.3 hands the content store to the prerendered pages:
 * it inlines the whole store (`data-store.json`, about 3 KB a paper) into the
 * prerender bundle as one JavaScript string literal. The bundler then carries a
 * 150 MB module at 50,000 papers, and V8 scans a literal that size in 1 MB growth
 * steps, copying it each time: minutes spent before the first page is written
 * (profiled with perf: `Scanner::ScanString` → `LiteralBuffer` memmove). Astro's
 * experimental `collectionStorage: 'chunked'` splits the store, but its writer
 * encodes the store one character at a time (content sync went from 6 s to 48 s
 * at 10,000 papers). Related upstream reports: withastro/astro #13649, #13360.
 *
 * For `astro build` only, this loads that module as one that hands over the
 * store content sync left in memory (`src/lib/synced-store.ts`: the same entry
 * objects, no second copy), or else reads the file at prerender time: the same
 * data, read by `JSON.parse` rather than parsed as source. The site is static,
 * so the prerender bundle runs once, here, right after the store is written.
 * Its `load` hook runs before Astro's: replacing Astro's module in a
 * `transform` still cost Astro's reading, parsing and quoting of the store,
 * and the bundler's copy of the quoted source (10,000 papers: bundling 4.5 s
 * against 1.5 s).
 *
 * It also has Astro write the store file a piece at a time (`src/lib/store-file.ts`) rather than as one
 * string of the whole store, which held about 400 MB of heap at 50,000 papers as content sync ended.
 * Astro does not export its writer, so `astro build` has the `write` of its file writer replaced.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeStoreFile } from '../lib/store-file.ts';

/** Astro's id for the resolved content-store module (`astro:data-layer-content`). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/** The synced-store module (`src/lib/synced-store.ts`), which the pages' bundle includes. */
const SYNCED_STORE_MODULE = fileURLToPath(new URL('../lib/synced-store.ts', import.meta.url));

/**
 * The module source that gives the store content sync filled in this process (see `src/lib/synced-store.ts`),
 * else reads it from `file` when it is imported.
 */
export function storeModuleSource(file: string): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    `import { syncedCollections } from ${JSON.stringify(SYNCED_STORE_MODULE)};`,
    `export default syncedCollections() ?? JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
    '',
  ].join('\n');
}

type StoreWrite = (this: { target: URL | string }, collections: Map<string, Map<string, unknown>>) => Promise<boolean>;
const PATCHED = Symbol.for('shelf.store-writer');

/**
 * Replaces the `write` of Astro's store file writer (`FileWriter` in `astro/dist/content/data-store-writer.js`)
 * with `writeStoreFile`, falling back to Astro's own for a value it does not handle. Returns whether it could;
 * if Astro's module has moved, Astro keeps writing the store itself.
 */
export async function streamStoreWrites(): Promise<boolean> {
  try {
    const astroDir = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
    const { FileWriter } = await import(pathToFileURL(join(astroDir, 'dist/content/data-store-writer.js')).href);
    const prototype = FileWriter?.prototype as ({ write?: StoreWrite; [PATCHED]?: true } | undefined);
    const astroWrite = prototype?.write;
    if (!prototype || typeof astroWrite !== 'function') return false;
    if (prototype[PATCHED]) return true;
    prototype.write = async function (collections) {
      const file = this.target instanceof URL ? fileURLToPath(this.target) : this.target;
      return writeStoreFile(file, collections) || astroWrite.call(this, collections);
    };
    prototype[PATCHED] = true;
    return true;
  } catch {
    return false;
  }
}

/** The Astro integration. */
export default function contentStoreIntegration(): AstroIntegration {
  return {
    name: 'shelf:content-store',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const file = fileURLToPath(new URL('./data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'shelf:content-store-from-file',
                apply: 'build',
                // Ahead of Astro's own loader for the module (also `enforce: 'pre'`, listed first), which
                // would read the store, parse it to check it, and quote it into source, only to be replaced.
                enforce: 'pre',
                load: {
                  order: 'pre',
                  handler(id: string) {
                    // No store file (no content yet): Astro's own module, an empty store.
                    if (id !== DATA_STORE_MODULE_ID || !existsSync(file)) return null;
                    return { code: storeModuleSource(file), map: null };
                  },
                },
              },
            ],
          },
        });
        await streamStoreWrites();
      },
    },
  };
}

/**
 * Builds the Pagefind search index over the finished site, so `astro build` alone
 * yields a searchable `dist/`. What gets indexed is decided by the pages'
 * `data-pagefind-*` attributes (only paper pages carry `data-pagefind-body`).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** The Astro integration: runs Pagefind on `astro:build:done`. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'shelf:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(dir, logger);
      },
    },
  };
}

/** Reads every HTML file under `dir`, indexes the marked ones, writes the bundle to `dir/pagefind/`; returns the file count. */
export async function buildSearchIndex(dir: URL, logger: AstroIntegrationLogger): Promise<number> {
  const started = performance.now();
  try {
    const { index } = assertOk(await pagefind.createIndex({ forceLanguage: 'en' }));
    const { page_count } = assertOk(await index!.addDirectory({ path: fileURLToPath(dir) }));
    if (page_count === 0) throw new Error('Pagefind found no HTML pages to index.');
    assertOk(await index!.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) }));
    logger.info(`Pagefind read ${page_count} HTML files in ${Math.round(performance.now() - started)} ms.`);
    return page_count;
  } catch (cause) {
    throw new Error('Failed to run Pagefind.', { cause });
  } finally {
    await pagefind.close();
  }
}

/** Pagefind reports problems in `errors` instead of throwing; turn them into one error. */
function assertOk<T extends { errors: string[] }>(response: T): T {
  if (response.errors.length > 0) throw new Error(response.errors.join('\n'));
  return response;
}

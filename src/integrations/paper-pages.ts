/**
 * Writes the paper pages Astro did not render (see `src/lib/paper-pages.ts`):
 * at `astro:build:done` it reads the shell page Astro rendered, removes it, and
 * fills it with each offered page's parts, writing the pages one after another.
 * It also writes the catalogue files (`/papers.json`, `/papers.csv`) a batch at a
 * time over the empty ones Astro wrote (see `catalogueResponse`).
 * Must come before the integrations that read the pages (search index check,
 * service worker).
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { takeCatalogueFiles } from '../lib/catalogue.ts';
import { writePieces } from '../lib/pieces.ts';
import type { BuiltFile } from '../lib/precache.ts';
import { fillShell, parseShell, recordStampedFiles, SHELL_SLUG, takeStampJob, type StampJob } from '../lib/page-shell.ts';

/**
 * Stamps a job's pages into `outDir/<folder>/<slug>/index.html` from the shell rendered at `<folder>/<SHELL_SLUG>/`;
 * returns the files written.
 */
export async function stampPages(job: StampJob, outDir: string): Promise<BuiltFile[]> {
  const shellDir = join(outDir, job.folder, SHELL_SLUG);
  const shellFile = join(shellDir, 'index.html');
  const html = await readFile(shellFile, 'utf8').catch((cause: unknown) => {
    throw new Error(`Failed to write the ${job.folder} pages: Astro did not render their shell page (${shellFile}).`, { cause });
  });
  const shell = parseShell(html, shellFile);
  await rm(shellDir, { recursive: true, force: true });
  // Synchronous writes, one at a time: nothing else runs on this thread at build:done, and writes in
  // flight on libuv's threads spend more CPU on the folder's lock than they save (10,000 pages: 1.4 s and
  // 2.4 CPU-seconds with 16 in flight, 0.5 s and 0.5 CPU-seconds one at a time), CPU the search index needs.
  const written: BuiltFile[] = [];
  for (const page of job.pages()) {
    const folder = join(outDir, job.folder, page.slug);
    const html = fillShell(shell, page);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), html);
    written.push({ url: `${job.folder}/${page.slug}/index.html`, size: Buffer.byteLength(html) });
  }
  return written;
}

/** The Astro integration. */
export default function paperPagesIntegration(): AstroIntegration {
  return {
    name: 'shelf:paper-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const catalogue = takeCatalogueFiles();
        if (catalogue.length > 0) {
          const started = performance.now();
          const sizes: string[] = [];
          for (const file of catalogue) {
            const bytes = writePieces(join(fileURLToPath(dir), file.path), await file.pieces());
            sizes.push(`${file.path} (${(bytes / 2 ** 20).toFixed(1)} MiB)`);
          }
          logger.info(`Wrote ${sizes.join(' and ')} in ${Math.round(performance.now() - started)} ms.`);
        }
        const job = takeStampJob();
        if (!job) return;
        const started = performance.now();
        const written = await stampPages(job, fileURLToPath(dir));
        recordStampedFiles(written);
        logger.info(`Wrote ${written.length} pages under ${job.folder}/ from the shell Astro rendered, in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}

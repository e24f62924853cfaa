/**
 * Writes the paper pages Astro did not render (see `src/lib/paper-pages.ts`):
 * at `astro:build:done` it reads the shell page Astro rendered, removes it, and
 * fills it with each offered page's parts, several writes in flight at a time.
 * Must come before the integrations that read the pages (search index check,
 * service worker).
 */
import type { AstroIntegration } from 'astro';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillShell, parseShell, SHELL_SLUG, takeStampJob, type StampJob } from '../lib/page-shell.ts';

/** Writes in flight at once: enough to keep libuv's threads busy with folders and files. */
const IN_FLIGHT = 16;

/** Stamps a job's pages into `outDir/<folder>/<slug>/index.html` from the shell rendered at `<folder>/<SHELL_SLUG>/`. */
export async function stampPages(job: StampJob, outDir: string): Promise<number> {
  const shellDir = join(outDir, job.folder, SHELL_SLUG);
  const shellFile = join(shellDir, 'index.html');
  const html = await readFile(shellFile, 'utf8').catch((cause: unknown) => {
    throw new Error(`Failed to write the ${job.folder} pages: Astro did not render their shell page (${shellFile}).`, { cause });
  });
  const shell = parseShell(html, shellFile);
  await rm(shellDir, { recursive: true, force: true });
  const pages = job.pages()[Symbol.iterator]();
  let written = 0;
  const lane = async () => {
    for (let next = pages.next(); !next.done; next = pages.next()) {
      const folder = join(outDir, job.folder, next.value.slug);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'index.html'), fillShell(shell, next.value));
      written += 1;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return written;
}

/** The Astro integration. */
export default function paperPagesIntegration(): AstroIntegration {
  return {
    name: 'shelf:paper-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const job = takeStampJob();
        if (!job) return;
        const started = performance.now();
        const written = await stampPages(job, fileURLToPath(dir));
        logger.info(`Wrote ${written} pages under ${job.folder}/ from the shell Astro rendered, in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stampPages } from '../../src/integrations/paper-pages.ts';
import { documentTitle, SHELL_SLUG, SHELL_TOKENS, type ShellPage } from '../../src/lib/page-shell.ts';
import { tempDir } from '../support/temp-dir.ts';

const shell = `<title>${documentTitle(SHELL_TOKENS.title)}</title><meta content="${SHELL_TOKENS.description}">${SHELL_TOKENS.head}<main>${SHELL_TOKENS.main}</main>`;

function outDirWithShell(): string {
  const outDir = tempDir('stamp');
  mkdirSync(join(outDir, 'papers', SHELL_SLUG), { recursive: true });
  writeFileSync(join(outDir, 'papers', SHELL_SLUG, 'index.html'), shell);
  return outDir;
}

const pages: ShellPage[] = Array.from({ length: 40 }, (_, index) => ({
  slug: `paper-${index}`,
  title: `Paper ${index}`,
  description: `About ${index}`,
  head: '',
  main: `<article>${index}</article>`,
}));

describe('stampPages', () => {
  it('writes every page into the shell, each in its own folder, and removes the shell page', async () => {
    const outDir = outDirWithShell();
    let rendered = 0;
    const job = { folder: 'papers', *pages() { for (const page of pages) { rendered += 1; yield page; } } };
    const written = await stampPages(job, outDir);
    expect(rendered).toBe(40);
    const html = readFileSync(join(outDir, 'papers', 'paper-7', 'index.html'), 'utf8');
    expect(html).toBe('<title>Paper 7 · Shelf</title><meta content="About 7"><main><article>7</article></main>');
    // What it wrote, for the service worker's list: each page's URL and size in bytes (the "·" is two).
    expect(written).toHaveLength(40);
    expect(written[7]).toEqual({ url: 'papers/paper-7/index.html', size: Buffer.byteLength(html) });
    expect(written[7]!.size).toBe(html.length + 1);
    expect(existsSync(join(outDir, 'papers', 'paper-39', 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'papers', SHELL_SLUG))).toBe(false);
  });

  it('says which shell page is missing', async () => {
    const outDir = tempDir('stamp');
    const job = { folder: 'papers', pages: () => pages.slice(0, 1) };
    await expect(stampPages(job, outDir)).rejects.toThrow(`Astro did not render their shell page (${join(outDir, 'papers', SHELL_SLUG, 'index.html')})`);
  });

  it('fails on a page that cannot be rendered, naming the error', async () => {
    const outDir = outDirWithShell();
    const job = {
      folder: 'papers',
      *pages(): Iterable<ShellPage> {
        yield pages[0]!;
        throw new Error('papers/broken.md: cannot render');
      },
    };
    await expect(stampPages(job, outDir)).rejects.toThrow('papers/broken.md: cannot render');
  });
});

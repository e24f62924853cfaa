import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';

const logger = { info: () => {} } as unknown as AstroIntegrationLogger;
const dirs: string[] = [];

function site(pages: Record<string, string>): URL {
  const dir = mkdtempSync(join(tmpdir(), 'shelf-pagefind-'));
  dirs.push(dir);
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return pathToFileURL(`${dir}/`);
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('buildSearchIndex', () => {
  it('indexes only the pages marked as body and writes the bundle into pagefind/', async () => {
    const dir = site({
      'papers/a/index.html':
        '<html lang="en"><body><nav>chrome</nav><article data-pagefind-body><h1>Paper A</h1><a data-pagefind-filter="topic">Long context</a></article></body></html>',
      'index.html': '<html lang="en"><body><h1>Home</h1></body></html>',
    });
    await expect(buildSearchIndex(dir, logger)).resolves.toBe(2);
    expect(existsSync(new URL('pagefind/pagefind.js', dir))).toBe(true);
    const entry = JSON.parse(readFileSync(new URL('pagefind/pagefind-entry.json', dir), 'utf8'));
    expect(entry.languages.en.page_count).toBe(1);
  });

  it('wraps a failure in "Failed to run Pagefind." with the reason as its cause', async () => {
    const error = await buildSearchIndex(site({}), logger).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('Failed to run Pagefind.');
    expect(((error as Error).cause as Error).message).toMatch(/no HTML pages/);
  });
});

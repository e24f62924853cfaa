import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillTemplate, listBuiltFiles, MANIFEST_PLACEHOLDER, workerTemplate } from '../../src/offline/service-worker.ts';

const entries = [
  { url: 'index.html', revision: '0123456789abcdef0123456789abcdef' },
  { url: 'pagefind/fragment/en_abc1234.pf_fragment', revision: null },
  { url: 'papers/a-"quoted"-name\\/index.html', revision: null },
];

describe('workerTemplate', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'shelf-sw-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('bundles the worker with Workbox once, then reuses it from the cache folder', async () => {
    const first = await workerTemplate('/', cacheDir);
    expect(first.cached).toBe(false);
    expect(first.source).toContain(MANIFEST_PLACEHOLDER);
    expect(first.source).toContain('"/offline/index.html"');
    const second = await workerTemplate('/', cacheDir);
    expect(second).toEqual({ source: first.source, warnings: [], cached: true });
    expect(readdirSync(cacheDir)).toHaveLength(1);
  }, 60_000);

  it('bundles a new worker when the options change (another base)', async () => {
    const other = await workerTemplate('/shelf/', cacheDir);
    expect(other.cached).toBe(false);
    expect(other.source).toContain('"/shelf/offline/index.html"');
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.js'))).toHaveLength(2);
  }, 60_000);

  it('fills in the manifest where the placeholder was, as valid JavaScript', async () => {
    const { source } = await workerTemplate('/', cacheDir);
    const worker = fillTemplate(source, entries);
    expect(worker).not.toContain(MANIFEST_PLACEHOLDER);
    expect(worker).toContain('[{url:"index.html",revision:"0123456789abcdef0123456789abcdef"},{url:"pagefind/fragment/en_abc1234.pf_fragment",revision:null},');
    // Compiles (not run): quotes and backslashes in URLs are escaped.
    expect(() => new Function(worker)).not.toThrow();
    expect(worker.length).toBeGreaterThan(source.length);
  }, 60_000);
});

describe('fillTemplate', () => {
  const placeholder = `[{url:"${MANIFEST_PLACEHOLDER}",revision:null}]`;

  it('replaces the placeholder manifest and nothing else', () => {
    expect(fillTemplate(`precache(${placeholder});route();`, [{ url: 'a/', revision: null }])).toBe('precache([{url:"a/",revision:null}]);route();');
    expect(fillTemplate(`precache(${placeholder})`, [])).toBe('precache([])');
  });

  it('refuses a template without the placeholder, or with two, and says where to fix it', () => {
    expect(() => fillTemplate('precache([])', entries)).toThrow(/holds no placeholder manifest.*update PLACEHOLDER_LITERAL in src\/offline\/service-worker\.ts/);
    expect(() => fillTemplate(`${placeholder}${placeholder}`, entries)).toThrow(/holds more than one placeholder manifest/);
  });
});

describe('listBuiltFiles', () => {
  /** A build folder holding `files` (URL → text). */
  function buildWith(files: Record<string, string>): string {
    const outDir = mkdtempSync(join(tmpdir(), 'shelf-built-'));
    for (const [url, text] of Object.entries(files)) {
      mkdirSync(join(outDir, url, '..'), { recursive: true });
      writeFileSync(join(outDir, url), text);
    }
    return outDir;
  }

  it('lists every file but sw.js with its size, sorted by URL', () => {
    const outDir = buildWith({ 'index.html': 'home', 'sw.js': 'worker', 'papers/a/index.html': 'ä', 'pagefind/fragment/x.pf_fragment': '12345' });
    expect(listBuiltFiles(outDir)).toEqual([
      { url: 'index.html', size: 4 },
      { url: 'pagefind/fragment/x.pf_fragment', size: 5 },
      { url: 'papers/a/index.html', size: 2 },
    ]);
    rmSync(outDir, { recursive: true });
  });

  it('lists every page folder, nested ones too, with sizes, sorted by URL', () => {
    const outDir = buildWith({ 'papers/b/index.html': 'rendered by Astro', 'papers/a/index.html': 'a paper', 'papers/page/2/index.html': 'list' });
    const files = listBuiltFiles(outDir);
    expect(files).toEqual([
      { url: 'papers/a/index.html', size: 7 },
      { url: 'papers/b/index.html', size: 17 },
      { url: 'papers/page/2/index.html', size: 4 },
    ]);
    rmSync(outDir, { recursive: true });
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builds, readPage, readPapers, readSearchFragments, readTopics, searchShardDirs } from './builds.ts';

/** The precache manifest inlined in a built `sw.js`: URL (relative to the base) → revision (null for hashed names). */
function readPrecache(outDir: string): Map<string, string | null> {
  const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
  const entries = [...sw.matchAll(/\{url:"([^"]+)",revision:(null|"[0-9a-f]+")\}/g)];
  return new Map(entries.map(([, url, revision]) => [url!, revision === 'null' ? null : revision!.slice(1, -1)]));
}

describe.each(builds)('offline reading in the $name build', (build) => {
  const precache = readPrecache(build.outDir);
  const papers = readPapers(build);
  const topics = readTopics(build);

  it('has a service worker at the root of the base, where the pages register it', () => {
    expect(existsSync(join(build.outDir, 'sw.js'))).toBe(true);
    // The page's scripts, inline or bundled into a file under the base.
    const script = readPage(build, '')
      .querySelectorAll('script')
      .map((element) => {
        const src = element.getAttribute('src');
        return src ? readFileSync(join(build.outDir, src.slice(build.base.length)), 'utf8') : element.text;
      })
      .join('\n');
    expect(script).toContain('sw.js');
    expect(script).toContain('serviceWorker');
  });

  it('precaches the shell: home, topics, all papers, search, the offline and 404 pages, CSS, manifest and icons', () => {
    const shell = ['index.html', 'papers/index.html', 'search/index.html', 'offline/index.html', '404.html', 'manifest.webmanifest'];
    for (const slug of topics.keys()) shell.push(`topics/${slug}/index.html`);
    for (const url of shell) expect(precache.has(url), url).toBe(true);
    expect([...precache.keys()].filter((url) => /^_astro\/BaseLayout\.[^/]+\.css$/.test(url))).toHaveLength(1);
    // The search worker, which loads Pagefind: search works offline only with it.
    expect([...precache.keys()].filter((url) => /^_astro\/search-worker[^/]*\.js$/.test(url))).toHaveLength(1);
    expect([...precache.keys()].filter((url) => url.startsWith('icons/')).sort()).toEqual([
      'icons/icon-192.png',
      'icons/icon-512.png',
      'icons/icon.svg',
    ]);
  });

  it('precaches every file of the Pagefind index the search page loads', () => {
    const bundle = join(build.outDir, 'pagefind');
    // vocabulary.json: the index's words, which the search page loads for spelling suggestions.
    const expected = ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/vocabulary.json'];
    for (const file of readdirSync(bundle)) if (/\.pf_meta$|^wasm\..+\.pagefind$/.test(file)) expected.push(`pagefind/${file}`);
    for (const shard of searchShardDirs(build)) {
      const prefix = shard === bundle ? 'pagefind/' : `pagefind/${shard.split('/').pop()}/`;
      if (shard !== bundle) expected.push(`${prefix}pagefind-entry.json`);
      for (const file of readdirSync(shard)) if (shard !== bundle && /\.pf_meta$/.test(file)) expected.push(`${prefix}${file}`);
      // A shard whose papers have no topic has no filter folder (the fixture's first, of one paper).
      for (const folder of ['index', 'fragment', 'filter'].filter((name) => name !== 'filter' || existsSync(join(shard, name)))) {
        for (const file of readdirSync(join(shard, folder))) expected.push(`${prefix}${folder}/${file}`);
      }
    }
    expect(expected.some((url) => url.endsWith('.pf_meta'))).toBe(true);
    const missing = expected.filter((url) => !precache.has(url));
    expect(missing).toEqual([]);
    expect([...precache.keys()].filter((url) => url.startsWith('pagefind/') && !expected.includes(url))).toEqual([]);
  });

  it('revisions the unhashed Pagefind entry file by content, so an old worker never pairs it with a new index', () => {
    expect(precache.get('pagefind/pagefind-entry.json')).toMatch(/^[0-9a-f]{32}$/);
    expect(precache.get('pagefind/pagefind.js')).toMatch(/^[0-9a-f]{32}$/);
    for (const [url, revision] of precache) if (url.endsWith('.pf_fragment')) expect(revision, url).toBeNull();
  });

  it('precaches every paper page, since the site fits the budget', () => {
    const missing = papers.map((paper) => `papers/${paper.slug}/index.html`).filter((url) => !precache.has(url));
    expect(missing).toEqual([]);
  });

  it('falls back to the offline page under the base, and ignores query strings (search/?q=…, Pagefind’s ?ts=…)', () => {
    const sw = readFileSync(join(build.outDir, 'sw.js'), 'utf8');
    expect(sw).toContain(`"${build.base}offline/index.html"`);
    expect(sw).toMatch(/ignoreURLParametersMatching:\[\/\.\/\]/);
  });

  it('has a web app manifest whose start URL, scope and icons follow the base', () => {
    const manifest = JSON.parse(readFileSync(join(build.outDir, 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({ name: expect.any(String), short_name: 'Shelf', display: 'standalone' });
    expect(manifest.start_url).toBe(build.base);
    expect(manifest.scope).toBe(build.base);
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(['any', '192x192', '512x512']);
    for (const icon of manifest.icons as { src: string }[]) {
      expect(icon.src.startsWith(build.base), icon.src).toBe(true);
      expect(existsSync(join(build.outDir, icon.src.slice(build.base.length))), icon.src).toBe(true);
    }
    const png = readFileSync(join(build.outDir, 'icons/icon-512.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
  });

  it('links the manifest and sets a theme colour for light and dark on every kind of page', () => {
    const paths = ['', 'papers/', 'search/', 'offline/', '404.html', `papers/${papers[0]!.slug}/`];
    for (const path of paths) {
      const page = readPage(build, path);
      expect(page.querySelector('link[rel="manifest"]')?.getAttribute('href'), path).toBe(`${build.base}manifest.webmanifest`);
      const media = page.querySelectorAll('meta[name="theme-color"]').map((meta) => meta.getAttribute('media'));
      expect(media, path).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
      expect(page.querySelector('#offline-note[role="status"]'), path).not.toBeNull();
    }
  });

  it('has an offline page that links to what works offline and stays out of search', () => {
    const page = readPage(build, 'offline/');
    expect(page.querySelector('h1')?.text).toBe('This page isn’t saved yet');
    expect(readSearchFragments(build).some((fragment) => fragment.url.includes('offline'))).toBe(false);
    const links = page.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    expect(links).toEqual([build.base, `${build.base}papers/`, `${build.base}search/`]);
  });
});

import { describe, expect, it } from 'vitest';
import { classifyBuiltFile, DEFAULT_PRECACHE_BUDGET_BYTES, formatMiB, planPrecache, type BuiltFile } from '../../src/offline/precache.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

describe('classifyBuiltFile', () => {
  it.each([
    ['index.html', 'shell'],
    ['404.html', 'shell'],
    ['offline/index.html', 'shell'],
    ['search/index.html', 'shell'],
    ['papers/index.html', 'shell'],
    ['topics/long-cot/index.html', 'shell'],
    ['_astro/BaseLayout.BFKq71u0.css', 'shell'],
    ['_astro/KaTeX_Main-Regular.B22Nviop.woff2', 'shell'],
    ['icons/icon-192.png', 'shell'],
    ['manifest.webmanifest', 'shell'],
    ['papers/cafa-class-aware/index.html', 'paper'],
    ['pagefind/pagefind.js', 'search'],
    ['pagefind/pagefind-entry.json', 'search'],
    ['pagefind/pagefind.en_213872483d.pf_meta', 'search'],
    ['pagefind/wasm.en.pagefind', 'search'],
    ['pagefind/index/en_14ead61.pf_index', 'search'],
    ['pagefind/fragment/en_ff558ee.pf_fragment', 'search'],
    ['pagefind/filter/en_24cecc6.pf_filter', 'search'],
    ['pagefind/vocabulary.json', 'search'],
    ['pagefind/pagefind-ui.js', 'unused'],
    // The site searches in its own worker (a shell script in _astro/), not Pagefind's.
    ['pagefind/pagefind-worker.js', 'unused'],
    ['pagefind/pagefind-component-ui.css', 'unused'],
    // Later shards of a big index: their index files, not their copies of the scripts.
    ['pagefind/shard-2/pagefind-entry.json', 'search'],
    ['pagefind/shard-2/pagefind.en_1a2b3c.pf_meta', 'search'],
    ['pagefind/shard-2/index/en_14ead61.pf_index', 'search'],
    ['pagefind/shard-2/fragment/en_ff558ee.pf_fragment', 'search'],
    ['pagefind/shard-2/filter/en_24cecc6.pf_filter', 'search'],
    ['pagefind/shard-2/pagefind.js', 'unused'],
    ['pagefind/shard-2/wasm.en.pagefind', 'unused'],
    ['_astro/KaTeX_Main-Regular.Dr94JaBh.woff', 'unused'],
    ['_astro/KaTeX_Main-Regular.ypZvNtVU.ttf', 'unused'],
    ['notes.xml', 'unused'],
    ['sw.js', 'unused'],
  ])('classifies %s as %s', (url, role) => {
    expect(classifyBuiltFile(url)).toBe(role);
  });
});

describe('planPrecache', () => {
  const shell: BuiltFile[] = [
    { url: 'index.html', size: 10 * KiB },
    { url: 'offline/index.html', size: 4 * KiB },
    { url: '_astro/BaseLayout.css', size: 20 * KiB },
  ];
  const search: BuiltFile[] = [
    { url: 'pagefind/pagefind.js', size: 50 * KiB },
    { url: 'pagefind/pagefind-entry.json', size: 1 * KiB },
    { url: 'pagefind/fragment/en_1.pf_fragment', size: 2 * KiB },
  ];
  const papers = (count: number, size = 12 * KiB): BuiltFile[] =>
    Array.from({ length: count }, (_, i) => ({ url: `papers/p${i}/index.html`, size }));
  const unused: BuiltFile[] = [{ url: 'pagefind/pagefind-ui.js', size: 120 * KiB }, { url: 'notes.xml', size: 30 * KiB }];

  it('precaches the shell, the search index and every paper page when they fit the budget', () => {
    const files = [...shell, ...search, ...papers(327), ...unused];
    const plan = planPrecache(files, 25 * MiB);
    expect(plan.papersPrecached).toBe(true);
    expect(plan.precache).toHaveLength(shell.length + search.length + 327);
    expect(plan.deferred).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.totalBytes).toBe(87 * KiB + 327 * 12 * KiB);
  });

  it('leaves out files the site never loads', () => {
    const urls = planPrecache([...shell, ...search, ...unused]).precache.map((file) => file.url);
    expect(urls).not.toContain('pagefind/pagefind-ui.js');
    expect(urls).not.toContain('notes.xml');
  });

  it('defers every paper page, but keeps the search index, when 50,000 papers exceed the budget', () => {
    const many = papers(50_000);
    const plan = planPrecache([...shell, ...search, ...many], 25 * MiB);
    expect(plan.papersPrecached).toBe(false);
    expect(plan.precache.map((file) => file.url)).toEqual([...shell, ...search].map((file) => file.url));
    expect(plan.deferred).toHaveLength(50_000);
    expect(plan.warnings).toEqual([expect.stringContaining('50000 paper pages')]);
  });

  it('precaches papers that exactly fill the budget', () => {
    const essential = 87 * KiB;
    const plan = planPrecache([...shell, ...search, ...papers(10, 1 * KiB)], essential + 10 * KiB);
    expect(plan.papersPrecached).toBe(true);
    expect(planPrecache([...shell, ...search, ...papers(10, 1 * KiB)], essential + 10 * KiB - 1).papersPrecached).toBe(false);
  });

  it('still precaches the shell and search when they alone exceed the budget, and says so', () => {
    const plan = planPrecache([...shell, ...search, ...papers(1)], 10 * KiB);
    expect(plan.precache).toHaveLength(shell.length + search.length);
    expect(plan.warnings[0]).toMatch(/alone take 0\.1 MiB, over the precache budget of 0\.0 MiB/);
  });

  it('keeps the extra fields workbox-build passes along, such as the revision', () => {
    const plan = planPrecache([{ url: 'pagefind/pagefind-entry.json', size: 100, revision: 'abc' }]);
    expect(plan.precache).toEqual([{ url: 'pagefind/pagefind-entry.json', size: 100, revision: 'abc' }]);
  });

  it('has a default budget of 25 MiB', () => {
    expect(DEFAULT_PRECACHE_BUDGET_BYTES).toBe(25 * MiB);
    expect(formatMiB(DEFAULT_PRECACHE_BUDGET_BYTES)).toBe('25.0 MiB');
  });
});

import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';
import { compareTitles } from '../../src/site/papers.ts';
import { fixtureSite, readPapers, readTopics, realSite } from '../build/builds.ts';

let browser: Browser;
let site: StaticSite;
let fixture: StaticSite;

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveStatic(realSite.outDir, realSite.base);
  fixture = await serveStatic(fixtureSite.outDir, fixtureSite.base);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fixture?.close();
});

const papers = readPapers(realSite);
const topics = readTopics(realSite);
const [topicSlug, topicTitle] = [...topics].find(([slug]) => papers.some((p) => p.data.topics.includes(slug)))!;

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** Types a query on the search page and waits for the result count to settle. */
async function search(page: Page, query: string): Promise<void> {
  await page.fill('#search-input', query);
  await page.waitForFunction((q) => document.querySelector('#search-status')?.textContent?.includes(`“${q}”`), query);
}

const resultTitles = (page: Page) => page.locator('#search-results .paper-title a').allTextContents();

describe('search', () => {
  it('finds a paper by its title', async () => {
    const paper = papers.find((p) => p.data.topics.length > 0)!;
    const page = await newPage();
    await page.goto(`${site.root}search/`);
    await search(page, paper.data.title);
    expect(await resultTitles(page)).toContain(paper.data.title);
    const first = page.locator('#search-results .paper-title a', { hasText: paper.data.title }).first();
    await first.click();
    await page.waitForURL(`**/papers/${paper.slug}/`);
    expect(await page.locator('h1').textContent()).toBe(paper.data.title);
    await page.context().close();
  });

  it('narrows the results to a topic, shows counts per topic and keeps the query in the URL', async () => {
    const page = await newPage();
    await page.goto(`${site.root}search/?q=model`);
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('“model”'));
    const all = Number((await page.textContent('#search-status'))!.match(/^(\d+)/)![1]);
    // The search's counts per topic come once the reader turns to the topics (they need Pagefind's topic filter).
    const countFor = page.locator(`.count:has([data-count-for="${topicTitle}"])`);
    expect(await countFor.getAttribute('data-pending')).toBe('');
    await page.hover('.filters legend');
    await page.waitForFunction((t) => !document.querySelector(`.count:has([data-count-for="${t}"])`)?.hasAttribute('data-pending'), topicTitle);
    const count = Number(await page.textContent(`[data-count-for="${topicTitle}"]`));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(all);
    await page.getByRole('checkbox', { name: new RegExp(`^${topicTitle}`) }).check();
    await page.waitForFunction((t) => document.querySelector('#search-status')?.textContent?.includes(` in ${t}`), topicTitle);
    expect(await page.textContent('#search-status')).toMatch(new RegExp(`^${count} papers? for “model” in ${topicTitle}`));
    const chips = await page.locator('#search-results > li').evaluateAll((items) =>
      items.map((item) => [...item.querySelectorAll('.topic-list a')].map((a) => a.textContent)),
    );
    expect(chips.length).toBeGreaterThan(0);
    for (const list of chips) expect(list).toContain(topicTitle);
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual([topicTitle]);
    await page.context().close();
  });

  it('shows what each result matched: for "kv cache", a highlighted match in at least 4 of the first 5, in the title or the excerpt', async () => {
    const page = await newPage();
    await page.goto(`${site.root}search/?q=${encodeURIComponent('kv cache')}`);
    await page.waitForFunction(() => /papers? for “kv cache”/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const results = await page.locator('#search-results > li').evaluateAll((items) =>
      items.slice(0, 5).map((item) => ({
        title: item.querySelector('.paper-title')!.textContent!,
        marks: [...item.querySelectorAll('.paper-title mark, .excerpt mark')].map((mark) => mark.textContent!.toLowerCase()),
        excerpt: item.querySelector('.excerpt')!.textContent!,
      })),
    );
    expect(results).toHaveLength(5);
    expect(results.filter((result) => result.marks.length > 0).length).toBeGreaterThanOrEqual(4);
    for (const { title, marks, excerpt } of results) {
      for (const mark of marks) expect(mark).toMatch(/^(kv|cache)/);
      // The excerpt is the abstract (or notes) around the matches, never the title again.
      expect(excerpt.startsWith(title)).toBe(false);
    }
    // Titles are highlighted too.
    expect(await page.locator('#search-results .paper-title mark').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('says which word no paper mentions instead of counting it, and searches for the others', async () => {
    const page = await newPage();
    await page.goto(`${site.root}search/?q=attention`);
    await search(page, 'attention');
    const attention = Number((await page.textContent('#search-status'))!.match(/^(\d+) papers/)![1]);
    const titles = await resultTitles(page);
    for (const [query, missing] of [['ring attention', 'ring'], ['zzqx attention', 'zzqx']]) {
      await page.fill('#search-input', query);
      await page.waitForFunction((word) => document.querySelector('#search-status')?.textContent?.includes(`“${word}”`), missing);
      expect(await page.textContent('#search-status')).toBe(`No paper mentions “${missing}”; showing ${attention} papers matching “attention”.`);
      expect(await resultTitles(page)).toEqual(titles);
    }
    await page.context().close();
  });

  it('offers spellings from the index for a typo, and the same search on arXiv and Semantic Scholar', async () => {
    const page = await newPage({ serviceWorkers: 'block' });
    site.requests.length = 0;
    await page.goto(`${site.root}search/?q=${encodeURIComponent('atention sink')}`);
    await page.waitForSelector('#search-hints .suggestions a');
    expect(await page.textContent('#search-status')).toMatch(/^No paper mentions “atention”; showing \d+ papers? matching “sink”\.$/);
    expect(site.requests).toContain('/pagefind/vocabulary.json');
    const suggestion = page.locator('#search-hints .suggestions a').first();
    expect(await suggestion.textContent()).toBe('attention sink');
    const elsewhere = await page.locator('#search-hints .elsewhere a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(elsewhere).toEqual([
      ['arXiv', 'https://arxiv.org/search/?query=atention%20sink&searchtype=all'],
      ['Semantic Scholar', 'https://www.semanticscholar.org/search?q=atention%20sink'],
    ]);
    // Following the suggestion searches for it, on the page.
    await suggestion.click();
    await search(page, 'attention sink');
    expect(await page.inputValue('#search-input')).toBe('attention sink');
    expect(new URL(page.url()).searchParams.get('q')).toBe('attention sink');
    expect(await page.textContent('#search-status')).toMatch(/^\d+ papers? for “attention sink”\.$/);
    expect(await page.locator('#search-results .paper-title mark, #search-results .excerpt mark').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^sink/i), expect.stringMatching(/^attention/i)]),
    );
    await page.context().close();
  });

  it('says plainly when no paper mentions a term, and links to the same search elsewhere', async () => {
    const page = await newPage();
    await page.goto(`${site.root}search/?q=GRPO`);
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('“GRPO”'));
    expect(await page.textContent('#search-status')).toBe('No paper mentions “GRPO”.');
    expect(await page.locator('#search-results > li').count()).toBe(0);
    expect(await page.locator('#search-hints .suggestions').count()).toBe(0);
    expect(await page.locator('#search-hints .elsewhere a').allTextContents()).toEqual(['arXiv', 'Semantic Scholar']);
    await page.context().close();
  });

  it('loads neither the topic filter nor the vocabulary for a first search that finds what it looks for', async () => {
    const page = await newPage({ serviceWorkers: 'block' });
    site.requests.length = 0;
    await page.goto(`${site.root}search/?q=${encodeURIComponent('sparse attention')}`);
    await page.waitForFunction(() => /papers? for “sparse attention”/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.waitForLoadState('networkidle');
    expect(site.requests.filter((path) => path.includes('/pagefind/filter/') || path.endsWith('vocabulary.json'))).toEqual([]);
    expect(await page.locator('#search-hints').isHidden()).toBe(true);
    // Turning to the topics loads the filter, and the counts fill in.
    await page.focus('.filters input');
    await page.waitForFunction(() => document.querySelectorAll('.filters .count[data-pending]').length === 0);
    expect(site.requests.some((path) => path.includes('/pagefind/filter/'))).toBe(true);
    await page.context().close();
  });

  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    it(`moves nothing as results arrive (layout shift under 0.1 at ${viewport.width} px, on a slowed CPU)`, async () => {
      const page = await newPage({ viewport, serviceWorkers: 'block' });
      // Lighthouse's mobile run slows the CPU four times.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        const shifts: number[] = ((window as { __shifts?: number[] }).__shifts = []);
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) shifts.push(entry.value);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      for (const query of ['kv cache', 'atention sink']) {
        await page.goto(`${site.root}search/?q=${encodeURIComponent(query)}`);
        await page.waitForSelector('#search-results li');
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(500);
        const shift = await page.evaluate(() => (window as { __shifts?: number[] }).__shifts!.reduce((sum, value) => sum + value, 0));
        expect(shift, query).toBeLessThan(0.1);
      }
      await page.context().close();
    });
  }

  it('highlights the matched words in excerpts', async () => {
    const page = await newPage();
    await page.goto(`${site.root}search/?q=context`);
    await page.waitForSelector('#search-results mark');
    expect((await page.locator('#search-results mark').first().textContent())!.toLowerCase()).toContain('context');
    await page.context().close();
  });

  it('focuses the search box when / is pressed, and submits to the search page', async () => {
    const page = await newPage();
    await page.goto(`${site.root}papers/${papers[0]!.slug}/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('attention');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=attention');
    await page.waitForSelector('#search-results li');
    expect(await page.inputValue('#search-input')).toBe('attention');
    await page.context().close();
  });

  it('draws five results, the rest of the first ten when the end of the list comes into view, then ten a press', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${site.root}search/`);
    await search(page, 'model');
    const count = () => page.locator('#search-results > li').count();
    expect(Number((await page.textContent('#search-status'))!.match(/^(\d+)/)![1])).toBeGreaterThan(20);
    expect(await count()).toBe(5);
    // Nothing more arrives until the reader sees the end of the list; a small scroll does not show it.
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(300);
    expect(await count()).toBe(5);
    await page.locator('#search-more').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 10);
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
    // Focus moves to the first of the new results, for keyboard users.
    expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('#search-results > li')[10])).toBe(true);
    // A new search, typed at the top of the page, starts again from five.
    await page.evaluate(() => scrollTo(0, 0));
    await search(page, 'attention');
    await page.waitForTimeout(300);
    expect(await count()).toBe(5);
    await page.context().close();
  });

  it("searches in the site's own worker: the page's thread loads neither Pagefind nor its index", async () => {
    // The page's resource timings list only its own fetches, the server's log the worker's too.
    const pagefindOnPage = (page: Page) =>
      page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.includes('/pagefind/')));
    // Service workers blocked, so every file the search needs reaches the server.
    for (const [server, query] of [[site, 'attention'], [fixture, 'reasoning']] as const) {
      const base = new URL(server.root).pathname;
      const page = await newPage({ serviceWorkers: 'block' });
      server.requests.length = 0;
      await page.goto(`${server.root}search/?q=${query}`);
      await page.waitForSelector('#search-results li');
      expect(server.requests.some((path) => /\/_astro\/search-worker[^/]*\.js$/.test(path))).toBe(true);
      expect(server.requests).toContain(`${base}pagefind/pagefind.js`);
      expect(server.requests.some((path) => path.startsWith(`${base}pagefind/index/`))).toBe(true);
      // Pagefind's own worker would load a second copy of its script.
      expect(server.requests.filter((path) => path.endsWith('pagefind-worker.js'))).toEqual([]);
      expect(await pagefindOnPage(page)).toEqual([]);
      await page.context().close();
    }
    // The fixture's index is in shards (SEARCH_SHARD_SIZE=2): the worker merged them all.
    expect(fixture.requests.some((path) => path.startsWith('/shelf/pagefind/shard-3/'))).toBe(true);
  });

  it('looks up no index chunk for the function words between the words of a query', async () => {
    const chunksFor = async (query: string) => {
      const page = await newPage({ serviceWorkers: 'block' });
      site.requests.length = 0;
      await page.goto(`${site.root}search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => /papers? for/.test(document.querySelector('#search-status')?.textContent ?? ''));
      const status = await page.textContent('#search-status');
      await page.context().close();
      return { status, chunks: site.requests.filter((path) => path.includes('/pagefind/index/')).sort() };
    };
    const phrase = await chunksFor('chain of thought');
    const words = await chunksFor('chain thought');
    expect(phrase.chunks.length).toBeGreaterThan(0);
    expect(phrase.chunks).toEqual(words.chunks);
    // The status names the query as typed.
    expect(phrase.status).toMatch(/^\d+ papers? for “chain of thought”\.$/);
  });

  it("searches on the page's thread where the browser cannot start the worker, or its script fails to load", async () => {
    const noWorkers = async (page: Page) =>
      page.addInitScript(() => {
        // @ts-expect-error: a browser without module workers
        window.Worker = undefined;
      });
    const workerMissing = async (page: Page) => page.route('**/search-worker*.js', (route) => route.fulfill({ status: 404, body: '' }));
    for (const breakWorker of [noWorkers, workerMissing]) {
      const page = await newPage({ serviceWorkers: 'block' });
      await breakWorker(page);
      await page.goto(`${fixture.root}search/?q=reasoning`);
      await page.waitForSelector('#search-results li');
      const onPage = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
      expect(onPage).toContain('/shelf/pagefind/pagefind.js');
      expect(await page.locator('#search-status').textContent()).toMatch(/papers? for “reasoning”/);
      await page.context().close();
    }
  });

  it('links results to pages under the base path', async () => {
    const page = await newPage();
    await page.goto(`${fixture.root}search/?q=reasoning`);
    await page.waitForSelector('#search-results li');
    const hrefs = await page.locator('#search-results .paper-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/shelf/papers/notes-in-mdx/');
    await page.locator('#search-results .paper-title a').first().click();
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).not.toBe('Page not found');
    await page.context().close();
  });

  it('marks results that have notes with the Notes badge, as the lists do', async () => {
    const page = await newPage();
    await page.goto(`${fixture.root}search/?q=context`);
    await page.waitForSelector('#search-results li');
    const marked = await page.locator('#search-results > li').evaluateAll((items) =>
      items.map((item) => [item.querySelector('.paper-title')?.textContent, item.querySelector('.meta .badge')?.textContent ?? null]),
    );
    expect(marked).toContainEqual(['Zebra Context: Evaluating Long Context Windows', 'Notes']);
    expect(marked).toContainEqual(['Attention Sinks for Long Context Streaming', null]);
    await page.context().close();
  });
});

describe('navigation', () => {
  it('goes from home to a topic to a paper', async () => {
    const page = await newPage();
    await page.goto(site.root);
    await page.getByRole('link', { name: topicTitle, exact: true }).first().click();
    await page.waitForURL(`**/topics/${topicSlug}/`);
    expect(await page.locator('h1').textContent()).toBe(topicTitle);
    const firstPaper = page.locator('main .paper-title a').first();
    const title = await firstPaper.textContent();
    await firstPaper.click();
    await page.waitForURL('**/papers/**');
    expect(await page.locator('h1').textContent()).toBe(title);
    await page.context().close();
  });

  it('works with JavaScript off, and the search page says it needs it', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(site.root);
    await page.getByRole('link', { name: topicTitle, exact: true }).first().click();
    await page.waitForURL(`**/topics/${topicSlug}/`);
    await page.locator('main .paper-title a').first().click();
    await page.waitForURL('**/papers/**');
    await page.goto(`${site.root}search/`);
    expect(await page.locator('main').textContent()).toContain('Search needs JavaScript');
    expect(await page.locator('#search-app').isVisible()).toBe(false);
    await page.context().close();
  });

  it('shows the 404 page for an unknown address', async () => {
    const page = await newPage();
    const response = await page.goto(`${site.root}papers/no-such-paper/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.context().close();
  });

  it('never runs a script found in an abstract', async () => {
    const page = await newPage();
    await page.goto(`${fixture.root}papers/markup-in-abstract/`);
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await page.goto(`${fixture.root}search/?q=pwned`);
    await page.waitForSelector('#search-results li');
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await page.locator('#search-results .excerpt').first().textContent()).toContain('<script>');
    await page.context().close();
  });
});

describe('topic pages', () => {
  const withPapers = [...topics.keys()].filter((slug) => papers.some((p) => p.data.topics.includes(slug)));
  const biggest = withPapers.sort((a, b) => papers.filter((p) => p.data.topics.includes(b)).length - papers.filter((p) => p.data.topics.includes(a)).length)[0]!;
  const visibleTitles = (page: Page) => page.locator('main .paper-list > li:not([hidden]) .paper-title a').allTextContents();

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`show the first paper on the first screen of a phone (390×844, ${colorScheme})`, async () => {
      const page = await newPage({ colorScheme, viewport: { width: 390, height: 844 } });
      for (const slug of withPapers) {
        await page.goto(`${site.root}topics/${slug}/`);
        const box = (await page.locator('main .paper-list > li').first().locator('.paper-title').boundingBox())!;
        expect(box.y + box.height, slug).toBeLessThanOrEqual(844);
        // …and the line under its title starts on that screen too.
        const line = await page.locator('main .paper-list > li').first().locator('.excerpt').boundingBox();
        if (line) expect(line.y, slug).toBeLessThan(844);
      }
      await page.context().close();
    });
  }

  it('show 25 papers at first and 25 more a press, the focus on the first new one', async () => {
    const total = papers.filter((p) => p.data.topics.includes(biggest)).length;
    expect(total).toBeGreaterThan(50);
    const page = await newPage();
    await page.goto(`${site.root}topics/${biggest}/`);
    expect(await visibleTitles(page)).toHaveLength(25);
    const more = page.getByRole('button', { name: /^Show 25 more/ });
    expect(await more.textContent()).toBe(`Show 25 more (${total - 25} not shown)`);
    await more.click();
    expect(await visibleTitles(page)).toHaveLength(50);
    expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('main .paper-list > li:not([hidden])')[25])).toBe(true);
    // j/k walk only the rows shown.
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe((await visibleTitles(page))[24]);
    await page.context().close();
  });

  it('sort by title and by recently added, as one list under its own heading, and keep the sort in the address', async () => {
    const page = await newPage();
    await page.goto(`${site.root}topics/${biggest}/`);
    const reading = await visibleTitles(page);
    const all = papers.filter((p) => p.data.topics.includes(biggest)).map((p) => p.data.title.replace(/\s+/g, ' ').trim());
    await page.getByLabel('Sort').selectOption('title');
    const byTitle = await visibleTitles(page);
    expect(byTitle).toHaveLength(25);
    expect(byTitle).toEqual([...byTitle].sort(compareTitles));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('title');
    // One list under its own heading, in place of the reading groups.
    expect(await page.locator('main .topic-papers > section:not([hidden]) h2').allTextContents()).toEqual([`${all.length} papers, by title, A to Z`]);
    expect(await page.locator('[data-list-status]').textContent()).toBe('Papers sorted by title, A to Z.');
    // The first title in A-to-Z order of the whole topic, not of the first 25.
    expect(byTitle[0]).toBe([...all].sort(compareTitles)[0]);
    await page.reload();
    expect(await page.getByLabel('Sort').inputValue()).toBe('title');
    expect(await visibleTitles(page)).toEqual(byTitle);
    await page.getByLabel('Sort').selectOption('added');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('added');
    expect(await visibleTitles(page)).toHaveLength(25);
    await page.getByLabel('Sort').selectOption('reading');
    expect(new URL(page.url()).search).toBe('');
    expect(await visibleTitles(page)).toEqual(reading);
    expect(await page.locator('main .topic-papers > section:not([hidden])').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('list every paper and show no sort with JavaScript off', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.root}topics/${biggest}/`);
    expect(await visibleTitles(page)).toHaveLength(papers.filter((p) => p.data.topics.includes(biggest)).length);
    expect(await page.getByLabel('Sort').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('paper pages', () => {
  it('lead to the next and previous paper on the topic, and fold the curators’ detail until asked', async () => {
    const page = await newPage();
    await page.goto(`${site.root}topics/${topicSlug}/`);
    const [first, second] = await page.locator('main .paper-title a').evaluateAll((links) => links.slice(0, 2).map((a) => a.getAttribute('href')!));
    await page.goto(new URL(first!, site.origin).href);
    const onTopic = `nav.neighbours:has(p a[href$="/topics/${topicSlug}/"])`;
    await page.locator(`${onTopic} .next a`).click();
    await page.waitForURL(`**${second}`);
    await page.locator(`${onTopic} .previous a`).click();
    await page.waitForURL(`**${first}`);
    expect(await page.locator('[aria-labelledby="sources"]').isVisible()).toBe(false);
    await page.getByText('For curators').click();
    expect(await page.locator('[aria-labelledby="sources"]').isVisible()).toBe(true);
    await page.context().close();
  });

  it('submit the header search with its button', async () => {
    const page = await newPage();
    await page.goto(`${site.root}papers/${papers[0]!.slug}/`);
    await page.fill('#site-search', 'attention');
    await page.locator('.site-header').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL('**/search/?q=attention');
    await page.context().close();
  });
});

describe('accessibility (axe)', () => {
  const pages = () => ({
    home: '',
    topic: `topics/${topicSlug}/`,
    paper: `papers/${papers.find((p) => p.data.topics.length > 0)!.slug}/`,
    'paper with notes and person fields': 'papers/rated-with-links/',
    'topic sorted by title': `topics/${topicSlug}/?sort=title`,
    search: 'search/?q=context',
    'search with a suggestion and links elsewhere': `search/?q=${encodeURIComponent('atention sink')}`,
    'all papers': 'papers/',
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no violations on the main pages in ${colorScheme} mode`, async () => {
      const page = await newPage({ colorScheme });
      const violations: string[] = [];
      for (const [name, path] of Object.entries(pages())) {
        const root = name.includes('person fields') ? fixture.root : site.root;
        await page.goto(root + path);
        if (name === 'search') await page.waitForSelector('#search-results li');
        if (name.startsWith('search with')) await page.waitForSelector('#search-hints .suggestions a');
        const results = await new AxeBuilder({ page }).analyze();
        for (const violation of results.violations) {
          violations.push(`${name}: ${violation.id} (${violation.impact}): ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }
});

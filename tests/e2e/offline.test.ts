import { AxeBuilder } from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { serveStatic } from '../support/static-server.ts';
import { fixtureSite, readPapers, readTopics, realSite } from '../build/builds.ts';
import { buildEnv } from '../build/global-setup.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** Waits until the service worker has precached the site and controls the page. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/** Waits for the search page to report results for `query`; returns the result titles. */
async function searchResults(page: Page, query: string): Promise<string[]> {
  await page.waitForFunction((q) => document.querySelector('#search-status')?.textContent?.includes(`“${q}”`), query);
  return page.locator('#search-results .paper-title a').allTextContents();
}

describe('offline, after one visit', () => {
  const papers = readPapers(realSite);
  const topics = readTopics(realSite);
  const [, topicTitle] = [...topics].find(([slug]) => papers.some((p) => p.data.topics.includes(slug)))!;

  it('opens a paper never visited, searches, filters by topic and opens a result, all with the network off', async () => {
    const site = await serveStatic(realSite.outDir, realSite.base);
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.goto(site.root);
    await waitForServiceWorker(page);
    expect(await page.locator('#offline-note').textContent()).toBe('');

    // Off the network for real: the browser is offline and the server is gone.
    await context.setOffline(true);
    await site.close();

    const paper = papers.at(-1)!;
    await page.goto(`${site.root}papers/${paper.slug}/`);
    expect(await page.locator('h1').textContent()).toBe(paper.data.title);
    expect(await page.locator('#offline-note').textContent()).toBe('Offline — showing saved pages');

    await page.goto(`${site.root}search/?q=model`);
    const all = await searchResults(page, 'model');
    expect(all.length).toBeGreaterThan(0);
    // Searched in the site's worker, offline too: the page's own thread fetched nothing of the index.
    const onPage = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(onPage.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    // The whole index is saved, topic filter included: the search's counts per topic come without being asked for.
    await page.waitForFunction(() => document.querySelectorAll('.filters .count[data-pending]').length === 0);
    // So is the vocabulary: a typo still gets its spelling.
    await page.fill('#search-input', 'atention');
    await page.waitForSelector('#search-hints .suggestions a');
    expect(await page.locator('#search-hints .suggestions a').first().textContent()).toBe('attention');
    await page.fill('#search-input', 'model');
    await searchResults(page, 'model');
    await page.getByRole('checkbox', { name: new RegExp(`^${topicTitle}`) }).check();
    await page.waitForFunction((t) => document.querySelector('#search-status')?.textContent?.includes(` in ${t}`), topicTitle);
    const result = page.locator('#search-results .paper-title a').first();
    const title = await result.textContent();
    await result.click();
    await page.waitForURL('**/papers/**');
    expect(await page.locator('h1').textContent()).toBe(title);

    await page.goto(`${site.root}papers/not-saved-anywhere/`);
    expect(await page.locator('h1').textContent()).toBe('This page isn’t saved yet');
    const violations = (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('keeps the offline note out of the layout: nothing moves when it appears', async () => {
    const site = await serveStatic(fixtureSite.outDir, fixtureSite.base);
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.goto(site.root);
    const before = await page.locator('main').boundingBox();
    await context.setOffline(true);
    await page.waitForFunction(() => document.getElementById('offline-note')?.textContent !== '');
    expect(await page.locator('main').boundingBox()).toEqual(before);
    await context.setOffline(false);
    await page.waitForFunction(() => document.getElementById('offline-note')?.textContent === '');
    await context.close();
    await site.close();
  });
});

describe('a new deploy', () => {
  const work = '.cache/offline-e2e';
  const content = join(work, 'content');
  const outDir = join(work, 'dist');
  const newPaper = { slug: 'quokka-reading-on-trains', title: 'Quokka: Reading Papers on Trains' };

  function build(): void {
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      env: { ...buildEnv(), ...fixtureSite.env, SHELF_CONTENT_DIR: content, SHELF_OUT_DIR: outDir, SHELF_CACHE_DIR: join(work, 'astro') },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
  }

  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    cpSync(fixtureSite.contentDir, content, { recursive: true });
    build();
  }, 120_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('is picked up on reload, pages and search together, and then read offline', { timeout: 180_000 }, async () => {
    const site = await serveStatic(outDir, fixtureSite.base);
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.goto(`${site.root}search/?q=quokka`);
    await waitForServiceWorker(page);
    expect(await searchResults(page, 'quokka')).toEqual([]);

    const template = readFileSync(join(content, 'papers/plain-long-context.md'), 'utf8');
    writeFileSync(
      join(content, 'papers', `${newPaper.slug}.md`),
      template
        .replace(/^title: .*$/m, `title: '${newPaper.title}'`)
        .replace(/^abstract: 'Long context streaming/m, "abstract: 'Quokka reads long context papers offline. Long context streaming"),
    );
    build(); // into the folder being served, as a deploy would

    // The old worker serves the first reload and fetches the new one, which takes over and reloads the page.
    await expect
      .poll(
        async () => {
          try {
            await page.reload();
            return await searchResults(page, 'quokka');
          } catch {
            return []; // the page reloaded itself mid-check
          }
        },
        { timeout: 60_000, interval: 500 },
      )
      .toContain(newPaper.title);
    await page.goto(`${site.root}papers/${newPaper.slug}/`);
    expect(await page.locator('h1').textContent()).toBe(newPaper.title);

    await context.setOffline(true);
    await site.close();
    await page.goto(`${site.root}papers/plain-long-context/`);
    expect(await page.locator('h1').textContent()).toBe('Attention Sinks for Long Context Streaming');
    await page.goto(`${site.root}search/?q=quokka`);
    expect(await searchResults(page, 'quokka')).toEqual([newPaper.title]);
    await page.locator('#search-results .paper-title a').first().click();
    await page.waitForURL(`**/papers/${newPaper.slug}/`);
    expect(await page.locator('h1').textContent()).toBe(newPaper.title);
    await context.close();
  });
});

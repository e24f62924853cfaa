import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';
import { fixtureSite } from '../build/builds.ts';

let browser: Browser;
let fixture: StaticSite;

beforeAll(async () => {
  browser = await launchChromium();
  fixture = await serveStatic(fixtureSite.outDir, fixtureSite.base);
});

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

describe('following wikilinks and backlinks (fixture, base /shelf/)', () => {
  it('goes from a note to the paper it links to, and back through "Mentioned in notes on"', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${fixture.root}papers/notes-in-mdx/`);
    await Promise.all([page.waitForURL(/\/shelf\/papers\/rated-with-links\/$/), page.click('.notes a.wikilink:has-text("the Zebra benchmark")')]);
    expect(await page.textContent('h1')).toBe('Zebra Context: Evaluating Long Context Windows');
    const mention = page.locator('section.mentions li').first();
    expect((await mention.locator('blockquote').textContent())?.replace(/\s+/g, ' ')).toContain('It scores the chains on the Zebra benchmark');
    await Promise.all([page.waitForURL(/\/shelf\/papers\/notes-in-mdx\/#notes$/), mention.locator('a').click()]);
    expect(await page.textContent('h1')).toBe('Reasoning With Long Chains and Step Rewards');
    await page.context().close();
  });
});

import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';
import { realSite } from '../build/builds.ts';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveStatic(realSite.outDir, realSite.base);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('keyboard-first browsing', () => {
  it('moves through a topic page with j and k and opens the selected paper with Enter', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${site.root}topics/long-context/`);
    const titles = await page.locator('.paper-list > li .paper-title a').allTextContents();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    await page.keyboard.press('j');
    expect(await focused()).toBe(titles[0].trim());
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focused()).toBe(titles[2].trim());
    await page.keyboard.press('k');
    expect(await focused()).toBe(titles[1].trim());
    await page.keyboard.press('Enter');
    await page.waitForURL('**/papers/**');
    expect((await page.locator('h1').textContent())?.trim()).toBe(titles[1].trim());
    await page.context().close();
  });

  it('focuses search with / and leaves typed letters alone', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${site.root}topics/long-context/`);
    await page.keyboard.press('/');
    await page.keyboard.type('jk');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('jk');
    await page.context().close();
  });

  it('opens a help overlay on ? that lists the keys, passes axe, and closes on Escape', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(site.root);
    await page.keyboard.press('?');
    const dialog = page.locator('dialog.keys-help');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('dt').allTextContents()).toEqual(['/', 'j', 'k', 'Enter', '?', 'Esc']);
    const { violations } = await new AxeBuilder({ page }).include('dialog.keys-help').analyze();
    expect(violations).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.context().close();
  });
});

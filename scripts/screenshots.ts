/**
 * Takes screenshots of the built site (home, a topic, a paper, search, stats, offline…) in light
 * and dark, at phone and desktop widths, into .cache/screenshots/.
 * Usage: npm run build && npm run screenshots
 * Env: DIST and BASE_PATH (another build), PAPER, TOPIC, QUERY (which pages), FULL=1 (whole pages).
 */
import { mkdir, readdir } from 'node:fs/promises';
import { launchChromium } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const out = '.cache/screenshots';
const dist = process.env.DIST ?? 'dist';
const site = await serveStatic(dist, process.env.BASE_PATH ?? '/');
const papers = (await readdir(`${dist}/papers`, { withFileTypes: true })).filter((entry) => entry.isDirectory());
const paper = process.env.PAPER ?? papers[0]!.name;
const pages: Record<string, string> = {
  home: '',
  topic: `topics/${process.env.TOPIC ?? 'long-context'}/`,
  paper: `papers/${paper}/`,
  search: `search/?q=${encodeURIComponent(process.env.QUERY ?? 'context window')}`,
  papers: 'papers/',
  stats: 'stats/',
  offline: 'offline/',
  notfound: 'no-such-page/',
};
await mkdir(out, { recursive: true });
const browser = await launchChromium();
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    // A phone (390×844) and a laptop (1280×800): what a reader sees before scrolling.
    for (const [width, height] of [[390, 844], [1280, 800]] as const) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height } });
      const page = await context.newPage();
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(site.root + path);
        if (name === 'search') await page.waitForSelector('#search-results li', { timeout: 5000 }).catch(() => {});
        await page.screenshot({ path: `${out}/${name}-${colorScheme}-${width}.png`, fullPage: process.env.FULL === '1' });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
console.log(`Screenshots in ${out}/`);

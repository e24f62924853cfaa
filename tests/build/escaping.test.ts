import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { builds, fixtureSite, hostileSite, listFiles, readPage } from './builds.ts';


/** True for the text of a JSON data block that cannot end its script element early: valid JSON without `<`. */
function isDataBlock(text: string): boolean {
  try {
    JSON.parse(text);
  } catch {
    return false;
  }
  return !text.includes('<');
}

describe.each(builds)('text from the dumps in the $name build', (build) => {
  it('never becomes a script: every script on every page is the site’s own', () => {
    const foreign: string[] = [];
    for (const file of listFiles(build.outDir).filter((path) => path.endsWith('.html') && !path.includes('/pagefind/'))) {
      const root = parse(readFileSync(file, 'utf8'));
      for (const script of root.querySelectorAll('script')) {
        // A JSON-LD block holds dump text as data: it must be JSON, with no `<` that could end the element.
        if (script.getAttribute('type') === 'application/ld+json') {
          if (!isDataBlock(script.text)) foreign.push(`${relative(build.outDir, file)}: ${script.toString().slice(0, 80)}`);
          continue;
        }
        const own = script.getAttribute('type') === 'module' && (script.getAttribute('src')?.startsWith(`${build.base}_astro/`) || script.text.length > 0);
        if (!own || script.text.includes('__pwned')) foreign.push(`${relative(build.outDir, file)}: ${script.toString().slice(0, 80)}`);
      }
      for (const element of root.querySelectorAll('main *')) {
        const handlers = Object.keys(element.attributes).filter((name) => name.toLowerCase().startsWith('on'));
        if (handlers.length) foreign.push(`${relative(build.outDir, file)}: <${element.tagName} ${handlers.join(' ')}>`);
      }
    }
    expect(foreign).toEqual([]);
  });
});

describe('an abstract and title with markup (fixture)', () => {
  const html = readFileSync(`${fixtureSite.outDir}/papers/markup-in-abstract/index.html`, 'utf8');
  const page = readPage(fixtureSite, 'papers/markup-in-abstract/');

  it('shows the markup as text', () => {
    expect(page.querySelector('.abstract p')?.text).toContain('tries <script>window.__pwned = true</script> to run');
    expect(page.querySelector('h1')?.text).toBe('Markup <b>in</b> a title & an abstract');
    expect(page.querySelector('title')?.text).toBe('Markup <b>in</b> a title & an abstract · Shelf');
  });

  it('escapes it in the HTML, so no element comes of it', () => {
    expect(html).toContain('&lt;script&gt;window.__pwned = true&lt;/script&gt;');
    const code = page.querySelectorAll('script').filter((script) => script.getAttribute('type') !== 'application/ld+json');
    expect(code.filter((script) => script.text.includes('__pwned')).length).toBe(0);
    for (const data of page.querySelectorAll('script[type="application/ld+json"]')) expect(isDataBlock(data.text)).toBe(true);
    expect(page.querySelectorAll('img')).toEqual([]);
    expect(page.querySelector('main b')).toBeNull();
  });
});

describe('notes that try to run code (hostile fixture)', () => {
  const files = listFiles(hostileSite.outDir);
  /** A built file's text, gunzipped when Pagefind compressed it. */
  const text = (file: string) => {
    const bytes = readFileSync(file);
    return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  };

  it('leave no payload in any file of the build: pages, feeds, catalogue, search index, service worker', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((file) => file.includes('/pagefind/fragment/'))).toBe(true);
    expect(files.filter((file) => text(file).includes('__hostile')).map((file) => relative(hostileSite.outDir, file))).toEqual([]);
  });

  it.each(['hostile-markdown', 'hostile-mdx'])('leave no script, handler, style, frame or script URL in the notes of /papers/%s/', (slug) => {
    const notes = readPage(hostileSite, `papers/${slug}/`).querySelector('.notes');
    expect(notes).not.toBeNull();
    expect(notes!.querySelectorAll('script, style, iframe, object, embed, form, button')).toEqual([]);
    for (const element of notes!.querySelectorAll('*')) {
      const attributes = Object.entries(element.attributes);
      expect(attributes.filter(([name]) => /^on/i.test(name) || (name === 'style' && !element.closest('.katex')))).toEqual([]);
      for (const [name, value] of attributes.filter(([name]) => ['href', 'src', 'action', 'formaction'].includes(name))) {
        expect([name, value]).toEqual([name, expect.stringMatching(/^(?:https?:\/\/|\/|#|[\w.-]+(?:\/|$))/)]);
      }
    }
  });

  it('keep what GitHub allows: details, kbd, sub, sup, http(s) and site links, math', () => {
    const notes = readPage(hostileSite, 'papers/hostile-markdown/').querySelector('.notes')!;
    expect(notes.querySelector('details summary')?.text).toBe('Why it matters');
    expect(notes.querySelectorAll('kbd').map((kbd) => kbd.text)).toEqual(['Ctrl', 'K']);
    expect(notes.querySelector('sub')?.text).toBe('2');
    expect(notes.querySelector('a[href="/papers/attention-sinks/"]')?.text).toBe('paper on this site');
    expect(notes.querySelector('a[href="https://arxiv.org/abs/2309.17453"]')?.text).toBe('an address');
    expect(notes.querySelector('a[href="https://example.org/ok"]')?.text).toBe('A fair link');
    expect(notes.querySelector('.katex .katex-mathml math')).not.toBeNull();
    expect(notes.querySelector('code')?.text).toBe('<script>');
  });

  it('keep the MDX note’s own code working', () => {
    expect(readPage(hostileSite, 'papers/hostile-mdx/').querySelector('.notes .prose p')?.text).toContain('These notes are reviewed MDX.');
  });

  it('reach the catalogue as Markdown without what the page removes', () => {
    const catalogue = JSON.parse(readFileSync(`${hostileSite.outDir}/papers.json`, 'utf8')) as { papers: { id: string; notes: string }[] };
    const notes = catalogue.papers.find((paper) => paper.id === 'hostile-markdown')!.notes;
    expect(notes).toContain('<a href="https://example.org/ok">A fair link</a>');
    expect(notes).toContain('[paper on this site](/papers/attention-sinks/)');
    expect(notes).toContain('A link that runs code, one in capitals');
    // The one `<script>` left is the code span's text.
    expect(notes).toContain('`<script>` stays in a code span');
    expect(notes.replace(/`[^`]*`/g, '')).not.toMatch(/<script|<style|<iframe|onerror|onclick|onload|javascript:|data:/i);
  });
});

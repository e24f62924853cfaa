import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { builds, fixtureSite, listFiles, readPage } from './builds.ts';


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

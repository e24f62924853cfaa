import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { builds, listFiles, type SiteBuild } from './builds.ts';

/** The file a root-relative URL maps to in the build, or null when it is outside the base. */
function fileFor(build: SiteBuild, url: string): string | null {
  const path = decodeURIComponent(url.split(/[?#]/)[0]!);
  if (!path.startsWith(build.base)) return null;
  const target = join(build.outDir, path.slice(build.base.length));
  if (existsSync(target) && statSync(target).isDirectory()) return join(target, 'index.html');
  return target;
}

describe.each(builds)('links in the $name build', (build) => {
  const pages = listFiles(build.outDir).filter((file) => file.endsWith('.html') && !file.includes('/pagefind/'));

  it('resolves every internal href and src to a file, and every internal link starts with the base', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const root = parse(readFileSync(page, 'utf8'));
      for (const element of root.querySelectorAll('[href], [src]')) {
        const url = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
        if (!url.startsWith('/') || url.startsWith('//')) continue;
        const file = fileFor(build, url);
        if (!file) broken.push(`${relative(build.outDir, page)}: ${url} is outside the base ${build.base}`);
        else if (!existsSync(file)) broken.push(`${relative(build.outDir, page)}: ${url} has no file`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('resolves every same-page #fragment to an element id', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const root = parse(readFileSync(page, 'utf8'));
      for (const link of root.querySelectorAll('a[href^="#"]')) {
        const id = decodeURIComponent(link.getAttribute('href')!.slice(1));
        if (!root.getElementById(id)) broken.push(`${relative(build.outDir, page)}: #${id}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('uses no relative links that would break under another base', () => {
    const relativeLinks: string[] = [];
    for (const page of pages) {
      for (const element of parse(readFileSync(page, 'utf8')).querySelectorAll('a[href], link[href], script[src]')) {
        const url = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
        if (!/^(\/|#|https?:|mailto:|data:)/.test(url)) relativeLinks.push(`${relative(build.outDir, page)}: ${url}`);
      }
    }
    expect(relativeLinks).toEqual([]);
  });
});

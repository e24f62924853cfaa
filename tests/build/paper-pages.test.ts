import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_SLUG } from '../../src/lib/page-shell.ts';
import { fixtureAstroPagesSite, fixtureSite, listFiles, readPapers, realSite } from './builds.ts';

const paperPages = (outDir: string) =>
  listFiles(join(outDir, 'papers'))
    .filter((file) => /^papers\/[^/]+\/index\.html$/.test(file.slice(outDir.length + 1)))
    .map((file) => file.slice(outDir.length + 1))
    .sort();

describe('paper pages stamped into the shell', () => {
  it('are byte for byte the pages Astro renders for the same papers', () => {
    const stamped = paperPages(fixtureSite.outDir);
    expect(stamped).toEqual(paperPages(fixtureAstroPagesSite.outDir));
    expect(stamped).toHaveLength(readPapers(fixtureSite).length);
    for (const page of stamped) {
      expect(readFileSync(join(fixtureSite.outDir, page), 'utf8'), page).toBe(readFileSync(join(fixtureAstroPagesSite.outDir, page), 'utf8'));
    }
  });

  it('leave no shell page behind', () => {
    for (const build of [realSite, fixtureSite]) {
      expect(paperPages(build.outDir)).not.toContain(`papers/${SHELL_SLUG}/index.html`);
      expect(readFileSync(join(build.outDir, 'sw.js'), 'utf8')).not.toContain(SHELL_SLUG);
    }
  });
});

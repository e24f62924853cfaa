import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import feeds, { FEED_ROUTES, NO_SITE_WARNING } from '../../src/feeds/integration.ts';

/** Runs the integration's config hook as Astro would, and records what it did. */
function setup(site: string | undefined, command: 'build' | 'dev') {
  const injected: string[] = [];
  const warnings: string[] = [];
  const hook = feeds().hooks['astro:config:setup'] as (options: unknown) => void;
  hook({
    config: { site },
    command,
    injectRoute: (route: { pattern: string }) => injected.push(route.pattern),
    logger: { warn: (message: string) => warnings.push(message) },
  });
  return { injected, warnings };
}

describe('feeds integration', () => {
  it('adds the notes feeds and the topic feeds when the site has an address', () => {
    expect(setup('https://lab.example.org', 'build')).toEqual({ injected: ['/notes.xml', '/notes.json', '/topics/[topic]/feed.xml'], warnings: [] });
  });

  it('adds no feed without a site address, and a build warns once, naming SITE_URL', () => {
    expect(setup(undefined, 'build')).toEqual({ injected: [], warnings: [NO_SITE_WARNING] });
    expect(NO_SITE_WARNING).toMatch(/SITE_URL.*feeds.*sitemap/);
    expect(setup(undefined, 'dev').warnings).toEqual([]);
  });

  it('points each route at a file that exists', async () => {
    const { existsSync } = await import('node:fs');
    for (const route of FEED_ROUTES) expect(existsSync(route.entrypoint), String(route.entrypoint)).toBe(true);
    expect((feeds() satisfies AstroIntegration).name).toBe('shelf:feeds');
  });
});

/**
 * The feeds need the site's address: a feed reader follows absolute links, and a feed
 * pointing at `localhost` is wrong wherever it is deployed. With `site` set (SITE_URL),
 * this integration adds the notes feed (RSS and JSON Feed) and an Atom feed per topic;
 * without it, it adds none and warns once, saying what is left out and how to set it.
 */
import type { AstroIntegration } from 'astro';

/** Site paths of the feeds and the route files that write them. */
export const FEED_ROUTES = [
  { pattern: '/notes.xml', entrypoint: new URL('./routes/notes.xml.ts', import.meta.url) },
  { pattern: '/notes.json', entrypoint: new URL('./routes/notes.json.ts', import.meta.url) },
  { pattern: '/topics/[topic]/feed.xml', entrypoint: new URL('./routes/topic-feed.xml.ts', import.meta.url) },
] as const;

/** The warning a build without a site address prints, once. */
export const NO_SITE_WARNING =
  'SITE_URL is not set, so this build has no feeds (notes.xml, notes.json, topics/*/feed.xml), no sitemap, and no canonical or og:url links: they need the address the site is served at. Set SITE_URL (e.g. SITE_URL=https://lab.example.org) for a build you deploy.';

/** The Astro integration: injects the feed routes when `site` is set, else warns once on `astro build`. */
export default function feeds(): AstroIntegration {
  return {
    name: 'shelf:feeds',
    hooks: {
      'astro:config:setup': ({ config, command, injectRoute, logger }) => {
        if (!config.site) {
          if (command === 'build') logger.warn(NO_SITE_WARNING);
          return;
        }
        for (const route of FEED_ROUTES) injectRoute({ pattern: route.pattern, entrypoint: route.entrypoint, prerender: true });
      },
    },
  };
}

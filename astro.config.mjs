// @ts-check
import { readFileSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig, envField } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import feeds from './src/feeds/integration.ts';
import { rehypeSanitizeNotes } from './src/papers/sanitize.ts';
import remarkWikilinks from './src/notes/remark-wikilinks.ts';
import serviceWorker from './src/offline/service-worker.ts';
import searchIndex from './src/search/search-index.ts';

/** The repository's web address: env REPO_URL, else package.json "repository", else the default. */
function defaultRepoUrl() {
  const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (repository) return repository.replace(/^git\+/, '').replace(/\.git$/, '');
  return 'https://github.com/shelf-reading-list/shelf';
}

// SITE_URL (e.g. https://lab.example.org) and BASE_PATH (e.g. /shelf/) let the site be served from a subfolder.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'ignore',
  // Test fixtures build into their own folders so they never clobber the real site.
  outDir: process.env.SHELF_OUT_DIR || './dist',
  cacheDir: process.env.SHELF_CACHE_DIR || './node_modules/.astro',
  // Math in notes ($…$, $$…$$) is rendered to HTML by KaTeX at build time, [[wikilinks]] become links under the base;
  // then every note is sanitized as GitHub sanitizes Markdown (src/papers/sanitize.ts), KaTeX's output included.
  // MDX notes use the same processor.
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, [remarkWikilinks, { base: process.env.BASE_PATH || '/' }]],
      rehypePlugins: [rehypeKatex, rehypeSanitizeNotes],
    }),
  },
  // searchIndex() installs the index at build:done; serviceWorker() precaches the pages and the index, so it comes last.
  // feeds() adds the feeds only with a site URL (and warns once without one); so does the sitemap, of every page a reader lands on.
  integrations: [
    mdx(),
    feeds(),
    ...(process.env.SITE_URL ? [sitemap({ filter: (page) => !/\/(offline|search|404)\/?$/.test(new URL(page).pathname) })] : []),
    searchIndex(),
    serviceWorker(),
  ],
  env: {
    schema: {
      REPO_URL: envField.string({ context: 'server', access: 'public', url: true, default: defaultRepoUrl() }),
    },
  },
  devToolbar: { enabled: false },
  vite: {
    // The search worker (src/search/search-worker.ts) is a module worker: it imports Pagefind's script at run time.
    worker: { format: 'es' },
    // Every page's script stays one cached file rather than 2 KB inlined into each page (20 MB over 10,000 pages).
    build: { assetsInlineLimit: 0 },
  },
});

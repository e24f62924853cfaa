/**
 * The two builds the site tests read: the real site (content/, base `/`) and a
 * small fixture site (tests/fixtures/site, base `/shelf/`) whose papers cover
 * the cases the real dumps may not: markup in an abstract, MDX notes, person
 * fields, a paper on no topic, a file in a subfolder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { parsePaperFile } from '../../src/papers/frontmatter.ts';

export interface SiteBuild {
  name: string;
  /** Folder holding `papers/` and `topics/`. */
  contentDir: string;
  outDir: string;
  base: string;
  /** SITE_URL of the build: without one there are no feeds, sitemap or canonical links. */
  site: string | undefined;
  repoUrl: string;
  /** Environment for `astro build`. */
  env: Record<string, string>;
}

export const realSite: SiteBuild = {
  name: 'site',
  contentDir: 'content',
  outDir: 'dist',
  base: process.env.BASE_PATH || '/',
  site: process.env.SITE_URL || undefined,
  repoUrl: process.env.REPO_URL || 'https://github.com/shelf-reading-list/shelf',
  env: {},
};

export const fixtureSite: SiteBuild = {
  name: 'fixture',
  contentDir: 'tests/fixtures/site/content',
  outDir: '.cache/fixture-dist',
  base: '/shelf/',
  site: 'https://lab.example.org',
  repoUrl: 'https://github.com/example/shelf-fixture',
  env: {
    SHELF_CONTENT_DIR: 'tests/fixtures/site/content',
    SHELF_OUT_DIR: '.cache/fixture-dist',
    SHELF_CACHE_DIR: '.cache/fixture-astro',
    BASE_PATH: '/shelf/',
    SITE_URL: 'https://lab.example.org',
    REPO_URL: 'https://github.com/example/shelf-fixture',
    // Five papers, two per page: the lists split into pages, as a long reading list's do.
    PAPERS_PER_PAGE: '2',
    // …and the search index splits into shards of two, merged by the search page, as a big list's does.
    SEARCH_SHARD_SIZE: '2',
  },
};

/** A site whose notes try every way a note could run code on the site (tests/fixtures/hostile): see escaping.test.ts. */
export const hostileSite: SiteBuild = {
  name: 'hostile fixture',
  contentDir: 'tests/fixtures/hostile/content',
  outDir: '.cache/hostile-dist',
  base: '/',
  repoUrl: 'https://github.com/example/shelf-hostile',
  site: 'https://lab.example.org',
  env: {
    SHELF_CONTENT_DIR: 'tests/fixtures/hostile/content',
    SHELF_OUT_DIR: '.cache/hostile-dist',
    SHELF_CACHE_DIR: '.cache/hostile-astro',
    SITE_URL: 'https://lab.example.org',
    REPO_URL: 'https://github.com/example/shelf-hostile',
  },
};

export const builds = [realSite, fixtureSite];

/** Every file under `dir`, as paths relative to the repository root. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** A paper file as the tests need it. */
export interface PaperSource {
  slug: string;
  /** Path from the repository root, e.g. `content/papers/x.md`. */
  path: string;
  data: { title: string; abstract: string; topics: string[] } & Record<string, unknown>;
  body: string;
}

/** Every paper file of a build's content. */
export function readPapers(build: SiteBuild): PaperSource[] {
  return listFiles(join(build.contentDir, 'papers'))
    .filter((path) => /\.mdx?$/.test(path))
    .map((path) => {
      const { data, body } = parsePaperFile(readFileSync(path, 'utf8'));
      const slug = path.replace(/^.*\//, '').replace(/\.mdx?$/, '');
      return { slug, path: relative('.', path), data: data as PaperSource['data'], body };
    });
}

/** Topic slug → title, from a build's topic files. */
export function readTopics(build: SiteBuild): Map<string, string> {
  const topics = new Map<string, string>();
  for (const path of listFiles(join(build.contentDir, 'topics')).filter((file) => file.endsWith('.md'))) {
    const { data } = parsePaperFile(readFileSync(path, 'utf8'));
    topics.set(path.replace(/^.*\//, '').replace(/\.md$/, ''), String(data.title));
  }
  return topics;
}

/** The built HTML of a site path such as `papers/x/`, parsed. */
export function readPage(build: SiteBuild, sitePath: string): HTMLElement {
  const file = sitePath.endsWith('.html') ? sitePath : join(sitePath, 'index.html');
  return parse(readFileSync(join(build.outDir, file), 'utf8'));
}

/** Every page of a list that may span pages (`papers/`, `topics/x/`), following its `rel="next"` links. */
export function readListPages(build: SiteBuild, sitePath: string): HTMLElement[] {
  const pages = [readPage(build, sitePath)];
  for (let next = pages[0]!.querySelector('a[rel="next"]'); next; next = pages.at(-1)!.querySelector('a[rel="next"]')) {
    pages.push(readPage(build, next.getAttribute('href')!.slice(build.base.length)));
  }
  return pages;
}

/** One page as Pagefind stored it for search results (a `.pf_fragment`). */
export interface SearchFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The folders of a build's search index: `pagefind/`, then its shards (`pagefind/shard-2/`…). */
export function searchShardDirs(build: SiteBuild): string[] {
  const bundle = join(build.outDir, 'pagefind');
  const shards = readdirSync(bundle).filter((name) => /^shard-\d+$/.test(name));
  return [bundle, ...shards.sort((a, b) => Number(a.slice(6)) - Number(b.slice(6))).map((name) => join(bundle, name))];
}

/** Every page in a build's search index (all shards), read back from Pagefind's gzipped fragment files. */
export function readSearchFragments(build: SiteBuild): SearchFragment[] {
  return searchShardDirs(build).flatMap((shard) => readShardFragments(join(shard, 'fragment')));
}

function readShardFragments(dir: string): SearchFragment[] {
  return readdirSync(dir).flatMap((file) => {
    const json = JSON.parse(gunzipSync(readFileSync(join(dir, file))).toString('utf8').replace(/^pagefind_dcd/, ''));
    // Pagefind may group several pages' fragments in one file, keyed by page.
    return 'url' in json ? [json as SearchFragment] : (Object.values(json) as SearchFragment[]);
  });
}

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builds, readPage, readPapers, readTopics } from './builds.ts';

describe.each(builds)('the Pagefind index of the $name build', (build) => {
  const papers = readPapers(build);
  const topics = readTopics(build);
  const bundle = join(build.outDir, 'pagefind');

  it('exists and holds exactly the paper pages', () => {
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));
    const counts = Object.values(entry.languages as Record<string, { page_count: number }>).map((l) => l.page_count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(papers.length);
    expect(existsSync(join(bundle, 'pagefind.js'))).toBe(true);
  });

  it('has a topic filter with every topic that has papers', () => {
    const filters = readdirSync(join(bundle, 'filter')).map((file) =>
      gunzipSync(readFileSync(join(bundle, 'filter', file))).toString('utf8'),
    );
    const text = filters.join('\n');
    expect(text).toContain('topic');
    for (const [slug, title] of topics) {
      if (papers.some((paper) => paper.data.topics.includes(slug))) expect(text, slug).toContain(title);
    }
  });

  it('marks paper pages as the indexed body, with their topics as filters and the title as meta', () => {
    for (const paper of papers) {
      const page = readPage(build, `papers/${paper.slug}/`);
      const body = page.querySelectorAll('[data-pagefind-body]');
      expect(body, paper.path).toHaveLength(1);
      expect(body[0]!.querySelector('[data-pagefind-meta="title"]')?.text).toBe(paper.data.title);
      const filters = body[0]!.querySelectorAll('[data-pagefind-filter="topic"]').map((element) => element.text);
      expect(filters, paper.path).toEqual(paper.data.topics.map((slug) => topics.get(slug)));
    }
  });

  it('keeps topic, list and search pages out of the index', () => {
    for (const path of ['', 'papers/', 'search/', ...[...topics.keys()].map((slug) => `topics/${slug}/`)]) {
      expect(readPage(build, path).querySelector('[data-pagefind-body]'), path).toBeNull();
    }
    expect(readPage(build, '404.html').querySelector('[data-pagefind-body]')).toBeNull();
  });
});

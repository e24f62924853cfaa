/**
 * Real builds (`npm run build`: ingest, the content check, Astro) over hostile and hand-edited content,
 * made here in .cache/: one that must stop before Astro with one `file: field: problem (fix)` line per
 * problem and no stack trace, and one that must build, with every payload kept as text.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/catalogue/catalogue.ts';
import { unsafeHtml } from '../support/hostile.ts';
import { listFiles } from './builds.ts';
import { buildEnv } from './global-setup.ts';

const ROOT = '.cache/hostile';

/** A content folder (dumps, papers, topics) under .cache/hostile/<name>. */
function content(name: string, dump: string, papers: Record<string, string>) {
  const dir = join(ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content/dumps'), { recursive: true });
  mkdirSync(join(dir, 'content/papers'), { recursive: true });
  cpSync('tests/fixtures/site/content/topics', join(dir, 'content/topics'), { recursive: true });
  writeFileSync(join(dir, 'content/dumps/000_hostile.txt'), dump);
  for (const [file, text] of Object.entries(papers)) writeFileSync(join(dir, 'content/papers', file), text);
  return { dir, contentDir: join(dir, 'content'), outDir: join(dir, 'dist') };
}

function build(site: ReturnType<typeof content>) {
  return spawnSync('npm', ['run', '--silent', 'build'], {
    env: { ...buildEnv(), SHELF_CONTENT_DIR: site.contentDir, SHELF_OUT_DIR: site.outDir, SHELF_CACHE_DIR: join(site.dir, 'astro-cache'), SITE_URL: 'https://lab.example.org', BASE_PATH: '/' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

const DUMP = [
  '2024-01-02', 'A paper whose title is a date, about long context windows in language models.', '',
  'yes', 'A paper whose title is a YAML boolean. We scale long context.', '',
  '=1+2 Formula Title Study', 'A title a spreadsheet would run. We study long context.', '',
  '<script>alert(1)</script> Attention Is All', 'A title with a script tag. It studies attention over long context.', '',
  'a: b', 'A title that looks like a mapping. Long context again.', '',
].join('\n');

const paper = (title: string, extra: string, body = '') =>
  `---\ntitle: ${JSON.stringify(title)}\nabstract: About long context windows in language models.\n${extra}---\n${body}`;

describe('a build over content a contributor broke', () => {
  const site = content('broken', DUMP, {
    'script-link.md': paper('Script Link', 'links:\n  - label: Code\n    url: javascript:alert(document.domain)\n'),
    'unknown-topic.md': paper('Unknown Topic', 'topics: [long-contxt]\n'),
    'bad-rating.md': paper('Bad Rating', 'rating: 9\n'),
    'throws.mdx': paper('Throws', '', '\nHello {alert(1)}\n'),
  });
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    result = build(site);
  }, 240_000);

  it('stops before Astro starts, with one line per problem naming the file, field and fix, and no stack trace', () => {
    expect(result.status).toBe(1);
    const papers = `${site.contentDir}/papers`;
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(errors.sort()).toEqual([
      `error: ${papers}/bad-rating.md: rating: must be from 1 (weak) to 5 (must read)`,
      `error: ${papers}/script-link.md: links[0].url: "javascript:alert(document.domain)" is not an http(s) address or a path on this site (write the full address, starting with https:// (or a path on this site, starting with /); other schemes, such as javascript: or data:, are not allowed)`,
      `error: ${papers}/throws.mdx: notes: the MDX throws when the page is built: ReferenceError: alert is not defined (MDX runs the JavaScript in { } and in exports when the page is built, where there is no browser (no window, document or alert): fix or remove it, or rename the file to .md for plain Markdown)`,
      `error: ${papers}/unknown-topic.md: topics[0]: "long-contxt" is not a topic (did you mean "long-context"?) (use one of: long-context, test-time-adaptation, long-cot, credit-assignment)`,
    ]);
    expect(result.stderr).toContain('build: stopped before Astro; nothing was built');
    expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s+at |InvalidContentEntryDataError|Stack trace/m);
    expect(existsSync(site.outDir)).toBe(false);
  });

  it('stops at ingest, before writing anything, for a file whose YAML does not parse, naming its line and column', () => {
    const yaml = content('broken-yaml', DUMP, { 'broken-yaml.md': "---\ntitle: 'It's broken'\nabstract: x\n---\n" });
    const run = build(yaml);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('error: '))).toEqual([
      `error: ${yaml.contentDir}/papers/broken-yaml.md:2:11: title: invalid YAML: the ' that opens the value closes at column 11, before the value ends (write '' for each ' inside a '-quoted value (It''s), or quote the value with " instead)`,
    ]);
    expect(run.stderr).toContain('no file was written');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(yaml.outDir)).toBe(false);
  });
});

describe('a build over hostile but valid content', () => {
  const site = content('valid', DUMP, {
    'by-hand.md': '---\n# Found at a workshop.\ntitle: "Ring Attention: A Paper Added By Hand"\nabstract: We split long sequences across devices to reach long context.\nlinks:\n  - label: Code\n    url: https://github.com/x/ring\n  - label: Related here\n    url: /papers/yes/\n---\n\nOur note.\n',
  });
  let result: ReturnType<typeof build>;
  const page = (path: string) => parse(readFileSync(join(site.outDir, path, 'index.html'), 'utf8'));
  beforeAll(() => {
    result = build(site);
  }, 240_000);

  it('builds', () => {
    expect(result.status, result.stderr).toBe(0);
  });

  it('shows titles YAML would misread as the text of the dump', () => {
    expect(page('papers/2024-01-02').querySelector('h1')?.text).toBe('2024-01-02');
    expect(page('papers/yes').querySelector('h1')?.text).toBe('yes');
    expect(page('papers/a-b').querySelector('h1')?.text).toBe('a: b');
    expect(page('papers/script-alert-1-script-attention-is-all').querySelector('h1')?.text).toBe('<script>alert(1)</script> Attention Is All');
  });

  it('builds a paper added by hand with the classifier\'s topics, its links and note, and the file as the person wrote it plus its topics', () => {
    const root = page('papers/by-hand');
    expect(root.querySelector('h1')?.text).toBe('Ring Attention: A Paper Added By Hand');
    expect(root.querySelectorAll('.paper-header .topic-list a').map((a) => a.getAttribute('href'))).toEqual(['/topics/long-context/']);
    expect(root.querySelectorAll('dl.facts a').map((a) => a.getAttribute('href'))).toEqual(['https://github.com/x/ring', '/papers/yes/']);
    expect(root.text).toContain('added by hand');
    expect(readFileSync(join(site.contentDir, 'papers/by-hand.md'), 'utf8')).toBe('---\n# Found at a workshop.\ntitle: "Ring Attention: A Paper Added By Hand"\nabstract: We split long sequences across devices to reach long context.\nlinks:\n  - label: Code\n    url: https://github.com/x/ring\n  - label: Related here\n    url: /papers/yes/\ntopics:\n  - long-context\nauto_topics:\n  - long-context\n---\n\nOur note.\n');
  });

  it('keeps every payload as text on every page, and runs no formula in papers.csv', () => {
    const found: string[] = [];
    for (const file of listFiles(site.outDir).filter((path) => path.endsWith('.html') && !path.includes('/pagefind/'))) {
      const root = parse(readFileSync(file, 'utf8'));
      for (const problem of unsafeHtml(root.querySelector('main') ?? root)) found.push(`${relative(site.outDir, file)}: ${problem}`);
      for (const script of root.querySelectorAll('script')) {
        // JSON-LD carries the title as data (JSON, `<` escaped), never as code.
        if (script.getAttribute('type') === 'application/ld+json') {
          if (script.text.includes('<')) found.push(`${relative(site.outDir, file)}: a JSON-LD block with <`);
          JSON.parse(script.text);
        } else if (script.text.includes('alert(')) found.push(`${relative(site.outDir, file)}: a script with alert(`);
      }
    }
    expect(found).toEqual([]);
    const rows: string[][] = parseCsv(readFileSync(join(site.outDir, 'papers.csv'), 'utf8'));
    const titles = rows.slice(1).map((row) => row[CSV_COLUMNS.indexOf('title')]);
    expect(titles).toContain("'=1+2 Formula Title Study");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

import { fork } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../src/integrations/background.ts';
import { readPaperFiles } from '../../src/lib/ingest/io.ts';
import { fromJson } from '../../src/lib/background.ts';
import { relatedPapers } from '../../src/lib/related.ts';
import { searchShardCount } from '../../src/lib/search-records.ts';
import { keyPhrases } from '../../src/lib/stats.ts';
import { loadTopics } from '../../src/lib/topics.ts';
import { notesText } from '../../src/lib/text.ts';

const work = mkdtempSync(join(tmpdir(), 'shelf-background-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the worker on a content folder (`extra`: where it goes on from); resolves with its messages, stderr and exit code. */
function runWorker(
  contentDir: string,
  name: string,
  { extra = [], env = {} }: { extra?: string[]; env?: Record<string, string> } = {},
): Promise<{ messages: WorkerMessage[]; stderr: string; code: number | null; staging: string; related: string }> {
  const staging = join(work, name, 'pagefind');
  const related = join(work, `${name}-related.json`);
  return new Promise((resolve) => {
    const child = fork('src/integrations/background-worker.ts', [contentDir, staging, related, ...extra], {
      execPath: process.execPath,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, ...env },
    });
    const messages: WorkerMessage[] = [];
    let stderr = '';
    child.on('message', (message: WorkerMessage) => messages.push(message));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ messages, stderr, code, staging, related }));
  });
}

describe('the background worker', () => {
  it('sends the related papers and key phrases first, then writes the search index, for the fixture content', async () => {
    const content = 'tests/fixtures/site/content';
    const { messages, code, staging, related } = await runWorker(content, 'fixture');
    expect(code).toBe(0);
    expect(messages.map((message) => message.type)).toEqual(['results', 'index']);
    const { papers } = readPaperFiles(join(content, 'papers'), { recursive: true });
    const expected = relatedPapers(papers.map((paper) => ({ id: paper.slug, title: String(paper.data.title), abstract: String(paper.data.abstract), notes: notesText(paper.body) })));
    const results = fromJson(JSON.parse(readFileSync(related, 'utf8')));
    expect(results.related).toEqual(expected);
    const topicIds = loadTopics(join(content, 'topics')).map((topic) => topic.slug);
    const plain = papers.map((paper) => ({ title: String(paper.data.title), abstract: String(paper.data.abstract), topics: paper.data.topics as string[] }));
    expect(results.keyPhrases).toEqual(keyPhrases(plain, topicIds));
    expect(messages[1]).toMatchObject({ type: 'index', pages: papers.length });
    expect(existsSync(join(staging, 'pagefind.js'))).toBe(true);
  }, 60_000);

  it('fails naming the file and line of every paper whose frontmatter is broken', async () => {
    const { mkdirSync } = await import('node:fs');
    const content = join(work, 'broken-content');
    cpSync('tests/fixtures/site/content', content, { recursive: true });
    mkdirSync(join(content, 'papers'), { recursive: true });
    writeFileSync(join(content, 'papers', 'broken.md'), '---\ntitle: [unclosed\n---\n');
    writeFileSync(join(content, 'papers', 'zz-also-broken.md'), '---\ntitle: "unclosed\n---\n');
    const { messages, code, stderr } = await runWorker(content, 'broken');
    expect(code).toBe(1);
    expect(messages).toEqual([]);
    expect(stderr).toMatch(/broken\.md:\d+: /);
    expect(stderr).toMatch(/zz-also-broken\.md:\d+: /);
  }, 60_000);

  it('with more than one shard, writes the first and the results, then hands off; a fresh worker goes on from there, through the same list of files', async () => {
    const content = join(work, 'sharded-content');
    cpSync('tests/fixtures/site/content', content, { recursive: true });
    const { papers } = readPaperFiles(join(content, 'papers'), { recursive: true });
    const env = { SEARCH_SHARD_SIZE: '4' };
    const first = await runWorker(content, 'sharded', { env });
    expect(first.code).toBe(0);
    expect(first.messages).toEqual([
      { type: 'results', file: first.related },
      // The first shard holds half a shard's papers (firstSearchShardSize).
      { type: 'handoff', paper: 2, shard: 1, pages: 2, papers: papers.length },
    ]);
    expect(existsSync(join(first.staging, 'pagefind.js'))).toBe(true);
    expect(existsSync(join(first.staging, 'shard-2'))).toBe(false);

    // A file added after the first listed them (sorted first, it would shift every paper after it) is not the fresh worker's to index.
    writeFileSync(join(content, 'papers', '0-added-meanwhile.md'), '---\ntitle: Added meanwhile\nabstract: Not in this build.\ntopics: []\n---\n');
    const rest = await runWorker(content, 'sharded', { env, extra: ['2', '1', 'pages-built'] });
    expect(rest.code).toBe(0);
    expect(rest.messages).toMatchObject([{ type: 'index', pages: papers.length - 2 }]);
    // The first shard is kept; the rest follow it, four papers a shard, as many as the search page merges.
    expect(existsSync(join(rest.staging, 'pagefind.js'))).toBe(true);
    const shards = searchShardCount(papers.length, 4);
    expect(shards).toBe(2);
    for (let shard = 2; shard <= shards; shard += 1) expect(existsSync(join(rest.staging, `shard-${shard}`, 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(rest.staging, `shard-${shards + 1}`))).toBe(false);
  }, 60_000);
});

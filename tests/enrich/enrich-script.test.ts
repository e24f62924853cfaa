/** `npm run enrich` end to end: the real script over copies of real paper files, against recorded arXiv answers. */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePaperFile } from '../../src/papers/frontmatter.ts';
import { tempDir } from '../support/temp-dir.ts';

const LONGROPE = 'longrope-extending-llm-context-window-beyond-2-million-tokens.md';
const LONGROPE2 = 'longrope2-near-lossless-llm-context-window-scaling.md';
const VINEPPO = 'vineppo-unlocking-rl-potential-for-llm-reasoning-through-refined-credit.md';
const UNLISTED = 'a-reading-group-memo.md';

let server: Server;
let api: string;
const asked: URL[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    asked.push(url);
    const name = url.searchParams.get('id_list') ? 'id-list.xml' : 'titles.xml';
    response.writeHead(200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
    response.end(readFileSync(`tests/fixtures/arxiv/${name}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A content folder with three real papers (a person set VinePPO's year; LongRoPE2 links its arXiv page) and one arXiv lacks. */
function workspace() {
  const content = tempDir('enrich');
  const papers = join(content, 'papers');
  mkdirSync(papers);
  for (const name of [LONGROPE, LONGROPE2, VINEPPO]) copyFileSync(join('content/papers', name), join(papers, name));
  const vine = readFileSync(join(papers, VINEPPO), 'utf8').replace(/^---\n/, '---\nyear: 2025\n');
  writeFileSync(join(papers, VINEPPO), `${vine}\nMy note, kept as written.   \n`);
  const two = readFileSync(join(papers, LONGROPE2), 'utf8').replace(/^---\n/, "---\nurl: 'https://arxiv.org/abs/2502.20082v1'\n");
  writeFileSync(join(papers, LONGROPE2), two);
  writeFileSync(join(papers, UNLISTED), "---\ntitle: A Reading Group Memo Never Posted Anywhere\nabstract: ''\n---\n");
  return { content, papers, cache: join(content, 'arxiv-cache.json') };
}

function enrich(ws: ReturnType<typeof workspace>, args: string[], apiUrl = api): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/enrich.ts', '--papers', ws.papers, '--cache', ws.cache, ...args], {
      env: { ...process.env, ARXIV_API_URL: apiUrl },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const snapshot = (dir: string) => [LONGROPE, LONGROPE2, VINEPPO, UNLISTED].map((name) => readFileSync(join(dir, name), 'utf8'));

describe('npm run enrich', () => {
  it('--dry-run prints what it would add and changes no file', async () => {
    const ws = workspace();
    const before = snapshot(ws.papers);
    const { code, stdout } = await enrich(ws, ['--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain(`${LONGROPE}: authors (8), year 2024, arxiv 2402.13753`);
    expect(stdout).toContain(`${VINEPPO}: authors (7), arxiv 2410.01679`);
    expect(stdout).toMatch(/would change 3 paper files; 1 paper not found on arXiv/);
    expect(snapshot(ws.papers)).toEqual(before);
    expect(existsSync(ws.cache)).toBe(false);
  }, 30_000);

  it('adds authors, year and arxiv, keeps what a person wrote and the note byte for byte; a second run asks arXiv nothing', async () => {
    const ws = workspace();
    const vineBody = parsePaperFile(readFileSync(join(ws.papers, VINEPPO), 'utf8')).body;
    asked.length = 0;
    const first = await enrich(ws, []);
    expect(first.code).toBe(0);
    expect(asked.map((url) => (url.searchParams.get('id_list') ? 'ids' : 'titles'))).toEqual(['ids', 'titles']);
    const read = (name: string) => parsePaperFile(readFileSync(join(ws.papers, name), 'utf8'));
    expect(read(LONGROPE).data).toMatchObject({ arxiv: '2402.13753', year: 2024, authors: expect.arrayContaining(['Yiran Ding', 'Mao Yang']) });
    expect(read(LONGROPE2).data).toMatchObject({ arxiv: '2502.20082', year: 2025, url: 'https://arxiv.org/abs/2502.20082v1' });
    expect(read(VINEPPO).data).toMatchObject({ arxiv: '2410.01679', year: 2025 });
    expect(read(VINEPPO).body).toBe(vineBody);
    expect(read(UNLISTED).data.arxiv).toBeUndefined();
    const after = snapshot(ws.papers);
    asked.length = 0;
    const second = await enrich(ws, []);
    expect(second.code).toBe(0);
    expect(asked).toEqual([]);
    expect(second.stdout).toMatch(/changed 0 paper files/);
    expect(snapshot(ws.papers)).toEqual(after);
  }, 60_000);

  it('without network ends with one line, no stack trace, and changes nothing', async () => {
    const ws = workspace();
    const before = snapshot(ws.papers);
    // A port nobody listens on: the connection is refused at once.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { code, stderr } = await enrich(ws, [], `http://127.0.0.1:${port}/api/query`);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([`enrich: cannot reach 127.0.0.1:${port} (ECONNREFUSED); no paper file was changed; what was learnt so far is in the cache, so a second run goes on from there.`]);
    expect(snapshot(ws.papers)).toEqual(before);
  }, 30_000);
});

/**
 * A run killed while it writes (kill -9: no handler runs) leaves temporary files; the next run removes
 * them, and no paper file is ever half-written or lost.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIngest } from '../../src/ingest/index.ts';
import { parsePaperFile } from '../../src/papers/frontmatter.ts';
import { tempDir } from '../support/temp-dir.ts';
import { ROOT, snapshot } from './helpers.ts';

const PAPERS = 1000;

/** A dump of `PAPERS` distinct papers, each a title line and a line of prose. */
function syntheticDump(): string {
  return Array.from({ length: PAPERS }, (_, index) => `Scaling Study ${index} of Context Windows in Model Family ${index % 7}\n\nWe measure how model family ${index % 7} handles long inputs in setting ${index}. It degrades.\n`).join('\n');
}

/** Runs `npm run ingest` as a child and kills it (SIGKILL) as soon as a temporary file appears in `out`; resolves once it is dead. */
function ingestKilledMidWrite(ws: { dumps: string; out: string; topics: string }): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/ingest.ts', '--dumps', ws.dumps, '--out', ws.out, '--topics', ws.topics, '--threads', '1'], { cwd: ROOT, stdio: 'ignore' });
    const watcher = watch(ws.out, (_event, name) => {
      if (name?.endsWith('.tmp')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      watcher.close();
      resolve(signal);
    });
  });
}

describe('an ingest killed while it writes', () => {
  it('leaves temporary files that the next run removes; every file parses, every note stays, and a run after that changes nothing', { timeout: 120_000 }, async () => {
    let leftovers = 0;
    // A kill lands between a temporary file and its rename only sometimes (a narrow window): try until it has.
    for (let attempt = 0; attempt < 20 && leftovers === 0; attempt += 1) {
      const root = tempDir('killed');
      const ws = { dumps: join(root, 'dumps'), out: join(root, 'papers'), topics: join(root, 'topics') };
      mkdirSync(ws.dumps);
      cpSync(join(ROOT, 'content/topics'), ws.topics, { recursive: true });
      writeFileSync(join(ws.dumps, '000_big.txt'), syntheticDump());
      expect(await runIngest({ ...ws, threads: 1 })).toMatchObject({ new: PAPERS });
      // Notes on every tenth paper, and a dump edited above every listing: the next run rewrites every file.
      const names = readdirSync(ws.out).sort();
      for (const name of names.filter((_, index) => index % 10 === 0)) writeFileSync(join(ws.out, name), `${readFileSync(join(ws.out, name), 'utf8')}\nNote on ${name}.\n`);
      const notes = snapshot(ws.out);
      writeFileSync(join(ws.dumps, '000_big.txt'), `Subscribe\n\n${syntheticDump()}`);

      expect(await ingestKilledMidWrite(ws)).toBe('SIGKILL');
      const left = readdirSync(ws.out).filter((name) => name.endsWith('.tmp'));
      leftovers += left.length;
      // Killed between a temporary file and its rename: the old file or the new one, never half of one.
      for (const name of readdirSync(ws.out).filter((entry) => entry.endsWith('.md'))) parsePaperFile(readFileSync(join(ws.out, name), 'utf8'));

      const report = await runIngest({ ...ws, threads: 1 });
      expect(report.new).toBe(0);
      expect(readdirSync(ws.out).filter((name) => !name.endsWith('.md'))).toEqual([]);
      expect(readdirSync(ws.out).sort()).toEqual(names);
      for (const [name, text] of Object.entries(notes)) {
        const note = /\nNote on .*\n$/.exec(text)?.[0];
        if (note) expect(readFileSync(join(ws.out, name), 'utf8').endsWith(note)).toBe(true);
      }
      const after = snapshot(ws.out);
      expect(await runIngest({ ...ws, threads: 1 })).toMatchObject({ updated: 0, unchanged: PAPERS });
      expect(snapshot(ws.out)).toEqual(after);
    }
    // The kill landed mid-write at least once, so the removal was tested, not just the clean case.
    expect(leftovers).toBeGreaterThan(0);
  });
});

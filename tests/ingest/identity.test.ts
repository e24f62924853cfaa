import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostics.ts';
import { runIngest } from '../../src/ingest/index.ts';
import { checkContent } from '../../src/papers/check.ts';
import { parsePaperFile } from '../../src/papers/frontmatter.ts';
import { loadPapers } from '../../src/papers/load.ts';
import { tempDir } from '../support/temp-dir.ts';
import { ROOT, snapshot } from './helpers.ts';

/** Two papers whose titles make the same slug (the second file gets `-2`), and a third. */
const DUMP = [
  'Foo Bar: Scaling Long Context Windows',
  '',
  'We extend the context window of language models to a million tokens. It works.',
  '',
  'Foo-Bar: Scaling Long Context Windows',
  '',
  'A different paper with a title that makes the same file name. We test long context.',
  '',
  'Chain of Thought Reasoning at Length',
  '',
  'We study long chain-of-thought reasoning in language models. It is long.',
  '',
].join('\n');

let root: string;
let dumps: string;
let out: string;
let topics: string;
const ingest = () => runIngest({ dumps, out, topics, threads: 1 });
const check = async () => {
  const result = await checkContent({ dumps, papers: out, topics });
  return { errors: result.errors.map(formatDiagnostic), warnings: result.warnings.map(formatDiagnostic) };
};
const read = (name: string) => readFileSync(join(out, name), 'utf8');
const write = (name: string, text: string) => writeFileSync(join(out, name), text);

beforeEach(() => {
  root = tempDir('identity');
  [dumps, out, topics] = ['dumps', 'papers', 'topics'].map((name) => join(root, name)) as [string, string, string];
  mkdirSync(dumps);
  writeFileSync(join(dumps, '000_list.txt'), DUMP);
  cpSync(join(ROOT, 'content/topics'), topics, { recursive: true });
});

describe('a hand-edited title', () => {
  it('in a -2 file, with a note: ingest restores the title in the same file, keeps the note, makes no second file, and says so', async () => {
    await ingest();
    const suffixed = 'foo-bar-scaling-long-context-windows-2.md';
    expect(parsePaperFile(read(suffixed)).data.title).toBe('Foo-Bar: Scaling Long Context Windows');
    write(suffixed, `${read(suffixed).replace(/^title: .*$/m, "title: 'Foo-Bar: Scaling Long-Context Windows (ICLR)'")}\nOur note.\n`);
    expect((await check()).errors).toEqual([expect.stringMatching(new RegExp(`${suffixed}: title: was edited by hand, but ingest owns this field`))]);

    const report = await ingest();
    expect(report).toMatchObject({ new: 0, updated: 1, orphans: [] });
    expect(report.notices.map(formatDiagnostic)).toEqual([
      `${join(out, suffixed)}: title: set to "Foo-Bar: Scaling Long Context Windows", as 000_list.txt lists it on line 5 (the file said "Foo-Bar: Scaling Long-Context Windows (ICLR)") (ingest owns the title of a paper from the dumps: to change it, edit that line of 000_list.txt; put other remarks in the notes)`,
    ]);
    expect(readdirSync(out).sort()).toEqual(['chain-of-thought-reasoning-at-length.md', 'foo-bar-scaling-long-context-windows-2.md', 'foo-bar-scaling-long-context-windows.md']);
    expect(parsePaperFile(read(suffixed))).toMatchObject({ data: { title: 'Foo-Bar: Scaling Long Context Windows' }, body: '\nOur note.\n' });
    expect(await check()).toEqual({ errors: [], warnings: [] });
  });

  it('in a file whose listing moved too (the dump edited above it): tied by its file name', async () => {
    await ingest();
    const name = 'chain-of-thought-reasoning-at-length.md';
    write(name, `${read(name).replace(/^title: .*$/m, 'title: Chain of Thought, edited')}Note.\n`);
    writeFileSync(join(dumps, '000_list.txt'), `Subscribe\n\n${DUMP}`);
    expect(await ingest()).toMatchObject({ new: 0, orphans: [] });
    expect(parsePaperFile(read(name))).toMatchObject({ data: { title: 'Chain of Thought Reasoning at Length', sources: [{ dump: '000_list.txt', line: 11 }] }, body: 'Note.\n' });
  });
});

describe('a paper added by hand', () => {
  const byHand = [
    '---',
    '# Added from the conference programme.',
    'title: "Ring Attention with Blockwise Transformers for Near-Infinite Context"',
    'abstract: >-',
    '  We split long sequences across devices',
    '  and pass key-value blocks around a ring.',
    'tags: [systems, long-context]',
    'status: to-read   # for the reading group',
    '---',
    '',
    'A note, *kept*.',
  ].join('\n');

  it('with only a title and an abstract passes the check, and builds with the classifier\'s topics', async () => {
    await ingest();
    write('ring-attention.md', byHand);
    expect(await check()).toEqual({ errors: [], warnings: [] });
    expect((await checkContent({ papers: out, topics, runMdx: true })).errors).toEqual([]);
    const paper = loadPapers(out, topics, root).find((entry) => entry.id === 'ring-attention')!;
    expect(paper.data).toMatchObject({ title: 'Ring Attention with Blockwise Transformers for Near-Infinite Context', topics: ['long-context'], auto_topics: ['long-context'], sources: [], tags: ['systems', 'long-context'] });
  });

  it('keeps every byte a person wrote through ingest, which adds only topics and auto_topics, then changes nothing', async () => {
    await ingest();
    write('ring-attention.md', byHand);
    const report = await ingest();
    expect(report).toMatchObject({ new: 0, updated: 1, byHand: 1, orphans: [], notices: [] });
    const lines = byHand.split('\n');
    expect(read('ring-attention.md')).toBe([...lines.slice(0, 8), 'topics:', '  - long-context', 'auto_topics:', '  - long-context', ...lines.slice(8)].join('\n'));
    const before = snapshot(out);
    expect(await ingest()).toMatchObject({ updated: 0, unchanged: 4, byHand: 1 });
    expect(snapshot(out)).toEqual(before);
    expect(await check()).toEqual({ errors: [], warnings: [] });
  });

  it('keeps the topics a person chose, adding what the classifier says beside them', async () => {
    await ingest();
    write('ring-attention.md', byHand.replace('tags:', 'topics: [long-cot]\ntags:'));
    await ingest();
    expect(parsePaperFile(read('ring-attention.md')).data).toMatchObject({ topics: ['long-cot'], auto_topics: ['long-context'] });
    expect(await check()).toEqual({ errors: [], warnings: [] });
  });

  it('that a dump lists later becomes the dump\'s paper, in the same file, notes and fields kept, and ingest says so', async () => {
    await ingest();
    write('ring-attention.md', byHand);
    writeFileSync(join(dumps, '001_more.txt'), 'Ring Attention with Blockwise Transformers for Near-Infinite Context\n\nThe dump has its own abstract of this paper. It is prose.\n');
    expect((await check()).errors).toEqual([`${join(out, 'ring-attention.md')}: is a paper added by hand that 001_more.txt now lists on line 1 (run \`npm run ingest\`: it records the listing and takes the title and abstract from the dump; your notes and other fields stay)`]);
    const report = await ingest();
    expect(report).toMatchObject({ new: 0, updated: 1, byHand: 0 });
    expect(report.notices.map((notice) => notice.message)).toEqual(['is now listed in 001_more.txt on line 1: ingest recorded the listing in sources and owns the title and abstract from now on, as the dump gives them']);
    expect(readdirSync(out)).toHaveLength(4);
    expect(parsePaperFile(read('ring-attention.md'))).toMatchObject({
      data: { abstract: 'The dump has its own abstract of this paper. It is prose.', sources: [{ dump: '001_more.txt', line: 1 }], tags: ['systems', 'long-context'], status: 'to-read' },
      body: '\nA note, *kept*.',
    });
    expect(await check()).toEqual({ errors: [], warnings: [] });
  });

  it('missing its abstract is reported by the check, and ingest leaves it alone', async () => {
    await ingest();
    write('mine.md', '---\ntitle: Mine\n---\n');
    expect((await check()).errors).toEqual([`${join(out, 'mine.md')}: abstract: is missing (add "abstract:" to the frontmatter, or run \`npm run ingest\` to restore it)`]);
    expect(await ingest()).toMatchObject({ updated: 0, byHand: 0, orphans: [] });
    expect(read('mine.md')).toBe('---\ntitle: Mine\n---\n');
  });
});

describe('what an interrupted run leaves', () => {
  it('is removed by the next run when its process is gone (a temporary file, a first run\'s staging folder), and git ignores it meanwhile', async () => {
    await ingest();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const leftover = `.chain-of-thought-reasoning-at-length.md.${gone}-0-3.tmp`;
    const running = `.foo-bar-scaling-long-context-windows.md.${process.pid}-0-1.tmp`;
    write(leftover, '');
    write(running, '');
    mkdirSync(join(root, `.papers.${gone}-0-1.tmp`));
    writeFileSync(join(root, `.papers.${gone}-0-1.tmp`, 'half.md'), '');
    await ingest();
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([running]);
    expect(readdirSync(root).sort()).toEqual(['dumps', 'papers', 'topics']);
    expect(execFileSync('git', ['check-ignore', '--no-index', `content/papers/${leftover}`, `content/.papers.${gone}-0-1.tmp`], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
  });
});

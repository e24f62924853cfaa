import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parsePaperFile } from '../../src/papers/frontmatter.ts';
import { IngestError } from '../../src/ingest/diagnostics.ts';
import { runIngest } from '../../src/ingest/index.ts';
import { makeWorkspace, ROOT, snapshot } from './helpers.ts';

let ws: ReturnType<typeof makeWorkspace>;
/** Runs ingest in line (`threads: 1`), as it runs on a list this small; the tests below also force worker threads. */
const ingest = (threads = 1) => runIngest({ dumps: ws.dumps, out: ws.out, topics: ws.topics, threads });
const read = (name: string) => readFileSync(join(ws.out, name), 'utf8');
const fileOf = (title: string) =>
  readdirSync(ws.out).find((name) => parsePaperFile(read(name)).data.title === title)!;

/** Index in `lines` of the abstract after the title on 1-based `titleLine` (both layouts). */
const abstractIndex = (lines: string[], titleLine: number) => lines.findIndex((line, index) => index >= titleLine && line.trim() !== '');

beforeEach(() => {
  ws = makeWorkspace();
});

describe('runIngest', () => {
  it('writes one file per distinct paper, and a second run changes no byte', async () => {
    const first = await ingest();
    expect(first).toMatchObject({ dumps: 5, listings: 417, papers: 327, new: 327, updated: 0, unchanged: 0 });
    expect(readdirSync(ws.out)).toHaveLength(327);
    const before = snapshot(ws.out);
    const mtimes = readdirSync(ws.out).map((name) => statSync(join(ws.out, name)).mtimeMs);
    const second = await ingest();
    expect(second).toMatchObject({ new: 0, updated: 0, unchanged: 327 });
    expect(snapshot(ws.out)).toEqual(before);
    expect(readdirSync(ws.out).map((name) => statSync(join(ws.out, name)).mtimeMs)).toEqual(mtimes);
  });

  it('writes the same bytes on worker threads as in line, and reads them back as unchanged', async () => {
    expect(await ingest(2)).toMatchObject({ papers: 327, new: 327, threads: 2 });
    const threaded = snapshot(ws.out);
    const inLine = makeWorkspace();
    await runIngest({ dumps: inLine.dumps, out: inLine.out, topics: inLine.topics, threads: 1 });
    expect(snapshot(inLine.out)).toEqual(threaded);
    expect(await ingest(2)).toMatchObject({ new: 0, updated: 0, unchanged: 327 });
  });

  it('writes a first run in a staging folder that then takes the papers folder\'s place, leaving nothing beside it', async () => {
    for (const threads of [1, 2]) {
      ws = makeWorkspace();
      expect(existsSync(ws.out)).toBe(false);
      expect(await ingest(threads)).toMatchObject({ new: 327, threads });
      expect(readdirSync(ws.out)).toHaveLength(327);
      expect(readdirSync(ws.root).sort()).toEqual(['dumps', 'papers', 'topics']);
    }
  });

  it('writes into a folder that holds anything else file by file, and keeps what it holds', async () => {
    mkdirSync(ws.out);
    writeFileSync(join(ws.out, 'README.txt'), 'Our notes on the list.\n');
    expect(await ingest()).toMatchObject({ new: 327 });
    expect(readdirSync(ws.out)).toHaveLength(328);
    expect(read('README.txt')).toBe('Our notes on the list.\n');
    expect(readdirSync(ws.root).sort()).toEqual(['dumps', 'papers', 'topics']);
  });

  it('has nothing to change in the committed content/papers', async () => {
    cpSync(join(ROOT, 'content/papers'), ws.out, { recursive: true });
    const before = snapshot(ws.out);
    expect(await ingest()).toMatchObject({ papers: 327, new: 0, updated: 0, unchanged: 327 });
    expect(snapshot(ws.out)).toEqual(before);
  });

  it('records every listing of a paper that appears in several dumps', async () => {
    await ingest();
    const multi = readdirSync(ws.out).map((name) => parsePaperFile(read(name)).data).filter((data) => (data.sources as unknown[]).length > 1);
    expect(multi.reduce((sum, data) => sum + (data.sources as unknown[]).length - 1, 0)).toBe(417 - 327);
  });
});

describe('runIngest ownership rules', () => {
  it('keeps everything a person wrote when the dumps change', async () => {
    await ingest();
    const names = readdirSync(ws.out).sort();
    // A person annotates one paper: notes, added fields, and an unusual body.
    const noted = names[0];
    const notedTitle = parsePaperFile(read(noted)).data.title as string;
    const notes = '\n## Why read it\n\nIt is *good*.\n\n---\n\nA rule above, `code`, and no final newline';
    const original = read(noted);
    const withFields = original.replace(/\n---\n$/, '\nstatus: reading\ntags:\n  - survey\nrating: 4\nmy_field: keep me\n---\n');
    writeFileSync(join(ws.out, noted), withFields + notes);
    // Another person sets topics by hand.
    const retopiced = names[1];
    const retopicedText = read(retopiced).replace(/^topics:\n(  - .*\n)*/m, 'topics:\n  - credit-assignment\n  - long-cot\n');
    writeFileSync(join(ws.out, retopiced), retopicedText);
    // A third renames the file to .mdx.
    const mdx = names[2];
    const mdxText = `${read(mdx)}\nexport const x = 1;\n\nMDX notes {x}.\n`;
    renameSync(join(ws.out, mdx), join(ws.out, mdx.replace(/\.md$/, '.mdx')));
    writeFileSync(join(ws.out, mdx.replace(/\.md$/, '.mdx')), mdxText);

    // The dumps change: the annotated paper gets a new abstract and a new listing; a paper disappears; one is new.
    const notedSource = (parsePaperFile(original).data.sources as { dump: string; line: number }[])[0];
    const lines = readFileSync(join(ws.dumps, notedSource.dump), 'utf8').split('\n');
    lines[abstractIndex(lines, notedSource.line)] = 'A corrected abstract for this paper. It replaces the old one.';
    writeFileSync(join(ws.dumps, notedSource.dump), lines.join('\n'));
    const goneTitle = parsePaperFile(read(names[3])).data.title as string;
    const goneSources = parsePaperFile(read(names[3])).data.sources as { dump: string; line: number }[];
    for (const source of goneSources) {
      const dumpLines = readFileSync(join(ws.dumps, source.dump), 'utf8').split('\n');
      dumpLines[abstractIndex(dumpLines, source.line)] = '';
      dumpLines[source.line - 1] = '';
      writeFileSync(join(ws.dumps, source.dump), dumpLines.join('\n'));
    }
    writeFileSync(join(ws.dumps, '999_new.txt'), `Subscribe\n\n${notedTitle.toUpperCase()}\n\nThe same paper, listed again in capitals.\n\nA Brand New Paper on Long Context Windows\n\nWe extend the context window of large language models to one million tokens.\n`);

    const report = await ingest();
    expect(report).toMatchObject({ dumps: 6, papers: 327, new: 1 });
    expect(report.orphans.map((orphan) => orphan.data.title)).toEqual([goneTitle]);

    // Byte for byte: the person's body and fields are untouched.
    const after = read(noted);
    expect(after.endsWith(notes)).toBe(true);
    const data = parsePaperFile(after).data;
    expect(data).toMatchObject({ status: 'reading', tags: ['survey'], rating: 4, my_field: 'keep me' });
    expect(data.abstract).toBe('A corrected abstract for this paper. It replaces the old one.');
    expect(data.sources).toContainEqual({ dump: '999_new.txt', line: 3 });
    // Hand-set topics win; the .mdx file stays the same paper; the vanished paper's file stays.
    expect(parsePaperFile(read(retopiced)).data.topics).toEqual(['credit-assignment', 'long-cot']);
    expect(read(retopiced)).toBe(retopicedText);
    expect(read(mdx.replace(/\.md$/, '.mdx'))).toBe(mdxText);
    expect(existsSync(join(ws.out, mdx))).toBe(false);
    expect(existsSync(join(ws.out, names[3]))).toBe(true);
    expect(readdirSync(ws.out)).toHaveLength(328);
    expect(fileOf('A Brand New Paper on Long Context Windows')).toBe('a-brand-new-paper-on-long-context-windows.md');
  });

  it('moves untouched topics with the classifier and keeps hand-set ones', async () => {
    await ingest();
    const names = readdirSync(ws.out).sort();
    const onLongContext = names.filter((name) => (parsePaperFile(read(name)).data.topics as string[]).includes('long-context'));
    const [handSet, followed] = onLongContext;
    writeFileSync(join(ws.out, handSet), read(handSet).replace(/^topics:\n(  - .*\n)*/m, 'topics:\n  - long-context\n  - long-cot\n'));
    // A curator makes long-context impossible to reach.
    const topicFile = join(ws.topics, 'long-context.md');
    writeFileSync(topicFile, readFileSync(topicFile, 'utf8').replace(/^threshold: .*$/m, 'threshold: 100000'));
    await ingest();
    expect(parsePaperFile(read(followed)).data.topics).not.toContain('long-context');
    expect(parsePaperFile(read(handSet)).data.topics).toEqual(['long-context', 'long-cot']);
  });
});

describe('runIngest errors', () => {
  it('stops on a dump that is not UTF-8, naming the file and line, before writing anything', async () => {
    await ingest();
    const before = snapshot(ws.out);
    writeFileSync(join(ws.dumps, '005_bad.txt'), Buffer.concat([Buffer.from('A Title\n\nAn abstract.\n'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]));
    writeFileSync(join(ws.dumps, '006_new.txt'), 'A Paper That Would Be New\n\nIts abstract.\n');
    await expect(ingest()).rejects.toThrow(IngestError);
    await expect(ingest(2)).rejects.toThrow(/005_bad\.txt:4: is not valid UTF-8 text \(re-save the file as UTF-8/);
    expect(snapshot(ws.out)).toEqual(before);
  });

  it('stops on a paper file whose frontmatter cannot be parsed, naming the line and column, before writing anything', async () => {
    await ingest();
    const name = readdirSync(ws.out).sort()[5];
    writeFileSync(join(ws.out, name), read(name).replace(/^topics:/m, 'topics: [unclosed\nstatus:'));
    writeFileSync(join(ws.dumps, '006_new.txt'), 'A Paper That Would Be New\n\nIts abstract.\n');
    const before = snapshot(ws.out);
    await expect(ingest(2)).rejects.toThrow(new RegExp(`${name}:3:9: topics: invalid YAML: the \\[ that opens the list is not closed`));
    expect(snapshot(ws.out)).toEqual(before);
  });

  it('stops when two files are the same paper', async () => {
    await ingest();
    const name = readdirSync(ws.out).sort()[0];
    writeFileSync(join(ws.out, `copy-${name}`), read(name));
    await expect(ingest()).rejects.toThrow(/is the same paper as/);
  });

  it('warns about a dump with no papers and goes on', async () => {
    writeFileSync(join(ws.dumps, '007_empty.txt'), 'new\n\nSubscribe\n');
    const report = await ingest();
    expect(report.warnings).toEqual([expect.objectContaining({ file: join(ws.dumps, '007_empty.txt'), line: 1, message: 'no papers found in this dump' })]);
    expect(report.papers).toBe(327);
  });
});

describe('npm run ingest', () => {
  it('ends with a one-line summary and exits 0; exits 1 with file:line on bad input', async () => {
    const run = () =>
      execFileSync(process.execPath, ['scripts/ingest.ts', '--dumps', ws.dumps, '--out', ws.out, '--topics', ws.topics], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    expect(run().trim()).toMatch(/^ingest: 5 dumps, 417 listings, 327 papers, 327 new, 0 updated, 0 unchanged, 0 not in any dump, 0 warnings, [\d.]+ s$/);
    writeFileSync(join(ws.dumps, 'bad.txt'), Buffer.from([0x41, 0x0a, 0xc3, 0x28]));
    let stderr = '';
    try {
      run();
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
      expect((error as { status: number }).status).toBe(1);
    }
    expect(stderr).toContain('bad.txt:2: is not valid UTF-8 text');
    expect(stderr).toContain('no file was written');
  });
});

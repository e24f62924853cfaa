import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/papers/check.ts';
import { formatDiagnostic } from '../../src/ingest/diagnostics.ts';
import { makeWorkspace, ROOT } from '../ingest/helpers.ts';

let ws: ReturnType<typeof makeWorkspace>;
let name: string;
const path = () => join(ws.out, name);
const edit = (change: (text: string) => string) => writeFileSync(path(), change(readFileSync(path(), 'utf8')));
const check = () => checkContent({ dumps: ws.dumps, papers: ws.out, topics: ws.topics });
const messages = async () => (await check()).errors.map(formatDiagnostic);

beforeEach(() => {
  ws = makeWorkspace();
  cpSync(join(ROOT, 'content/papers'), ws.out, { recursive: true });
  name = readdirSync(ws.out).find((file) => /^topics:\n  - long-context\n/m.test(readFileSync(join(ws.out, file), 'utf8')))!;
});

describe('checkContent', () => {
  it('passes the committed content', async () => {
    expect(await check()).toEqual({ files: 327, errors: [], warnings: [] });
  });

  it('accepts notes, person fields and hand-set topics', async () => {
    edit((text) => text.replace(/^topics:\n  - long-context\n/m, 'topics:\n  - long-cot\n').replace(/\n---\n$/, '\nstatus: read\nrating: 5\ntags:\n  - classic\nlinks:\n  - label: Code\n    url: https://github.com/x/y\n---\n\nMy **notes**.\n'));
    expect((await check()).errors).toEqual([]);
  });

  it('reports what sanitizing would remove from a note, by the file’s line', async () => {
    edit((text) => `${text}\nFine notes.\n\n<img src="f.png" alt="f" onerror="steal()">\n`);
    const line = readFileSync(path(), 'utf8').split('\n').indexOf('<img src="f.png" alt="f" onerror="steal()">') + 1;
    expect(await messages()).toEqual([`${path()}:${line}: onerror="steal()" on <img> is removed (remove it: notes cannot run scripts)`]);
  });

  it('reports broken YAML with the file, line and column of the mistake, and the fix', async () => {
    edit((text) => text.replace(/^topics:\n/m, 'topics: [long-context\n'));
    expect(await messages()).toEqual([`${path()}:3:9: topics: invalid YAML: the [ that opens the list is not closed (end the list with ] on the same line, or write it one "  - item" a line)`]);
  });

  it('names an unknown topic and suggests the closest one', async () => {
    edit((text) => text.replace(/^topics:\n  - long-context\n/m, 'topics:\n  - long-contxt\n'));
    expect(await messages()).toEqual([`${path()}: topics[0]: "long-contxt" is not a topic (did you mean "long-context"?) (use one of: long-context, test-time-adaptation, long-cot, credit-assignment)`]);
  });

  it('names a topic listed twice and says to keep it once', async () => {
    edit((text) => text.replace(/^topics:\n  - long-context\n/m, 'topics:\n  - long-context\n  - long-cot\n  - long-context\n'));
    expect(await messages()).toEqual([`${path()}: topics: lists "long-context" twice (keep each topic once)`]);
  });

  it('names a missing field and a mistyped value', async () => {
    edit((text) => text.replace(/^title: .*\n/m, '').replace(/\n---\n$/, '\nstatus: raed\nrating: 9\n---\n'));
    expect(await messages()).toEqual([
      `${path()}: title: is missing (add "title:" to the frontmatter, or run \`npm run ingest\` to restore it)`,
      `${path()}: status: "raed" is not allowed (did you mean "read"?) (use one of: to-read, reading, read, skipped)`,
      `${path()}: rating: must be from 1 (weak) to 5 (must read)`,
    ]);
  });

  it('finds two files for the same paper', async () => {
    writeFileSync(join(ws.out, `again-${name}`), readFileSync(path(), 'utf8').replace(/^title: (.*)$/m, (_, title) => `title: ${title.toUpperCase()}`));
    expect((await messages()).join('\n')).toMatch(new RegExp(`again-${name}: title: is the same paper as ${path()}`));
  });

  it('says which ingest-owned field was edited by hand and what to do instead', async () => {
    edit((text) => text.replace(/^abstract: (.)/m, 'abstract: My summary. $1'));
    expect(await messages()).toEqual([
      `${path()}: abstract: was edited by hand, but ingest owns this field and would overwrite it on its next run (ingest copies the abstract from the dump and would undo this; put your words in the notes below the frontmatter, or fix the text in content/dumps/ and run \`npm run ingest\`)`,
    ]);
  });

  it('asks for an ingest run when a dump was added without one', async () => {
    writeFileSync(join(ws.dumps, '005_new.txt'), 'A Paper Nobody Ingested Yet\n\nIts abstract. It is prose.\n');
    expect(await messages()).toEqual([
      `${join(ws.out, 'a-paper-nobody-ingested-yet.md')}: "A Paper Nobody Ingested Yet" is in the dumps but has no paper file yet (run \`npm run ingest\` and commit the new file)`,
    ]);
  });

  it.each([
    'javascript:alert(document.domain)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/\\evil.example/x',
    'https:evil.example',
    'ftp://files.example/x',
  ])('refuses a link to %j, naming the field and the fix', async (url) => {
    edit((text) => text.replace(/\n---\n$/, `\nlinks:\n  - label: Code\n    url: ${JSON.stringify(url)}\n---\n`));
    expect(await messages()).toEqual([
      `${path()}: links[0].url: ${JSON.stringify(url)} is not an http(s) address or a path on this site (write the full address, starting with https:// (or a path on this site, starting with /); other schemes, such as javascript: or data:, are not allowed)`,
    ]);
  });

  it('accepts links to http(s) addresses and to paths on this site', async () => {
    edit((text) => text.replace(/\n---\n$/, '\nlinks:\n  - label: Code\n    url: https://github.com/x/y?a=1#b\n  - label: Related\n    url: /papers/other/\n  - label: Old\n    url: HTTP://example.org\n---\n'));
    expect(await messages()).toEqual([]);
  });

  it('says a title that YAML reads as a boolean, a number or nothing must be quoted', async () => {
    for (const [title, message] of [
      ['true', 'reads as the boolean true, not as text (put the value in quotes, as you want it shown)'],
      ['1e3', 'reads as the number 1000, not as text (put the value in quotes, as you want it shown)'],
      ['', 'has no value (write the value after "title:", in quotes if it starts with # or another sign)'],
      ['#1 paper', 'has no value (write the value after "title:", in quotes if it starts with # or another sign)'],
    ]) {
      edit((text) => text.replace(/^title: .*$/m, `title: ${title}`));
      expect(await messages()).toEqual([`${path()}: title: ${message}`]);
    }
  });

  it("names the junk key a broken quote makes, once, and not the fields it swallowed", async () => {
    edit((text) => text.replace(/^title: (.*)$/m, "title: '$1").replace(/^abstract: .*$/m, "abstract: 'It''s a study: of things'"));
    expect(await messages()).toEqual([expect.stringMatching(new RegExp(`^${path()}:2:8: title: invalid YAML: the ' that opens the value is not closed on its line`))]);
  });

  it('accepts a paper added by hand with only a title and an abstract, and warns of nothing', async () => {
    writeFileSync(join(ws.out, 'by-hand.md'), '---\ntitle: A Paper We Found Ourselves\nabstract: We study long context windows in language models.\n---\n\nNotes.\n');
    expect(await check()).toEqual({ files: 328, errors: [], warnings: [] });
  });
});


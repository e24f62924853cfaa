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
const messages = () => check().errors.map(formatDiagnostic);

beforeEach(() => {
  ws = makeWorkspace();
  cpSync(join(ROOT, 'content/papers'), ws.out, { recursive: true });
  name = readdirSync(ws.out).find((file) => /^topics:\n  - long-context\n/m.test(readFileSync(join(ws.out, file), 'utf8')))!;
});

describe('checkContent', () => {
  it('passes the committed content', () => {
    expect(check()).toEqual({ files: 327, errors: [], warnings: [] });
  });

  it('accepts notes, person fields and hand-set topics', () => {
    edit((text) => text.replace(/^topics:\n  - long-context\n/m, 'topics:\n  - long-cot\n').replace(/\n---\n$/, '\nstatus: read\nrating: 5\ntags:\n  - classic\nlinks:\n  - label: Code\n    url: https://github.com/x/y\n---\n\nMy **notes**.\n'));
    expect(check().errors).toEqual([]);
  });

  it('reports what sanitizing would remove from a note, by the file’s line', () => {
    edit((text) => `${text}\nFine notes.\n\n<img src="f.png" alt="f" onerror="steal()">\n`);
    const line = readFileSync(path(), 'utf8').split('\n').indexOf('<img src="f.png" alt="f" onerror="steal()">') + 1;
    expect(messages()).toEqual([`${path()}:${line}: onerror="steal()" on <img> is removed (remove it: notes cannot run scripts)`]);
  });

  it('reports broken YAML with the file and line', () => {
    edit((text) => text.replace(/^topics:\n/m, 'topics: [long-context\n'));
    expect(messages()).toEqual([expect.stringMatching(new RegExp(`^${path()}:\\d+: invalid YAML: .*\\(fix the YAML between the two "---" lines`))]);
  });

  it('names an unknown topic and suggests the closest one', () => {
    edit((text) => text.replace(/^topics:\n  - long-context\n/m, 'topics:\n  - long-contxt\n'));
    expect(messages()).toEqual([`${path()}: topics[0]: "long-contxt" is not a topic (did you mean "long-context"?) (use one of: long-context, test-time-adaptation, long-cot, credit-assignment)`]);
  });

  it('names a topic listed twice and says to keep it once', () => {
    edit((text) => text.replace(/^topics:\n  - long-context\n/m, 'topics:\n  - long-context\n  - long-cot\n  - long-context\n'));
    expect(messages()).toEqual([`${path()}: topics: lists "long-context" twice (keep each topic once)`]);
  });

  it('names a missing field and a mistyped value', () => {
    edit((text) => text.replace(/^title: .*\n/m, '').replace(/\n---\n$/, '\nstatus: raed\nrating: 9\n---\n'));
    expect(messages()).toEqual([
      `${path()}: title: is missing (add "title:" to the frontmatter, or run \`npm run ingest\` to restore it)`,
      `${path()}: status: "raed" is not allowed (did you mean "read"?) (use one of: to-read, reading, read, skipped)`,
      `${path()}: rating: must be from 1 (weak) to 5 (must read)`,
    ]);
  });

  it('finds two files for the same paper', () => {
    writeFileSync(join(ws.out, `again-${name}`), readFileSync(path(), 'utf8').replace(/^title: (.*)$/m, (_, title) => `title: ${title.toUpperCase()}`));
    expect(messages().join('\n')).toMatch(new RegExp(`again-${name}: title: is the same paper as ${path()}`));
  });

  it('says which ingest-owned field was edited by hand and what to do instead', () => {
    edit((text) => text.replace(/^abstract: (.)/m, 'abstract: My summary. $1'));
    expect(messages()).toEqual([
      `${path()}: abstract: was edited by hand, but ingest owns this field and would overwrite it on its next run (ingest copies the abstract from the dump and would undo this; put your words in the notes below the frontmatter, or fix the text in content/dumps/ and run \`npm run ingest\`)`,
    ]);
  });

  it('asks for an ingest run when a dump was added without one', () => {
    writeFileSync(join(ws.dumps, '005_new.txt'), 'A Paper Nobody Ingested Yet\n\nIts abstract. It is prose.\n');
    expect(messages()).toEqual([
      `${join(ws.out, 'a-paper-nobody-ingested-yet.md')}: "A Paper Nobody Ingested Yet" is in the dumps but has no paper file yet (run \`npm run ingest\` and commit the new file)`,
    ]);
  });
});

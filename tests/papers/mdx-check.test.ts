import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostics.ts';
import { checkContent } from '../../src/papers/check.ts';
import { checkMdxNote } from '../../src/papers/mdx-check.ts';
import { tempDir } from '../support/temp-dir.ts';
import { cpSync } from 'node:fs';

const note = (body: string) => ({ file: 'content/papers/x.mdx', lineOffset: 4, body, frontmatter: { title: 'X' } });
const problems = async (body: string, runCode = true) => (await checkMdxNote(note(body), { runCode })).map(formatDiagnostic);

describe('checkMdxNote', () => {
  it('accepts MDX that compiles and runs: JSX, exports, expressions, the frontmatter, math with braces', async () => {
    expect(await problems('\nexport const n = 2;\n\n# {frontmatter.title}\n\n<div class="box">Two is {n}.</div>\n\nMath: $\\frac{a}{b}$ and $$\\sum_{i} x_i$$\n')).toEqual([]);
  });

  it('names the file line and column of MDX that does not compile', async () => {
    expect(await problems('\nSome text.\n\nAn unclosed {brace here\n')).toEqual([
      expect.stringMatching(/^content\/papers\/x\.mdx:8:13: notes: the MDX does not compile: .+ \(in MDX, \{ starts a JavaScript expression and < a JSX tag: close them, write \\\{ or &lt; for the characters themselves, or rename the file to \.md\)$/),
    ]);
  });

  it('reports an expression that throws when the page is built, with the error, when asked to run the notes', async () => {
    expect(await problems('\nHello {alert(1)}\n')).toEqual([
      'content/papers/x.mdx: notes: the MDX throws when the page is built: ReferenceError: alert is not defined (MDX runs the JavaScript in { } and in exports when the page is built, where there is no browser (no window, document or alert): fix or remove it, or rename the file to .md for plain Markdown)',
    ]);
    expect(await problems('\nexport function Boom() { throw new Error("no"); }\n\n<Boom />\n')).toEqual([expect.stringContaining('notes: the MDX throws when the page is built: no (')]);
    expect(await problems('\n<Missing />\n')).toEqual([expect.stringContaining('notes: the MDX throws when the page is built: Expected component `Missing` to be defined')]);
  });

  it('only compiles when not asked to run, and never runs a note that imports components (they exist only inside Astro)', async () => {
    expect(await problems('\nHello {alert(1)}\n', false)).toEqual([]);
    expect(await problems("\nimport Card from '../../src/components/Card.astro';\n\n<Card />\n")).toEqual([]);
  });
});

describe('checkContent on .mdx notes', () => {
  it('runs them for the build only', async () => {
    const root = tempDir('mdx');
    cpSync('tests/fixtures/site/content', root, { recursive: true });
    writeFileSync(join(root, 'papers/alert.mdx'), '---\ntitle: Alert\nabstract: About long context windows.\n---\n\nHello {alert(1)}\n');
    const build = await checkContent({ papers: join(root, 'papers'), topics: join(root, 'topics'), runMdx: true });
    expect(build.errors.map(formatDiagnostic)).toEqual([expect.stringMatching(/alert\.mdx: notes: the MDX throws when the page is built: ReferenceError: alert is not defined/)]);
    const check = await checkContent({ papers: join(root, 'papers'), topics: join(root, 'topics') });
    expect(check.errors).toEqual([]);
  });
});

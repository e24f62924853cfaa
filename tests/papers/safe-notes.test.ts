import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostics.ts';
import { checkNotes, safeNotes } from '../../src/papers/safe-notes.ts';

const ROOT = join(import.meta.dirname, '../..');
const hostile = (name: string) => join(ROOT, 'tests/fixtures/hostile/content/papers', name);

describe('safeNotes', () => {
  it('leaves a note with nothing to remove as it is, byte for byte', () => {
    const note = '## Why\n\nSee [YaRN](https://arxiv.org/abs/2309.00071) and [the list](/papers/) <kbd>K</kbd>, $x<y$.\n\n```html\n<script>x()</script>\n```\n';
    expect(safeNotes(note)).toEqual({ markdown: note, removals: [], code: [] });
  });

  it('takes out scripts with their content, handlers, and links that are not http(s) or on the site, keeping the text', () => {
    const note = 'An <img src="a.png" alt="a" onerror="x()"> and <script>x()</script> and [l](javascript:x()) and [m](mailto:a@b.c).\n\n<style>\np { color: red }\n</style>\n\n![d](data:image/png;base64,AA)\n';
    const { markdown, removals } = safeNotes(note);
    expect(markdown).toBe('An <img src="a.png" alt="a"> and  and l and m.\n\n\n\nd\n');
    expect(removals.map((removal) => `${removal.line}: ${removal.message}`)).toEqual([
      '1: onerror="x()" on <img> is removed',
      '1: <script> is removed, with all it holds',
      '1: the link to "javascript:x()" is removed (its text stays)',
      '1: the link to "mailto:a@b.c" is removed (its text stays)',
      '3: <style> is removed, with all it holds',
      '7: the image from "data:image/png;base64,AA" is removed',
    ]);
    for (const removal of removals) expect(removal.fix).toMatch(/\S/);
  });

  it('unwraps an element notes may not use, keeping its content', () => {
    expect(safeNotes('a <marquee>b</marquee> c').markdown).toBe('a b c');
  });

  it('reads character references as the browser and the Markdown parser do', () => {
    expect(safeNotes('<a href="jav&#x61;script:x()">a</a>').markdown).toBe('<a>a</a>');
    expect(safeNotes('[a](javascript&#58;x())').removals.map((removal) => removal.message)).toEqual(['the link to "javascript:x()" is removed (its text stays)']);
  });

  it('in MDX, judges JSX with HTML names the same way and lists the code', () => {
    const { markdown, removals, code } = safeNotes("import C from './c.astro';\n\n<img src=\"a.png\" onerror=\"x()\" alt={label} /> {label} <C n={1} />\n", { mdx: true });
    expect(markdown).toBe("import C from './c.astro';\n\n<img src=\"a.png\"  alt={label} /> {label} <C n={1} />\n");
    expect(removals.map((removal) => removal.message)).toEqual(['onerror="x()" on <img> is removed']);
    expect(code).toEqual([
      { line: 1, code: "import C from './c.astro';" },
      { line: 3, code: 'alt={label}' },
      { line: 3, code: '{label}' },
      { line: 3, code: '<C …>' },
    ]);
  });
});

describe('checkNotes', () => {
  it('reports each removal in the hostile fixture as file:line: what (what to write instead)', () => {
    const file = hostile('hostile-markdown.md');
    const { errors, warnings } = checkNotes([file]);
    expect(warnings).toEqual([]);
    const lines = errors.map(formatDiagnostic);
    expect(lines).toContain(`${file}:12: onerror="__hostile(1)" on <img> is removed (remove it: notes cannot run scripts)`);
    expect(lines).toContain(`${file}:14: <script> is removed, with all it holds (notes cannot run scripts; link to the code or a demo instead, e.g. [demo](https://…))`);
    expect(lines).toContain(`${file}:16: the link to "javascript:__hostile(3)" is removed (its text stays) (link to an http(s) address or a path on this site, e.g. [text](https://…) or [text](/papers/<slug>/))`);
    expect(lines).toContain(`${file}:18: <iframe> is removed, with all it holds (notes cannot embed other pages; link to it instead, e.g. [video](https://…))`);
    expect(lines).toContain(`${file}:20: <style> is removed, with all it holds (notes use the page’s own styles; use Markdown for emphasis, lists and tables)`);
    // Every payload in the file is named by some line.
    const reported = lines.join('\n');
    for (const payload of [1, 3, 4, 5, 9, 10, 16]) expect(reported).toContain(`__hostile(${payload})`);
    expect(reported).not.toMatch(/:3[0-9]: /);
  });

  it('lists the code of an .mdx note for the reviewer, by line', () => {
    const file = hostile('hostile-mdx.mdx');
    const { errors, warnings } = checkNotes([file]);
    expect(warnings.map(formatDiagnostic)).toEqual([
      `${file}:12: runs at build time: export const label = 'reviewed'; (a maintainer reads every .mdx change before merging; plain Markdown in a .md file runs nothing)`,
      `${file}:14: runs at build time: {label} (a maintainer reads every .mdx change before merging; plain Markdown in a .md file runs nothing)`,
    ]);
    expect(errors.map((error) => `${error.line}: ${error.message}`)).toEqual([
      '14: onerror="__hostile(21)" on <img> is removed',
      '16: <script> is removed, with all it holds',
      '18: the link to "javascript:__hostile(23)" is removed (its text stays)',
      '18: onClick="__hostile(24)" on <a> is removed',
      '20: <iframe> is removed, with all it holds',
    ]);
  });

  it('reports an .mdx note that does not parse, with its line, and nothing for a clean note', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shelf-notes-'));
    const broken = join(dir, 'broken.mdx');
    writeFileSync(broken, "---\ntitle: 'x'\n---\nFine.\n\n<div>unclosed\n");
    const { errors } = checkNotes([broken, join(ROOT, 'tests/fixtures/site/content/papers/rated-with-links.md')]);
    expect(errors).toHaveLength(1);
    expect(formatDiagnostic(errors[0]!)).toMatch(new RegExp(`^${broken}:6: the MDX does not parse: .+ \\(fix the JSX or expression, or rename the file to \\.md for plain Markdown\\)$`));
  });
});

describe('the pull-request workflow, which builds notes from forks', () => {
  const text = readFileSync(join(ROOT, '.github/workflows/pull-request.yml'), 'utf8');
  const workflow = yaml.load(text) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { permissions?: Record<string, string>; steps: { uses?: string; with?: Record<string, unknown>; run?: string }[] }> };

  it('runs on pull_request only, never pull_request_target (which hands a fork secrets and a write token)', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
  });

  it('reads only, uses no secrets, and leaves no credentials in the checkout', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(workflow.jobs)) {
      expect(job.permissions ?? { contents: 'read' }).toEqual({ contents: 'read' });
      const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout'));
      expect(checkout?.with?.['persist-credentials']).toBe(false);
    }
    expect(text).not.toMatch(/secrets\.|GITHUB_TOKEN/);
  });

  it('builds and runs the check, which lists MDX code for the reviewer', () => {
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));
    expect(runs).toEqual(expect.arrayContaining(['npm run check', 'npm run build']));
  });
});

/**
 * The `.mdx` notes, checked before Astro meets them: each compiles (JSX and `{expressions}` that
 * parse), and, in the build's check, runs once as a page render would run it, so a note that throws
 * (`{alert(1)}`: there is no `alert` at build time) is reported as `file:line: notes: problem (fix)`
 * rather than ending the build with a stack trace.
 *
 * MDX is compiled with @mdx-js/mdx, the compiler @astrojs/mdx uses, with the same remark-math the
 * site's Markdown has (astro.config.mjs), so `$\frac{a}{b}$` is math here as on the page.
 * Running evaluates the note's JavaScript, which the build does anyway; `npm run check` only compiles.
 */
import { pathToFileURL } from 'node:url';
import { compile, run } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import type { Diagnostic } from '../ingest/diagnostics.ts';

/** One `.mdx` note to check: its file, the file line its body starts after, the body and the paper's fields. */
export interface MdxNote {
  file: string;
  /** Lines before the body (the frontmatter and its `---` lines), to number the body's lines as the file's. */
  lineOffset: number;
  body: string;
  frontmatter: Record<string, unknown>;
}

const FIX_COMPILE = 'in MDX, { starts a JavaScript expression and < a JSX tag: close them, write \\{ or &lt; for the characters themselves, or rename the file to .md';
const FIX_RUN = 'MDX runs the JavaScript in { } and in exports when the page is built, where there is no browser (no window, document or alert): fix or remove it, or rename the file to .md for plain Markdown';

/**
 * A minimal JSX runtime: it calls each function component with its props, as rendering would, and
 * builds nothing. The note's expressions run as its content is made.
 */
function renderingRuntime(pending: Promise<unknown>[]) {
  const jsx = (type: unknown, props: unknown) => {
    if (typeof type !== 'function') return null;
    const result: unknown = type(props);
    if (result instanceof Promise) pending.push(result);
    return result;
  };
  return { Fragment: Symbol('Fragment'), jsx, jsxs: jsx };
}

/** Problems with one `.mdx` note: none when it compiles (and, with `runCode`, runs) cleanly. */
export async function checkMdxNote(note: MdxNote, { runCode }: { runCode: boolean }): Promise<Diagnostic[]> {
  // As @astrojs/mdx gives every note its frontmatter: `{frontmatter.title}` is allowed.
  const declaresFrontmatter = /\bexport\s+(?:const|let|var|function)\s+frontmatter\b/.test(note.body);
  const prelude = declaresFrontmatter ? '' : `export const frontmatter = ${JSON.stringify(note.frontmatter)}\n\n`;
  const preludeLines = prelude === '' ? 0 : 2;
  let imports = false;
  const findImports = () => (tree: { children?: { type: string; value?: string }[] }) => {
    imports = (tree.children ?? []).some((node) => node.type === 'mdxjsEsm' && /(?:^|\n)\s*import\b/.test(node.value ?? ''));
  };
  let code: string;
  try {
    code = String(await compile(prelude + note.body, { outputFormat: 'function-body', remarkPlugins: [remarkMath, findImports] }));
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message: string };
    // MDX reports an unclosed { where the file ends; the mistake is the { itself.
    const brace = /closing brace for `\{`/.test(place.reason ?? '') && place.line !== undefined ? unclosedBrace(prelude + note.body, place.line, place.column ?? 1) : undefined;
    const { line, column } = brace ?? place;
    return [{
      file: note.file,
      line: line === undefined ? undefined : note.lineOffset + line - preludeLines,
      column,
      field: 'notes',
      message: `the MDX does not compile: ${place.reason ?? place.message}`,
      fix: FIX_COMPILE,
    }];
  }
  // A note that imports a component (an .astro file, say) runs only inside Astro: compiled, not run here.
  if (!runCode || imports || /\bimport\.meta\b/.test(note.body)) return [];
  try {
    const pending: Promise<unknown>[] = [];
    const module = await run(code, { ...renderingRuntime(pending), baseUrl: pathToFileURL(note.file) } as never);
    (module.default as (props: object) => unknown)({});
    await Promise.all(pending);
  } catch (error) {
    const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
    return [{ file: note.file, field: 'notes', message: `the MDX throws when the page is built: ${message}`, fix: FIX_RUN }];
  }
  return [];
}

/** The line and column of the last `{` before (`line`, `column`) that no `}` closes. */
function unclosedBrace(text: string, line: number, column: number): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  let depth = 0;
  for (let at = line - 1; at >= 0; at -= 1) {
    const row = lines[at] ?? '';
    for (let index = (at === line - 1 ? column - 1 : row.length) - 1; index >= 0; index -= 1) {
      if (row[index] === '}') depth += 1;
      else if (row[index] === '{' && depth-- === 0) return { line: at + 1, column: index + 1 };
    }
  }
  return undefined;
}

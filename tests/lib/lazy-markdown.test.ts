import type { Loader, LoaderContext } from 'astro/loaders';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { emptyRendering, quickEntryInfo, skipEmptyMarkdown, type EntryInfo } from '../../src/lib/lazy-markdown.ts';

type Render = (entry: { body?: string; data: Record<string, unknown> }) => Promise<unknown>;

/** A loader that renders one entry with whatever `.md` entry type it is given, as Astro's glob loader does. */
function probe(body: string): { loader: Loader; result: () => unknown } {
  let result: unknown;
  const loader: Loader = {
    name: 'probe',
    load: async (context) => {
      const type = (context as unknown as { entryTypes: Map<string, { getRenderFunction(config: unknown): Promise<Render> }> }).entryTypes.get('.md')!;
      result = await (await type.getRenderFunction({}))({ body, data: { title: 'T' } });
    },
  };
  return { loader, result: () => result };
}

function contextWith(render: Render): LoaderContext {
  const md = { extensions: ['.md'], getRenderFunction: async () => render };
  return { entryTypes: new Map([['.md', md], ['.mdx', {}]]) } as unknown as LoaderContext;
}

describe('skipEmptyMarkdown', () => {
  it('gives an empty body an empty rendering without running the pipeline', async () => {
    const render = vi.fn(async () => ({ html: '<p>x</p>' }));
    const { loader, result } = probe('  \n');
    await skipEmptyMarkdown(loader).load(contextWith(render));
    expect(render).not.toHaveBeenCalled();
    expect(result()).toEqual(emptyRendering());
  });

  it('renders a body with notes through the pipeline', async () => {
    const render = vi.fn(async () => ({ html: '<p>x</p>' }));
    const { loader, result } = probe('Some notes.');
    await skipEmptyMarkdown(loader).load(contextWith(render));
    expect(render).toHaveBeenCalledOnce();
    expect(result()).toEqual({ html: '<p>x</p>' });
  });

  it('leaves the loader alone when Astro passes no entry types', async () => {
    const load = vi.fn(async () => {});
    await skipEmptyMarkdown({ name: 'plain', load }).load({} as LoaderContext);
    expect(load).toHaveBeenCalledWith({});
  });
});

/** Astro's own Markdown entry type (not exported by the package: loaded from its file). */
const astroMarkdown = (await import(pathToFileURL(join(process.cwd(), 'node_modules/astro/dist/vite-plugin-markdown/content-entry-type.js')).href))
  .markdownContentEntryType as { getEntryInfo(input: { contents: string; fileUrl: URL }): Promise<EntryInfo> };
const astroEntryInfo = (contents: string) => astroMarkdown.getEntryInfo({ contents, fileUrl: pathToFileURL('/tmp/paper.md') });

describe('quickEntryInfo', () => {
  it("reads every real paper file exactly as Astro's Markdown entry type does", async () => {
    const folder = join(process.cwd(), 'content/papers');
    const names = readdirSync(folder).filter((name) => name.endsWith('.md'));
    expect(names.length).toBeGreaterThan(300);
    for (const name of names) {
      const contents = readFileSync(join(folder, name), 'utf8');
      const quick = quickEntryInfo(contents);
      expect(quick, name).toBeDefined();
      expect(quick, name).toEqual(await astroEntryInfo(contents));
    }
  });

  it('agrees with Astro on notes, empty blocks, dashes inside values and CRLF line ends', async () => {
    const files = [
      '---\ntitle: A\n---\n\nSome *notes*.\n\n---\n\nMore after a rule.\n',
      '---\n---\n',
      '---\ntitle: "a --- b"\nslug: custom\n---',
      '---\r\ntitle: Windows\r\ntopics:\r\n  - long-cot\r\n---\r\nBody\r\n',
      '---\ntitle: x\n----\nbody after four dashes',
      '---\n42\n---\nnot an object',
    ];
    for (const contents of files) expect(quickEntryInfo(contents), contents).toEqual(await astroEntryInfo(contents));
  });

  it('leaves files it does not handle to Astro: a byte-order mark, +++ first, no closing line, bad YAML', () => {
    for (const contents of ['\uFEFF---\ntitle: A\n---\n', '---\ntitle: A\n+++\n---\n', '---\ntitle: A\n', '---\ntitle: [unclosed\n---\n', 'No frontmatter.']) {
      expect(quickEntryInfo(contents), contents).toBeUndefined();
    }
  });

  it("is what the wrapped loader's Markdown entry type reads with, falling back to Astro's", async () => {
    let seen: EntryInfo[] = [];
    const astro = vi.fn(async () => ({ data: { from: 'astro' }, body: '', slug: undefined, rawData: '' }));
    const loader: Loader = {
      name: 'probe',
      load: async (context) => {
        const type = (context as unknown as { entryTypes: Map<string, { getEntryInfo(input: { contents: string; fileUrl: URL }): Promise<EntryInfo> }> }).entryTypes.get('.md')!;
        seen = [await type.getEntryInfo({ contents: '---\ntitle: Quick\n---\n', fileUrl: new URL('file:///a.md') }), await type.getEntryInfo({ contents: '+++\ntitle = 1\n+++\n', fileUrl: new URL('file:///b.md') })];
      },
    };
    await skipEmptyMarkdown(loader).load({ entryTypes: new Map([['.md', { getEntryInfo: astro }]]) } as unknown as LoaderContext);
    expect(seen.map((info) => info.data)).toEqual([{ title: 'Quick' }, { from: 'astro' }]);
    expect(astro).toHaveBeenCalledOnce();
  });
});

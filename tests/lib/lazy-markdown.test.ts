import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it, vi } from 'vitest';
import { emptyRendering, skipEmptyMarkdown } from '../../src/lib/lazy-markdown.ts';

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

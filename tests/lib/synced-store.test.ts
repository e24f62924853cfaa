import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { shareSyncedStores, syncedCollections } from '../../src/lib/synced-store.ts';

/** A loader that puts `entries` in its collection's store, as Astro's loaders do. */
function loaderOf(entries: Record<string, object>): Loader {
  return {
    name: 'probe',
    load: async ({ store }) => {
      for (const [id, data] of Object.entries(entries)) store.set({ id, data: data as Record<string, unknown> });
    },
  };
}

/** A minimal stand-in for Astro's scoped store of one collection. */
function storeFor(map: Map<string, unknown>): LoaderContext['store'] {
  return {
    set: ({ id, data }: { id: string; data: unknown }) => (map.set(id, { id, data }), true),
    entries: () => [...map.entries()],
  } as unknown as LoaderContext['store'];
}

async function sync(collections: Record<string, { loader?: unknown }>, stores: Record<string, Map<string, unknown>>) {
  for (const [name, collection] of Object.entries(collections)) {
    const loader = collection.loader;
    if (typeof loader === 'object' && loader) await (loader as Loader).load({ collection: name, store: storeFor(stores[name]!) } as LoaderContext);
  }
}

describe('the synced store', () => {
  it('hands the pages the entries content sync stored, the same objects, once every collection has loaded', async () => {
    const collections = shareSyncedStores({ papers: { loader: loaderOf({ a: { title: 'A' }, b: { title: 'B' } }) }, topics: { loader: loaderOf({ t: { title: 'T' } }) } });
    const stores = { papers: new Map<string, unknown>(), topics: new Map<string, unknown>() };
    expect(syncedCollections()).toBeUndefined();
    await sync({ papers: collections.papers }, stores);
    expect(syncedCollections()).toBeUndefined(); // topics not loaded yet
    await sync({ topics: collections.topics }, stores);
    const map = syncedCollections()!;
    expect([...map.keys()]).toEqual(['papers', 'topics']);
    expect([...map.get('papers')!.keys()]).toEqual(['a', 'b']);
    expect(map.get('papers')!.get('a')).toBe(stores.papers.get('a'));
    expect(map.get('topics')!.get('t')).toEqual({ id: 't', data: { title: 'T' } });
  });

  it('leaves a collection whose loader is a function as it is, and then keeps the pages on the store file', async () => {
    const inline = async () => [];
    const collections = shareSyncedStores({ notes: { loader: inline } });
    expect(collections.notes.loader).toBe(inline);
    expect(syncedCollections()).toBeUndefined();
  });
});

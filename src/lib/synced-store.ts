/**
 * Hands the content store that `astro build` fills during content sync to the
 * prerendered pages, which run later in the same process, instead of their
 * parsing it back from `data-store.json`. Astro keeps the synced store alive
 * for the whole build anyway (its content-layer singleton holds it), so reading
 * the file made a second copy of every paper: in a heap snapshot of a 10,000-paper
 * build, each abstract was there twice, once under Astro's `MutableDataStore`
 * and once under the pages' `ImmutableDataStore`. Astro's `ImmutableDataStore.fromModule`
 * takes a `Map` of collections as it is, so the pages get the same entry objects.
 *
 * Each collection's loader records its store as its load ends (`shareSyncedStores`);
 * the store module (`src/integrations/content-store.ts`) builds the map from them,
 * and falls back to the file when nothing was recorded (a build that synced nothing).
 */
import type { Loader, LoaderContext } from 'astro/loaders';

/** Where the loaders record their stores: a global, since the pages' bundle has its own copy of this module. */
const SYNCED_STORES = Symbol.for('shelf.synced-stores');

interface SyncedStores {
  /** Every collection shared; the stores are used only once each of them has recorded its store. */
  expected: Set<string>;
  stores: Map<string, Pick<LoaderContext['store'], 'entries'>>;
}

function syncedStores(): SyncedStores {
  const global = globalThis as { [SYNCED_STORES]?: SyncedStores };
  return (global[SYNCED_STORES] ??= { expected: new Set(), stores: new Map() });
}

/** The loader, recording its collection's store once it has loaded. */
function recordingStore(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      await loader.load(context);
      syncedStores().stores.set(context.collection, context.store);
    },
  };
}

/**
 * The collections, each loader recording its store for the pages. A collection whose loader is a
 * function cannot be wrapped; it keeps the pages on the store file.
 */
export function shareSyncedStores<T extends Record<string, { loader?: unknown }>>(collections: T): T {
  const { expected } = syncedStores();
  return Object.fromEntries(
    Object.entries(collections).map(([name, collection]) => {
      expected.add(name);
      const loader = collection.loader;
      const isObject = typeof loader === 'object' && loader !== null && 'load' in loader;
      return [name, isObject ? { ...collection, loader: recordingStore(loader as Loader) } : collection];
    }),
  ) as T;
}

/**
 * The synced store as Astro's map of collections (collection name → entry id → entry), the same entry
 * objects; undefined unless every shared collection has recorded its store in this process.
 */
export function syncedCollections(): Map<string, Map<string, unknown>> | undefined {
  const { expected, stores } = syncedStores();
  if (expected.size === 0 || ![...expected].every((name) => stores.has(name))) return undefined;
  return new Map([...stores].map(([name, store]) => [name, new Map(store.entries())]));
}

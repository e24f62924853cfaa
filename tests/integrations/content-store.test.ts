import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as devalue from 'devalue';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import contentStore, { DATA_STORE_MODULE_ID, storeModuleSource, streamStoreWrites } from '../../src/integrations/content-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'shelf-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a module's source to a file beside the store, so that its imports resolve. */
function writeModule(source: string): string {
  const file = join(dir, `store-module-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  return file;
}

/** The Vite plugin the integration adds for a command, with the cache folder at `dir`. */
function pluginFor(command: string) {
  const plugins: { enforce: string; load: { order: string; handler(id: string): { code: string } | null } }[] = [];
  const setup = contentStore().hooks['astro:config:setup'] as unknown as (options: object) => void;
  setup({ command, config: { cacheDir: pathToFileURL(`${dir}/`) }, updateConfig: (config: { vite: { plugins: typeof plugins } }) => plugins.push(...config.vite.plugins) });
  return plugins[0];
}

describe('the content-store workaround', () => {
  it('makes a module that reads the store file, giving the same data as the file, when content sync left no store in this process', async () => {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, JSON.stringify([['Map', 1], 'a "quoted" ünïcode value']));
    const source = storeModuleSource(file);
    expect(source.length).toBeLessThan(500);
    expect(source).toContain(`from ${JSON.stringify(fileURLToPath(new URL('../../src/lib/synced-store.ts', import.meta.url)))}`);
    const module = await import(/* @vite-ignore */ pathToFileURL(writeModule(source)).href);
    expect(module.default).toEqual([['Map', 1], 'a "quoted" ünïcode value']);
  });

  it('loads the store module in `astro build` ahead of Astro, and leaves every other module (and an absent store) to Astro', () => {
    const plugin = pluginFor('build')!;
    expect([plugin.enforce, plugin.load.order]).toEqual(['pre', 'pre']);
    writeFileSync(join(dir, 'data-store.json'), '[]');
    expect(plugin.load.handler(DATA_STORE_MODULE_ID)?.code).toBe(storeModuleSource(join(dir, 'data-store.json')));
    expect(plugin.load.handler('\0astro:content')).toBeNull();
    rmSync(join(dir, 'data-store.json'));
    expect(plugin.load.handler(DATA_STORE_MODULE_ID)).toBeNull();
  });

  it("has Astro's own store file writer write the store a piece at a time, devalue still reading it", async () => {
    const astroDir = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
    const { FileWriter } = await import(/* @vite-ignore */ pathToFileURL(join(astroDir, 'dist/content/data-store-writer.js')).href);
    expect(await streamStoreWrites()).toBe(true);
    const file = join(dir, 'written-store.json');
    const store = new Map([['papers', new Map<string, unknown>([['b', { data: { title: 'B' } }], ['a', { data: { title: 'A' } }]])]]);
    expect(await new FileWriter(pathToFileURL(file)).write(store)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(devalue.parse(text)).toEqual(new Map([['papers', new Map([['a', { data: { title: 'A' } }], ['b', { data: { title: 'B' } }]])]]));
    // Written breadth first (the papers' ids before their data), not in devalue's order.
    expect(text).not.toBe(devalue.stringify(devalue.parse(text)));
    // A value it does not handle goes to Astro's own writer.
    const odd = new Map([['papers', new Map<string, unknown>([['a', { data: { seen: new Set(['x']) } }]])]]);
    expect(await new FileWriter(pathToFileURL(file)).write(odd)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(devalue.stringify(odd));
  });

  it('does nothing in dev', () => {
    expect(pluginFor('dev')).toBeUndefined();
  });
});

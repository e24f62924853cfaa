import * as devalue from 'devalue';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPaperFiles } from '../../src/lib/ingest/io.ts';
import { flattenedStore, UnsupportedValue, writeStoreFile } from '../../src/lib/store-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'shelf-store-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Collections = Map<string, Map<string, unknown>>;

/** The flattened store as text and the number of pieces it came in; no text if the writer gave up. */
function flattened(collections: Collections): { text: string | undefined; pieces: number } {
  let text = '';
  let pieces = 0;
  try {
    for (const piece of flattenedStore(collections)) {
      text += piece;
      pieces++;
    }
  } catch (error) {
    if (error instanceof UnsupportedValue) return { text: undefined, pieces };
    throw error;
  }
  return { text, pieces };
}

/** What Astro writes: devalue of the collections sorted by key. */
function astroText(collections: Collections): string {
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => a.localeCompare(b);
  return devalue.stringify(new Map([...collections].sort(byKey).map(([name, entries]) => [name, new Map([...entries].sort(byKey))])));
}

/** The real papers as entries shaped like the glob loader's, in reverse order (Astro sorts them as it writes). */
function realStore(): Collections {
  const { papers } = readPaperFiles('content/papers');
  const entries = new Map<string, unknown>(
    papers.reverse().map((paper) => [paper.slug, { id: paper.slug, data: paper.data, body: paper.body, filePath: `content/papers/${paper.slug}.md`, digest: 'f00d', deferredRender: true }]),
  );
  const meta = new Map<string, unknown>([['content-config-digest', 'abc'], ['astro-version', '7.3.5']]);
  return new Map([['papers', entries], ['meta::meta', meta]]);
}

describe('flattenedStore', () => {
  it('writes the real papers so that devalue reads back what Astro would have written, in the same order', () => {
    const store = realStore();
    expect(store.get('papers')!.size).toBeGreaterThan(300);
    const { text } = flattened(store);
    const ours = devalue.parse(text!);
    const astros = devalue.parse(astroText(store));
    expect(ours).toEqual(astros);
    expect([...ours.keys()]).toEqual(['meta::meta', 'papers']);
    expect([...ours.get('papers').keys()]).toEqual([...astros.get('papers').keys()]);
    // JSON-valid, as the build's store module reads it with JSON.parse.
    expect(() => JSON.parse(text!)).not.toThrow();
  });

  it('keeps every kind of value the store holds, shared objects shared, and writes in pieces', () => {
    const shared = { tags: ['a', 'b'] };
    const entry = {
      text: 'a "quoted" ünïcode value </script>\u2028',
      numbers: [0, -0, 1.5, NaN, Infinity, -Infinity, 2 ** 60],
      flags: [true, false, null, undefined],
      date: new Date('2026-11-25T06:00:00Z'),
      nested: { map: new Map<unknown, unknown>([[1, 'one'], ['k', { deep: [[]] }]]), empty: {} },
      first: shared,
      second: shared,
      long: 'x'.repeat(2_000_000),
    };
    const store: Collections = new Map([['c', new Map<string, unknown>([['b', entry], ['a', 'repeated'], ['c', 'repeated']])]]);
    const { text, pieces } = flattened(store);
    const back = devalue.parse(text!);
    expect(back).toEqual(devalue.parse(astroText(store)));
    const read = back.get('c').get('b');
    expect(Object.is(read.numbers[1], -0)).toBe(true);
    expect(read.first).toBe(read.second);
    expect(pieces).toBeGreaterThan(1);
  });

  it('gives up on values it does not handle (devalue then writes them)', () => {
    for (const value of [new Set([1]), new URL('https://example.org'), [1, , 3], Object.create(null), 10n]) {
      expect(flattened(new Map([['c', new Map([['x', { value }]])]])).text).toBeUndefined();
    }
  });
});

describe('writeStoreFile', () => {
  it('replaces the file whole, and leaves it as it was when it gives up', () => {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, 'old');
    expect(writeStoreFile(file, new Map([['c', new Map([['x', 1]])]]))).toBe(true);
    expect(devalue.parse(readFileSync(file, 'utf8'))).toEqual(new Map([['c', new Map([['x', 1]])]]));
    const before = readFileSync(file, 'utf8');
    expect(writeStoreFile(file, new Map([['c', new Map([['x', new Set()]])]]))).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(() => readFileSync(`${file}.tmp`)).toThrow();
  });
});

/**
 * Writes Astro's content store file (`data-store.json`) a piece at a time.
 *
 * Astro 7.3 writes the store as `devalue.stringify` of every collection: devalue
 * keeps a JSON string of every value in an array until the end, then joins them
 * into one string of the whole file. At 50,000 papers (a 104 MB file) that held
 * about 400 MB of heap at once as content sync ended, and V8 sized the heap for the
 * rest of the build after that peak (Astro's heap 876 MB before the collection
 * against 421 MB after).
 *
 * This writes the same data in devalue's flattened format (what `devalue.parse`
 * reads back: a JSON array whose first item is the root, containers holding the
 * indexes of their values), numbering values breadth first so that each item can
 * be written as soon as it is reached: only the values waiting for their turn are
 * held, never their text. Maps, plain objects, dense arrays, dates and primitives
 * cover the store; at anything else `writeStoreFile` gives up (returns false), so
 * the caller can fall back to devalue.
 */
import { renameSync, rmSync } from 'node:fs';
import { writePieces } from './pieces.ts';

/** devalue's codes for values written in place of an index. */
const UNDEFINED = -1;
const NAN = -3;
const POSITIVE_INFINITY = -4;
const NEGATIVE_INFINITY = -5;
const NEGATIVE_ZERO = -6;

/** Primitives this short are written once and shared, as devalue does; longer ones (abstracts) rarely repeat. */
const SHARED_PRIMITIVE_CHARS = 64;

/** Raised when a value devalue could write is not one this writer handles. */
export class UnsupportedValue extends Error {}

/** Sorted as Astro's `sortCollections` sorts them: collections and their entries by key, with `localeCompare`. */
function sortCollections(collections: Map<string, Map<string, unknown>>): Map<string, Map<string, unknown>> {
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => a.localeCompare(b);
  return new Map([...collections].sort(byKey).map(([name, entries]) => [name, new Map([...entries].sort(byKey))]));
}

/**
 * `collections` (collection name → entry id → entry), sorted as Astro sorts them, in devalue's flattened
 * format, an item at a time. Throws `UnsupportedValue`, partway, at a value it does not handle.
 */
export function* flattenedStore(collections: Map<string, Map<string, unknown>>): Generator<string> {
  /** Values numbered but not yet written, in number order. */
  const queue: unknown[] = [];
  const objects = new Map<object, number>();
  const primitives = new Map<unknown, number>();

  /** The value's index, numbering it (and queueing it to be written) if it is new; devalue's code for the values it writes in place. */
  const indexOf = (value: unknown): number => {
    if (value === undefined) return UNDEFINED;
    if (typeof value === 'number') {
      if (Number.isNaN(value)) return NAN;
      if (value === Infinity) return POSITIVE_INFINITY;
      if (value === -Infinity) return NEGATIVE_INFINITY;
      if (value === 0 && 1 / value < 0) return NEGATIVE_ZERO;
    }
    const isObject = typeof value === 'object' && value !== null;
    const shared = isObject ? objects : typeof value !== 'string' || value.length <= SHARED_PRIMITIVE_CHARS ? primitives : undefined;
    const known = shared?.get(value as object);
    if (known !== undefined) return known;
    const index = queue.length;
    shared?.set(value as object, index);
    queue.push(value);
    return index;
  };

  indexOf(sortCollections(collections));
  yield '[';
  for (let at = 0; at < queue.length; at++) {
    const value = queue[at];
    queue[at] = undefined;
    yield (at === 0 ? '' : ',') + itemText(value, indexOf);
  }
  yield ']';
}

/** One item of the flattened array: a primitive's JSON, or a container listing its values' indexes. */
function itemText(value: unknown, indexOf: (value: unknown) => number): string {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value !== 'object') throw new UnsupportedValue(typeof value);
  if (value instanceof Map) {
    let text = '["Map"';
    for (const [key, entry] of value) text += `,${indexOf(key)},${indexOf(entry)}`;
    return `${text}]`;
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new UnsupportedValue('sparse array');
      text += (i === 0 ? '' : ',') + indexOf(value[i]);
    }
    return `${text}]`;
  }
  if (value instanceof Date) return `["Date","${value.toISOString()}"]`;
  if (Object.getPrototypeOf(value) !== Object.prototype) throw new UnsupportedValue(Object.prototype.toString.call(value));
  let text = '{';
  let first = true;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') throw new UnsupportedValue('__proto__ key');
    text += `${first ? '' : ','}${JSON.stringify(key)}:${indexOf((value as Record<string, unknown>)[key])}`;
    first = false;
  }
  return `${text}}`;
}

/**
 * Writes the store to `file`, a megabyte at a time, through a temporary file renamed into place, as Astro
 * does. Returns false, leaving `file` as it was, if the store holds a value `flattenedStore` does not handle.
 */
export function writeStoreFile(file: string, collections: Map<string, Map<string, unknown>>): boolean {
  const temporary = `${file}.tmp`;
  try {
    writePieces(temporary, flattenedStore(collections));
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof UnsupportedValue) return false;
    throw error;
  }
  renameSync(temporary, file);
  return true;
}

/**
 * Astro's glob loader reads every entry with `fs.promises.readFile`, ten at a
 * time. Each read is four thread-pool round trips (open, fstat, read, close),
 * and at a few kilobytes a file that hand-off costs far more than the read:
 * 10,000 papers take 0.7–1.1 s and 1.1–1.8 CPU-seconds that way, against
 * 0.16 s with `readFileSync`. Inside the build, where every core is busy, those
 * calls were 5.5 s of the main thread's profile during content sync.
 *
 * This wraps a loader so that, while its initial load runs, reads of files
 * under `base` are served by `readFileSync`: the same contents and the same
 * errors, still as a promise. Everything else (other folders, the watcher's
 * later reloads in `astro dev`) reads as before.
 */
import { promises as fsPromises, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';

type ReadFile = typeof fsPromises.readFile;

/** Folders whose reads are synchronous now, once per load running; the patch is in place while this is not empty. */
const folders: string[] = [];
let asynchronous: ReadFile | undefined;

/** The folder a file path, `file:` URL or URL string is in, if it is a path at all (not a handle or buffer). */
function pathOf(file: unknown): string | undefined {
  if (file instanceof URL) return file.protocol === 'file:' ? fileURLToPath(file) : undefined;
  if (typeof file !== 'string') return undefined;
  return file.startsWith('file:') ? fileURLToPath(file) : resolve(file);
}

function isInFolders(file: unknown): boolean {
  const path = pathOf(file);
  return path !== undefined && folders.some((folder) => path.startsWith(folder));
}

function install(): void {
  const original = fsPromises.readFile;
  asynchronous = original;
  fsPromises.readFile = function readFile(this: unknown, file: unknown, ...rest: unknown[]) {
    if (!isInFolders(file)) return (original as (...args: unknown[]) => unknown).call(this, file, ...rest);
    // A rejected promise, not a throw, when the file is missing: as the original does.
    return new Promise((done) => done(readFileSync(file as string, rest[0] as BufferEncoding)));
  } as ReadFile;
}

function uninstall(): void {
  if (asynchronous) fsPromises.readFile = asynchronous;
  asynchronous = undefined;
}

/** The same loader, its initial load reading files under `base` synchronously. */
export function readSynchronously(loader: Loader, base: string): Loader {
  const folder = resolve(base) + sep;
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      if (folders.length === 0) install();
      folders.push(folder);
      try {
        return await loader.load(context);
      } finally {
        folders.splice(folders.indexOf(folder), 1);
        if (folders.length === 0) uninstall();
      }
    },
  };
}

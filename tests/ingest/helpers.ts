/** Temporary copies of the real content, so tests can change it freely. */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.ts';

export const ROOT = join(import.meta.dirname, '../..');

/** A temp folder (removed after the test file) with copies of the real dumps and topics, and an empty papers folder. */
export function makeWorkspace(): { root: string; dumps: string; out: string; topics: string } {
  const root = tempDir('ingest');
  cpSync(join(ROOT, 'content/dumps'), join(root, 'dumps'), { recursive: true });
  cpSync(join(ROOT, 'content/topics'), join(root, 'topics'), { recursive: true });
  return { root, dumps: join(root, 'dumps'), out: join(root, 'papers'), topics: join(root, 'topics') };
}

/** Every file in a folder with its bytes, for byte-for-byte comparisons. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) files[name] = readFileSync(join(dir, name), 'latin1');
  return files;
}

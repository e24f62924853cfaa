/**
 * Temporary folders for tests, removed once the test file that made them is done,
 * so that runs do not pile up copies of the dumps in the system's temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Registered in each test file that imports this module: Vitest isolates test files (its default), loading
// the module afresh for each. Without isolation only the first file would register it, and later files' folders stay.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new, empty folder under the system's temp folder, named `shelf-<prefix>-…`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `shelf-${prefix}-`));
  made.push(dir);
  return dir;
}

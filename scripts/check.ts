/**
 * `npm run check [-- --dumps DIR --papers DIR --topics DIR]`
 * Validates every paper file; exits non-zero on any error. Run by pull requests.
 *
 * `node scripts/check.ts --build`: what `npm run build` runs after ingest and before Astro: the files as
 * the site reads them (SHELF_CONTENT_DIR, else content/), `.mdx` notes compiled and run once, no dumps.
 * Every problem the build could meet in the content is reported here, as `file: field: problem (fix)`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/papers/check.ts';
import { CONTENT_DIR } from '../src/papers/content-dir.ts';
import { formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { plural } from '../src/site/text.ts';

const { values } = parseArgs({
  options: {
    dumps: { type: 'string', default: join(CONTENT_DIR, 'dumps') },
    papers: { type: 'string', default: join(CONTENT_DIR, 'papers') },
    topics: { type: 'string', default: join(CONTENT_DIR, 'topics') },
    build: { type: 'boolean', default: false },
  },
});

try {
  const result = await checkContent({ dumps: values.build ? undefined : values.dumps!, papers: values.papers!, topics: values.topics!, runMdx: values.build });
  for (const warning of result.warnings) console.warn(`warning: ${formatDiagnostic(warning)}`);
  for (const error of result.errors) console.error(`error: ${formatDiagnostic(error)}`);
  const line = `${plural(result.files, 'paper file')}, ${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')}`;
  console.log(`check: ${line}`);
  if (values.build && result.errors.length > 0) console.error('build: stopped before Astro; nothing was built');
  if (result.errors.length > 0) process.exitCode = 1;
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 1;
}

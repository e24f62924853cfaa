/**
 * `npm run check [-- --dumps DIR --papers DIR --topics DIR]`
 * Validates every paper file; exits non-zero on any error. Run by pull requests.
 */
import { parseArgs } from 'node:util';
import { checkContent } from '../src/papers/check.ts';
import { formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { plural } from '../src/site/text.ts';

const { values } = parseArgs({
  options: {
    dumps: { type: 'string', default: 'content/dumps' },
    papers: { type: 'string', default: 'content/papers' },
    topics: { type: 'string', default: 'content/topics' },
  },
});

try {
  const result = checkContent({ dumps: values.dumps!, papers: values.papers!, topics: values.topics! });
  for (const warning of result.warnings) console.warn(`warning: ${formatDiagnostic(warning)}`);
  for (const error of result.errors) console.error(`error: ${formatDiagnostic(error)}`);
  console.log(`check: ${plural(result.files, 'paper file')}, ${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')}`);
  if (result.errors.length > 0) process.exitCode = 1;
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 1;
}

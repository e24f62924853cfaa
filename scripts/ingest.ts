/**
 * `npm run ingest [-- --dumps DIR --out DIR --topics DIR]`
 * Turns the paper dumps into one Markdown file per paper. See src/ingest.
 */
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { IngestReport } from '../src/ingest/index.ts';

// Node keeps the compiled modules on disk, so a second run skips stripping and compiling them
// (0.4 s → 0.25 s to load ingest). Only modules loaded after this call use it: hence the imports below.
enableCompileCache();
const { formatDiagnostic, IngestError } = await import('../src/ingest/diagnostics.ts');
const { runIngest } = await import('../src/ingest/index.ts');
const { plural } = await import('../src/site/text.ts');
// The content folder the site is built from (SHELF_CONTENT_DIR, else ./content), so `npm run build` ingests what it builds.
const { CONTENT_DIR } = await import('../src/papers/content-dir.ts');

const { values } = parseArgs({
  options: {
    dumps: { type: 'string', default: join(CONTENT_DIR, 'dumps') },
    out: { type: 'string', default: join(CONTENT_DIR, 'papers') },
    topics: { type: 'string', default: join(CONTENT_DIR, 'topics') },
    quiet: { type: 'boolean', default: false },
    // Worker threads; by default one per core for a big list, none for a small one.
    threads: { type: 'string' },
  },
});

/** The one-line summary every run ends with. */
function summary(report: IngestReport): string {
  return [
    `ingest: ${plural(report.dumps, 'dump')}`,
    plural(report.listings, 'listing'),
    plural(report.papers, 'paper'),
    `${report.new} new`,
    `${report.updated} updated`,
    `${report.unchanged} unchanged`,
    `${report.orphans.length} not in any dump`,
    ...(report.byHand > 0 ? [`${report.byHand} added by hand`] : []),
    plural(report.warnings.length, 'warning'),
    `${report.seconds.toFixed(2)} s${report.threads > 1 ? ` on ${report.threads} threads` : ''}`,
  ].join(', ');
}

try {
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw new Error(`--threads ${values.threads}: give a whole number of threads, 1 or more (1 runs everything in line)`);
  }
  const report = await runIngest({ dumps: values.dumps!, out: values.out!, topics: values.topics!, threads });
  for (const warning of report.warnings) console.warn(`warning: ${formatDiagnostic(warning)}`);
  for (const notice of report.notices) console.warn(`note: ${formatDiagnostic(notice)}`);
  for (const orphan of report.orphans) {
    console.warn(`note: ${orphan.path}: not in any dump any more; kept as it is (delete it by hand if the paper should go)`);
  }
  console.log(summary(report));
} catch (error) {
  if (error instanceof IngestError) {
    for (const diagnostic of error.diagnostics) console.error(`error: ${formatDiagnostic(diagnostic)}`);
    console.error(`ingest: stopped with ${error.diagnostics.length} error(s); no file was written`);
  } else {
    console.error(`error: ${(error as Error).message}`);
    console.error('ingest: stopped; no file was written');
  }
  process.exitCode = 1;
}

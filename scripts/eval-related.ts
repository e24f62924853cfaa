/**
 * Measures related papers against hand topic labels:
 *
 *   npm run eval:related -- --labels FILE [--papers DIR] [--topics DIR] [--min-precision X]
 *
 * Related papers are computed as the build computes them (`relatedInputs`, from the paper files as
 * they are), and each labelled paper's related papers are judged against the labels: a hit when the
 * two share a labelled topic. Prints the precision and every miss; exits 1 below `--min-precision`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadPapers } from '../src/papers/load.ts';
import { relatedPrecision } from '../src/related/evaluate.ts';
import { relatedInputs, relatedPapers } from '../src/related/related.ts';
import { parseLabels } from '../src/topics/evaluate.ts';

function main(): number {
  const { values } = parseArgs({
    options: {
      labels: { type: 'string' },
      papers: { type: 'string', default: 'content/papers' },
      topics: { type: 'string', default: 'content/topics' },
      'min-precision': { type: 'string' },
    },
  });
  if (!values.labels) {
    console.error('usage: npm run eval:related -- --labels FILE [--papers DIR] [--topics DIR] [--min-precision X]');
    return 2;
  }
  const minimum = values['min-precision'] === undefined ? -Infinity : Number(values['min-precision']);
  if (Number.isNaN(minimum)) throw new Error(`--min-precision needs a number, got "${values['min-precision']}"`);
  const labels = parseLabels(readFileSync(values.labels, 'utf8'), values.labels);
  const papers = loadPapers(values.papers, values.topics);
  const started = performance.now();
  const related = relatedPapers(relatedInputs(papers));
  const seconds = (performance.now() - started) / 1000;
  const result = relatedPrecision(papers.map((paper) => ({ id: paper.id, title: paper.data.title })), related, labels);
  console.log(`${labels.length} labels from ${values.labels}; ${papers.length} papers in ${values.papers}; related papers in ${seconds.toFixed(2)} s\n`);
  for (const miss of result.misses) {
    console.log(`  ${miss.title} [${miss.topics.join(', ')}]\n    → ${miss.related} [${miss.relatedTopics.join(', ') || 'none'}]`);
  }
  if (result.misses.length > 0) console.log('');
  console.log(`related-paper topic precision ${result.precision.toFixed(3)} (${result.shared}/${result.judged} labelled pairs share a labelled topic)`);
  if (result.empty > 0) console.log(`note: ${result.empty} labelled papers on a topic have no related paper`);
  if (result.precision < minimum) {
    console.error(`fail: precision ${result.precision.toFixed(3)} is below ${minimum}`);
    return 1;
  }
  return 0;
}

if (import.meta.main) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`eval:related: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}

/**
 * The search indexer's process, started by the Pagefind integration:
 * `node pagefind-worker.ts <content dir> <output dir> <base>`. Reads the
 * paper and topic files, writes the Pagefind bundle to the output folder and
 * prints `{"pages":N,"ms":T}`; on bad input it names the file and exits 1.
 */
import { join } from 'node:path';
import { readPaperFiles } from '../lib/ingest/io.ts';
import { searchDocument } from '../lib/search-records.ts';
import { loadTopics } from '../lib/topics.ts';
import { writeSearchIndex } from './pagefind.ts';

const [contentDir, outputPath, base] = process.argv.slice(2);
const started = performance.now();
try {
  const { papers, problems } = readPaperFiles(join(contentDir!, 'papers'), { recursive: true });
  if (problems.length > 0) {
    throw new Error(problems.map((problem) => `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message} (${problem.fix})`).join('\n'));
  }
  const titles = new Map(loadTopics(join(contentDir!, 'topics')).map((topic) => [topic.slug, topic.title]));
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const documents = papers.map((paper) =>
    searchDocument(
      {
        slug: paper.slug,
        title: text(paper.data.title),
        abstract: text(paper.data.abstract),
        topics: Array.isArray(paper.data.topics) ? paper.data.topics.map(String) : [],
        body: paper.body,
      },
      titles,
      base!,
    ),
  );
  const pages = await writeSearchIndex(documents, outputPath!);
  console.log(JSON.stringify({ pages, ms: Math.round(performance.now() - started) }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

/**
 * The costly stages of ingest, each over one slice of its input, so that a
 * run can spread them over worker threads (`pool.ts`) or run them in line
 * with the same code. Inputs and outputs are plain data (they cross threads
 * by structured clone), and problems with the input are returned, not thrown
 * (a failed write throws: the run stops there).
 */
import { classify, compileTopics } from '../topics/classify.ts';
import { loadTopics } from '../topics/topics.ts';
import type { Diagnostic } from './diagnostics.ts';
import { stringifyPaperFile, type PaperFile } from '../papers/frontmatter.ts';
import { readDumps, writeNewFiles } from './io.ts';
import { parseDump, type Listing } from './parse.ts';

export const tasks = {
  /**
   * Reads, decodes and parses the dumps `names` in `dir`; warnings name the dump by its path.
   * With `topicsDir`, also classifies each listing (`topics[i]` for `listings[i]`): a paper's
   * title and abstract are its first listing's, so the thread that parsed a listing classifies
   * it without the text crossing threads again.
   */
  parseDumps({ dir, names, topicsDir }: { dir: string; names: string[]; topicsDir?: string }): {
    listings: Listing[];
    topics: string[][];
    warnings: Diagnostic[];
    problems: Diagnostic[];
  } {
    const { dumps, problems } = readDumps(dir, names);
    const listings: Listing[] = [];
    const warnings: Diagnostic[] = [];
    for (const dump of dumps) {
      const parsed = parseDump(dump.text, dump.name);
      for (const listing of parsed.listings) listings.push(listing);
      for (const warning of parsed.warnings) warnings.push({ ...warning, file: dump.path });
    }
    return { listings, topics: topicsDir === undefined ? [] : tasks.classify({ topicsDir, papers: listings }), warnings, problems };
  },

  /** The topics the rules in `topicsDir` (read now: they may have changed since the last run) give each paper. */
  classify({ topicsDir, papers }: { topicsDir: string; papers: { title: string; abstract: string }[] }): string[][] {
    const compiled = compileTopics(loadTopics(topicsDir));
    return papers.map((paper) => classify(paper, compiled).topics);
  },

  /**
   * Serialises paper files and writes them where no file is yet (a staging folder: `io.ts`).
   * On threads, since both cost: at 93k papers, 2.3–4.4 s of YAML and 2–6 s of file creation in line.
   */
  writeNewPapers({ papers }: { papers: (PaperFile & { path: string })[] }): number {
    writeNewFiles(papers.values().map((paper) => ({ path: paper.path, text: stringifyPaperFile(paper) })));
    return papers.length;
  },
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
export type TaskInput<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskOutput<K extends TaskName> = ReturnType<Tasks[K]>;

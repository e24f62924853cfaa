/**
 * `npm run check`'s part for wikilinks: every `[[…]]` in a note names exactly one paper or topic.
 * A broken link is reported as `file:line: notes: the wikilink [[x]] names no paper (did you mean …?)`.
 */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../ingest/diagnostics.ts';
import { bodyLineOffset } from '../papers/frontmatter.ts';
import { buildLinkIndex, wikilinkProblems } from './wikilinks.ts';

/** The broken and ambiguous wikilinks in the notes of `papers`, against those papers and `topics`. */
export function checkWikilinks(
  papers: readonly { id: string; filePath: string; body: string; data: { title: string } }[],
  topics: readonly { slug: string; title: string }[],
): Diagnostic[] {
  const index = buildLinkIndex(papers.map((paper) => ({ id: paper.id, title: paper.data.title })), topics.map((topic) => ({ id: topic.slug, title: topic.title })));
  const diagnostics: Diagnostic[] = [];
  for (const paper of papers) {
    if (!paper.body.includes('[[')) continue;
    const problems = wikilinkProblems(paper.body, index);
    if (problems.length === 0) continue;
    const offset = bodyLineOffset(readFileSync(paper.filePath, 'utf8'));
    for (const problem of problems) diagnostics.push({ file: paper.filePath, line: offset + problem.line, field: 'notes', message: problem.message, fix: problem.fix });
  }
  return diagnostics;
}

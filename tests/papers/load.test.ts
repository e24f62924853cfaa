import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPapers, PaperFilesError } from '../../src/papers/load.ts';
import { tempDir } from '../support/temp-dir.ts';

const FIXTURE = 'tests/fixtures/site/content';

/** A content folder holding the fixture's topics and the given paper files (name → text). */
function content(papers: Record<string, string>): { papers: string; topics: string; root: string } {
  const root = tempDir('load');
  cpSync(join(FIXTURE, 'topics'), join(root, 'topics'), { recursive: true });
  for (const [name, text] of Object.entries(papers)) {
    mkdirSync(join(root, 'papers', name, '..'), { recursive: true });
    writeFileSync(join(root, 'papers', name), text);
  }
  return { papers: join(root, 'papers'), topics: join(root, 'topics'), root };
}

const paper = (title: string, extra = '') =>
  `---\ntitle: '${title}'\nabstract: 'About ropes.'\ntopics:\n  - long-context\nauto_topics:\n  - long-context\nsources:\n  - dump: a.txt\n    line: 1\n${extra}---\n`;

describe('loadPapers', () => {
  it('reads every paper of the fixture, subfolders and MDX included, with ids, paths from the root, bodies and parsed fields', () => {
    const papers = loadPapers(join(FIXTURE, 'papers'), join(FIXTURE, 'topics'));
    expect(papers.map((entry) => entry.id).sort()).toEqual(['markup-in-abstract', 'nested-test-time', 'notes-in-mdx', 'plain-long-context', 'rated-with-links']);
    const mdx = papers.find((entry) => entry.id === 'notes-in-mdx')!;
    expect(mdx.filePath).toBe('tests/fixtures/site/content/papers/notes-in-mdx.mdx');
    expect(mdx.body).toContain('These notes are **MDX**');
    expect(mdx.data.noted).toEqual(new Date('2025-03-01'));
    expect(papers.find((entry) => entry.id === 'nested-test-time')!.filePath).toBe('tests/fixtures/site/content/papers/more/nested-test-time.md');
  });

  it('reports every bad file at once, as check does: file, field, problem and fix', () => {
    const dir = content({
      'good.md': paper('Good'),
      'unknown-topic.md': paper('Typo', '').replace('  - long-context\nauto', '  - long-contxt\nauto'),
      'no-title.md': paper('X').replace("title: 'X'\n", ''),
      'broken.md': '---\ntitle: [unclosed\n---\n',
    });
    let error: unknown;
    try {
      loadPapers(dir.papers, dir.topics, dir.root);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PaperFilesError);
    const message = (error as Error).message;
    // The same message `npm run check` gives, topics in their home-page order.
    expect(message).toMatch(/papers\/unknown-topic\.md: topics\[0\]: "long-contxt" is not a topic \(did you mean "long-context"\?\) \(use one of: long-context, test-time-adaptation, long-cot, credit-assignment\)/);
    expect(message).toMatch(/papers\/no-title\.md: title: is missing \(add "title:" to the frontmatter/);
    expect(message).toMatch(/\npapers\/broken\.md:2:8: title: invalid YAML: the \[ that opens the list is not closed \(end the list with \]/);
    expect(message).not.toMatch(/good\.md/);
    expect((error as PaperFilesError).problems).toHaveLength(3);
  });

  it('refuses two files that would make the same page, naming both', () => {
    const dir = content({ 'a/same.md': paper('One'), 'b/same.mdx': paper('Two') });
    expect(() => loadPapers(dir.papers, dir.topics, dir.root)).toThrow(/papers\/b\/same\.mdx: makes the same page, \/papers\/same\/, as papers\/a\/same\.md \(rename one of the two files\)/);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { backlinks, linkedPapers } from '../../src/notes/backlinks.ts';
import { checkWikilinks } from '../../src/notes/check-wikilinks.ts';
import remarkWikilinks, { frontmatterTitle } from '../../src/notes/remark-wikilinks.ts';
import { buildLinkIndex, plainWikilinks, resolveWikilink, wikilinkProblems } from '../../src/notes/wikilinks.ts';
import { gitLogArgs, parseGitHistory } from '../../src/feeds/notes.ts';
import { linkedFirst } from '../../src/related/linked.ts';
import { notesText } from '../../src/site/text.ts';

const index = buildLinkIndex(
  [
    { id: 'ring-attention', title: 'Ring Attention with Blockwise Transformers' },
    { id: 'flash-attention', title: 'FlashAttention: Fast and Memory-Efficient Exact Attention' },
    { id: 'survey-a', title: 'A Survey of Long Context' },
    { id: 'survey-b', title: 'A survey of long-context!' },
  ],
  [{ id: 'long-cot', title: 'Long chain-of-thought' }],
);

describe('resolveWikilink', () => {
  it('names a paper by its slug, and shows its title', () => {
    expect(resolveWikilink(index, 'ring-attention')).toMatchObject({ kind: 'paper', id: 'ring-attention', byId: true });
    expect(plainWikilinks('see [[ring-attention]]', index)).toBe('see Ring Attention with Blockwise Transformers');
  });

  it('names a paper by its title, ignoring case, spacing and punctuation', () => {
    expect(resolveWikilink(index, 'flashattention — fast and memory efficient exact attention')).toMatchObject({ kind: 'paper', id: 'flash-attention', byId: false });
    expect(plainWikilinks('[[RING attention with blockwise-transformers]]', index)).toBe('RING attention with blockwise-transformers');
  });

  it('shows the text after | instead of the target', () => {
    expect(plainWikilinks('builds on [[ring-attention|ring attention]].', index)).toBe('builds on ring attention.');
  });

  it('names a topic with topic:', () => {
    expect(resolveWikilink(index, 'topic:long-cot')).toMatchObject({ kind: 'topic', id: 'long-cot' });
    expect(plainWikilinks('[[topic:long-cot]]', index)).toBe('Long chain-of-thought');
  });

  it('finds two papers for a title two papers share', () => {
    expect(resolveWikilink(index, 'a survey of long context')).toEqual({ kind: 'ambiguous', candidates: ['survey-a', 'survey-b'] });
  });

  it('finds nothing for a misspelt name, and suggests the closest', () => {
    expect(resolveWikilink(index, 'ring-atention')).toEqual({ kind: 'broken', suggestions: ['ring-attention'] });
  });
});

describe('wikilinkProblems', () => {
  it('reports broken and ambiguous links with their line and candidates, and skips code', () => {
    const body = 'Fine: [[ring-attention]].\n\n`[[not a link]]`\n\n```\n[[nor this]]\n```\nBroken: [[Ring Atention]] and [[A Survey of Long Context]].';
    const problems = wikilinkProblems(body, index);
    expect(problems.map((problem) => [problem.line, problem.link])).toEqual([[8, '[[Ring Atention]]'], [8, '[[A Survey of Long Context]]']]);
    expect(problems[0]!.fix).toBe('did you mean [[ring-attention]] ("Ring Attention with Blockwise Transformers")?');
    expect(problems[1]!.message).toContain('[[survey-a]] ("A Survey of Long Context"), [[survey-b]]');
  });

  it('names the file and the file line in npm run check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shelf-wikilinks-'));
    const file = join(dir, 'a.md');
    writeFileSync(file, '---\ntitle: A\n---\nFirst line.\n\nSee [[topic:long-cott]].\n');
    const [diagnostic] = checkWikilinks([{ id: 'a', filePath: file, body: 'First line.\n\nSee [[topic:long-cott]].\n', data: { title: 'A' } }], [{ slug: 'long-cot', title: 'Long CoT' }]);
    expect(diagnostic).toMatchObject({ file, line: 6, field: 'notes', message: 'the wikilink [[topic:long-cott]] names no topic' });
    expect(diagnostic!.fix).toContain('[[topic:long-cot]]');
    rmSync(dir, { recursive: true });
  });
});

describe('remarkWikilinks', () => {
  it('renders links under the base and broken links without brackets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shelf-remark-'));
    mkdirSync(join(dir, 'papers', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'topics'));
    writeFileSync(join(dir, 'papers', 'sub', 'ring.md'), "---\ntitle: 'Ring Attention: Blockwise'\nabstract: x\n---\n");
    writeFileSync(join(dir, 'topics', 'long-cot.md'), '---\ntitle: Long CoT\n---\n');
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkWikilinks, { base: '/shelf/', papersDir: join(dir, 'papers'), topicsDir: join(dir, 'topics') })
        .use(remarkRehype)
        .use(rehypeStringify)
        .process('On [[ring attention blockwise|rings]], [[topic:long-cot]] and [[nothing]]; `[[code]]`.'),
    );
    expect(html).toBe(
      '<p>On <a href="/shelf/papers/ring/" class="wikilink">rings</a>, <a href="/shelf/topics/long-cot/" class="wikilink">Long CoT</a> and <span class="wikilink broken" title="This link names no paper">nothing</span>; <code>[[code]]</code>.</p>',
    );
    rmSync(dir, { recursive: true });
  });

  it('reads a title from the frontmatter alone, quoted or folded', () => {
    expect(frontmatterTitle("---\nid: 1\ntitle: 'A: B'\nabstract: x\n---\nbody title: no")).toBe('A: B');
    expect(frontmatterTitle('---\ntitle: >-\n  Long\n  title\n---\n')).toBe('Long title');
    expect(frontmatterTitle('---\nabstract: x\n---\ntitle: body\n')).toBeUndefined();
  });
});

describe('backlinks', () => {
  it('lists the notes that link to a paper, with the sentence around the mention', () => {
    const notes = [
      { id: 'flash-attention', body: '## Take-away\n\nFast. It pairs well with **blockwise** [[ring-attention|ring attention]], e.g. for 1M tokens. Then more.\n\nAgain [[ring-attention]].' },
      { id: 'ring-attention', body: 'Self link [[ring-attention]] is not a backlink; [[flash-attention]] is.' },
    ];
    const mentions = backlinks(notes, index);
    expect(mentions.get('ring-attention')).toEqual([{ from: 'flash-attention', before: 'It pairs well with blockwise ', text: 'ring attention', after: ', e.g. for 1M tokens.' }]);
    expect(mentions.get('flash-attention')).toEqual([
      { from: 'ring-attention', before: 'Self link Ring Attention with Blockwise Transformers is not a backlink; ', text: 'FlashAttention: Fast and Memory-Efficient Exact Attention', after: ' is.' },
    ]);
    expect(linkedPapers(mentions)).toEqual(new Map([['ring-attention', ['flash-attention']], ['flash-attention', ['ring-attention']]]));
  });

  it('puts linked papers first in related papers', () => {
    const similar = new Map([['a', [{ id: 'b', score: 0.5 }, { id: 'c', score: 0.4 }]], ['c', [{ id: 'b', score: 0.2 }]]]);
    expect(linkedFirst(similar, new Map([['a', ['c']]]), 5).get('a')).toEqual([{ id: 'c', score: 1 }, { id: 'b', score: 0.5 }]);
    expect(linkedFirst(similar, new Map(), 5).get('c')).toEqual([{ id: 'b', score: 0.2 }]);
  });

  it('reads notes as their link text in search and feeds', () => {
    expect(notesText('Builds on [[ring-attention|ring attention]] and [[topic:long-cot]].')).toBe('Builds on ring attention and long-cot.');
  });
});

describe('the git history of notes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shelf-git-'));
  afterAll(() => rmSync(dir, { recursive: true }));
  const git = (args: string[], env: Record<string, string> = {}) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  const commit = (file: string, text: string, name: string, date: string) => {
    writeFileSync(join(dir, file), text);
    git(['add', '.']);
    git(['-c', 'commit.gpgsign=false', 'commit', '-qm', `edit ${file}`], {
      GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: `${name}@example.org`, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: `${name}@example.org`,
      GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date,
    });
  };

  it('gives each file its last author and date and its editors, from one git log', () => {
    git(['init', '-q']);
    mkdirSync(join(dir, 'papers'));
    commit('papers/a.md', 'one', 'Ana', '2025-01-02T10:00:00Z');
    commit('papers/b.md', 'one', 'Ben', '2025-02-03T10:00:00Z');
    commit('papers/a.md', 'two', 'Ben', '2025-03-04T10:00:00Z');
    commit('papers/a.md', 'three', 'Ana', '2025-04-05T10:00:00Z');
    const history = parseGitHistory(git(gitLogArgs('papers')));
    expect(history.get('papers/a.md')).toEqual({ added: new Date('2025-01-02T10:00:00Z'), changed: new Date('2025-04-05T10:00:00Z'), author: 'Ana', authors: ['Ana', 'Ben'] });
    expect(history.get('papers/b.md')).toEqual({ added: new Date('2025-02-03T10:00:00Z'), changed: new Date('2025-02-03T10:00:00Z'), author: 'Ben', authors: ['Ben'] });
  });
});

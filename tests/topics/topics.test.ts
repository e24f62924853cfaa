import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTopics, parseTopicFile } from '../../src/topics/topics.ts';

const TOPICS_DIR = fileURLToPath(new URL('../../content/topics', import.meta.url));

/** A topic file with the given frontmatter lines between the fences. */
const file = (frontmatter: string, body = 'The long description.\n') => `---\n${frontmatter}\n---\n\n${body}`;

const VALID = [
  'title: Long context',
  'description: Long inputs and outputs.',
  'order: 2',
  'threshold: 3',
  'rules:',
  '  - { phrase: long context, weight: 3, where: title }',
  '  - { phrase: context window*, weight: 2 }',
].join('\n');

describe('parseTopicFile', () => {
  it('reads the frontmatter, the body, and the slug from the file name', () => {
    const topic = parseTopicFile(file(VALID), 'content/topics/long-context.md');
    expect(topic).toMatchObject({
      slug: 'long-context',
      file: 'content/topics/long-context.md',
      title: 'Long context',
      order: 2,
      threshold: 3,
      body: 'The long description.',
    });
    expect(topic.rules[0]).toEqual({ phrase: 'long context', weight: 3, where: 'title' });
  });

  it('fills in where: any and an empty against list', () => {
    const topic = parseTopicFile(file(VALID), 'x/long-context.md');
    expect(topic.rules[1].where).toBe('any');
    expect(topic.against).toEqual([]);
  });

  it('keeps a value that looks like a date as a string', () => {
    const topic = parseTopicFile(file(VALID.replace('title: Long context', 'title: 2024-01-02')), 'x/dated.md');
    expect(topic.title).toBe('2024-01-02');
  });

  it('names the file and the field when a field is wrong', () => {
    expect(() => parseTopicFile(file(VALID.replace('threshold: 3', 'threshold: high')), 'content/topics/bad.md')).toThrow(
      /^content\/topics\/bad\.md: threshold: /,
    );
  });

  it('names the rule and its field when a rule is wrong', () => {
    const text = file(VALID.replace('weight: 2', 'weight: -2'));
    expect(() => parseTopicFile(text, 'content/topics/bad.md')).toThrow(/^content\/topics\/bad\.md: rules\.1\.weight: /);
  });

  it('names a missing field', () => {
    expect(() => parseTopicFile(file(VALID.replace(/^threshold: 3\n/m, '')), 'content/topics/bad.md')).toThrow(
      /^content\/topics\/bad\.md: threshold: /,
    );
  });

  it('names the file and line of broken YAML', () => {
    expect(() => parseTopicFile(file(`${VALID}\n  - { phrase: oops`), 'content/topics/bad.md')).toThrow(
      /^content\/topics\/bad\.md:\d+: invalid YAML/,
    );
  });

  it('rejects a file name that is not a topic slug', () => {
    expect(() => parseTopicFile(file(VALID), 'content/topics/Long Context.md')).toThrow(
      'content/topics/Long Context.md: file name:',
    );
  });
});

describe('loadTopics', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every .md file of a folder, sorted by order and then slug', () => {
    dir = mkdtempSync(join(tmpdir(), 'topics-'));
    writeFileSync(join(dir, 'zeta.md'), file(VALID.replace('order: 2', 'order: 1')));
    writeFileSync(join(dir, 'beta.md'), file(VALID));
    writeFileSync(join(dir, 'alpha.md'), file(VALID));
    writeFileSync(join(dir, 'notes.txt'), 'not a topic');
    expect(loadTopics(dir).map((topic) => topic.slug)).toEqual(['zeta', 'alpha', 'beta']);
  });

  it('loads the project topics in home-page order', () => {
    expect(loadTopics(TOPICS_DIR).map((topic) => topic.slug)).toEqual([
      'long-context',
      'test-time-adaptation',
      'long-cot',
      'credit-assignment',
    ]);
  });
});

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, isChrome, looksLikeTitle, parseDump, stripGluedChrome } from '../../src/ingest/parse.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/parse');
// UPDATE_GOLDEN=1 npx vitest run tests/ingest/parse.test.ts rewrites expected.json; review the diff.
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('parseDump (golden fixtures)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(`parses the "${name}" fixture as expected.json says`, () => {
      const input = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
      const actual = parseDump(input, 'input.txt');
      const expectedPath = join(FIXTURES, name, 'expected.json');
      if (UPDATE || !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});

describe('parseDump (real dumps)', () => {
  const dumps = join(import.meta.dirname, '../../content/dumps');
  const files = readdirSync(dumps).filter((file) => file.endsWith('.txt'));

  it('finds 417 listings in the five real dumps, with no warnings', () => {
    const results = files.map((file) => parseDump(readFileSync(join(dumps, file), 'utf8'), file));
    expect(results.flatMap((result) => result.listings)).toHaveLength(417);
    expect(results.flatMap((result) => result.warnings)).toEqual([]);
  });

  it('never takes page chrome or prose for a title', () => {
    for (const file of files) {
      for (const listing of parseDump(readFileSync(join(dumps, file), 'utf8'), file).listings) {
        expect(isChrome(listing.title)).toBe(false);
        expect(listing.title).not.toMatch(/^Subscribe|trending papers/);
        expect(listing.abstract.length).toBeGreaterThan(listing.title.length);
      }
    }
  });

  it('parses a dump the same with CRLF line endings and trailing white space', () => {
    const text = readFileSync(join(dumps, files[0]), 'utf8');
    const crlf = text.split('\n').map((line) => `${line} \t`).join('\r\n');
    expect(parseDump(crlf, files[0])).toEqual(parseDump(text, files[0]));
  });
});

describe('looksLikeTitle', () => {
  it.each([
    'Efficient Test-Time Model Adaptation without Forgetting',
    'Can 1B LLM Surpass 405B LLM? Rethinking Compute-Optimal Test-Time Scaling',
    'NER4all or Context is All You Need: Using LLMs for NER on historical texts. A humanities informed approach',
    'LLMs Can Easily Learn to Reason from Demonstrations Structure, not content, is what matters!',
    'α-Scaling: Rotary Embeddings at Length β→∞',
    '长上下文语言模型的评测基准',
  ])('takes "%s" for a title', (line) => {
    expect(looksLikeTitle(line)).toBe(true);
  });

  it.each([
    'We study X.',
    'Large models help. They really do. A lot',
    'Code is available at https://github.com/example/repo',
    '我们提出了一个新的长上下文评测基准。实验表明现有模型在超长输入上表现不佳。',
    Array.from({ length: 60 }, () => 'word').join(' '),
  ])('takes "%s" for prose', (line) => {
    expect(looksLikeTitle(line)).toBe(false);
  });
});

describe('isChrome', () => {
  it.each(['new', 'Subscribe', 'Get trending papers in your email inbox!', 'Get trending papers in your email inbox once a day!', 'byAK and the research community', 'Mar 13', 'September 3'])(
    'knows "%s" is page chrome',
    (line) => expect(isChrome(line)).toBe(true),
  );

  it('does not take a title that starts like chrome for chrome', () => {
    expect(isChrome('New Frontiers in Long Context')).toBe(false);
    expect(isChrome('May the Force Be With You')).toBe(false);
  });
});

describe('stripGluedChrome', () => {
  it('removes chrome glued to the front of a title', () => {
    expect(stripGluedChrome('SubscribeEmpowering Many, Biasing a Few')).toBe('Empowering Many, Biasing a Few');
  });

  it('leaves a title that merely starts with the same letters', () => {
    expect(stripGluedChrome('Subscriber Churn Prediction')).toBe('Subscriber Churn Prediction');
    expect(stripGluedChrome('Newton Methods at Scale')).toBe('Newton Methods at Scale');
  });
});

describe('collapseWhitespace', () => {
  it('folds tabs, runs of spaces and no-break spaces into one space', () => {
    expect(collapseWhitespace('  A\tTitle \u00a0 With   Tabs \r')).toBe('A Title With Tabs');
  });
});

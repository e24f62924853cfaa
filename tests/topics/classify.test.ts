import { describe, expect, it } from 'vitest';
import { classify, compileTopics } from '../../src/topics/classify.ts';
import type { Topic } from '../../src/topics/topics.ts';
import { topicSchema } from '../../src/papers/schema.ts';

type RuleInput = { phrase: string; weight: number; where?: 'title' | 'abstract' | 'any' };
type TopicOptions = { against?: RuleInput[]; threshold?: number };

/** A topic as a topic file would give it, defaults filled in by the real schema. */
function topic(slug: string, rules: RuleInput[], options: TopicOptions = {}): Topic {
  const data = topicSchema.parse({
    title: slug,
    description: `About ${slug}.`,
    threshold: options.threshold ?? 1,
    rules,
    against: options.against ?? [],
  });
  return { ...data, slug, body: '', file: `content/topics/${slug}.md` };
}

/** Classifies one paper against one topic made of the given rules. */
function run(rules: RuleInput[], paper: { title?: string; abstract?: string }, options: TopicOptions = {}) {
  const compiled = compileTopics([topic('t', rules, options)]);
  return classify({ title: paper.title ?? '', abstract: paper.abstract ?? '' }, compiled);
}

const matches = (phrase: string, text: string) => run([{ phrase, weight: 1 }], { abstract: text }).topics.length === 1;

describe('compileTopics', () => {
  it('rejects a "*" that does not end a word, naming the file and the rule', () => {
    expect(() => compileTopics([topic('t', [{ phrase: 'ok', weight: 1 }, { phrase: 'generali*ation', weight: 1 }])])).toThrow(
      'content/topics/t.md: rules.1.phrase: "generali*ation": "*" may only end a word',
    );
  });

  it('rejects a lone "*" and an empty alternative', () => {
    expect(() => compileTopics([topic('t', [{ phrase: 'long *', weight: 1 }])])).toThrow('rules.0.phrase');
    expect(() => compileTopics([topic('t', [{ phrase: 'a||b', weight: 1 }])])).toThrow('empty alternative');
  });

  it('names the against list when the bad phrase is there', () => {
    expect(() => compileTopics([topic('t', [{ phrase: 'ok', weight: 1 }], { against: [{ phrase: '*x', weight: 1 }] })])).toThrow(
      'content/topics/t.md: against.0.phrase',
    );
  });
});

describe('classify', () => {
  it('matches a phrase whatever its case', () => {
    expect(matches('long context', 'LONG Context windows')).toBe(true);
  });

  it('matches whole words only', () => {
    expect(matches('rope', 'models trained in Europe')).toBe(false);
    expect(matches('rope', 'scaling RoPE bases')).toBe(true);
    expect(matches('context', 'many contexts')).toBe(false);
  });

  it('treats spaces, hyphens and line breaks between words alike', () => {
    for (const text of ['long-context', 'long context', 'long\u2010context', 'long -\ncontext']) {
      expect(matches('long-context', text), text).toBe(true);
      expect(matches('long context', text), text).toBe(true);
    }
  });

  it('does not match words written together unless the phrase says so', () => {
    expect(matches('long cot', 'bootstrap LongCoT')).toBe(false);
    expect(matches('long cot|longcot', 'bootstrap LongCoT')).toBe(true);
  });

  it('lets "*" stand for any word ending', () => {
    expect(matches('extrapolat*', 'to extrapolate')).toBe(true);
    expect(matches('length extrapolat*', 'length extrapolation')).toBe(true);
    expect(matches('extrapolat*', 'extra polation')).toBe(false);
  });

  it('takes regular-expression characters in a phrase literally', () => {
    expect(matches('o1 (mini)', 'o1 (mini) thinks')).toBe(true);
    expect(matches('k.v', 'kav cache')).toBe(false);
  });

  it('counts a phrase with alternatives once and names the alternative that matched', () => {
    const result = run([{ phrase: 'test time adaptation|tta', weight: 2 }], { abstract: 'Test-time adaptation (TTA) adapts.' });
    expect(result.scores.t).toBe(2);
    expect(result.evidence.t.map((e) => e.phrase)).toEqual(['test time adaptation']);
  });

  it('looks only in the title for a title rule and only in the abstract for an abstract rule', () => {
    const rules: RuleInput[] = [
      { phrase: 'alpha', weight: 1, where: 'title' },
      { phrase: 'beta', weight: 10, where: 'abstract' },
    ];
    expect(run(rules, { title: 'beta', abstract: 'alpha' }).scores.t).toBe(0);
    expect(run(rules, { title: 'alpha', abstract: 'beta' }).scores.t).toBe(11);
  });

  it('counts a rule once however often it matches, with the title as its evidence', () => {
    const result = run([{ phrase: 'long context', weight: 2 }], {
      title: 'Long context models',
      abstract: 'Long context. Long context again.',
    });
    expect(result.scores.t).toBe(2);
    expect(result.evidence.t).toEqual([
      { phrase: 'long context', where: 'title', weight: 2, against: false, excerpt: 'Long context models' },
    ]);
  });

  it('subtracts rules under against and lists them in the evidence', () => {
    const result = run(
      [{ phrase: 'tta', weight: 2 }],
      { abstract: 'Test-time augmentation (TTA) averages predictions.' },
      { against: [{ phrase: 'test time augmentation', weight: 3 }], threshold: 1 },
    );
    expect(result.scores.t).toBe(-1);
    expect(result.topics).toEqual([]);
    expect(result.evidence.t.map((e) => [e.phrase, e.against])).toEqual([
      ['tta', false],
      ['test time augmentation', true],
    ]);
  });

  it('puts a paper on a topic when its score reaches the threshold, not below it', () => {
    const rules = [
      { phrase: 'credit assignment', weight: 2 },
      { phrase: 'reinforcement learning', weight: 1 },
    ];
    expect(run(rules, { abstract: 'credit assignment in the optimiser' }, { threshold: 3 }).topics).toEqual([]);
    expect(run(rules, { abstract: 'credit assignment in reinforcement learning' }, { threshold: 3 }).topics).toEqual(['t']);
  });

  it('compares sums of fractional weights with the threshold as written', () => {
    const rules = [
      { phrase: 'a', weight: 0.1 },
      { phrase: 'b', weight: 0.2 },
    ];
    expect(run(rules, { abstract: 'a b' }, { threshold: 0.3 }).topics).toEqual(['t']);
  });

  it('lists topics in the order they were compiled and scores every topic', () => {
    const compiled = compileTopics([
      topic('second', [{ phrase: 'shared', weight: 1 }]),
      topic('first', [{ phrase: 'shared', weight: 1 }]),
      topic('none', [{ phrase: 'absent', weight: 1 }]),
    ]);
    const result = classify({ title: 'shared', abstract: '' }, compiled);
    expect(result.topics).toEqual(['second', 'first']);
    expect(result.scores).toEqual({ second: 1, first: 1, none: 0 });
    expect(result.evidence.none).toEqual([]);
  });

  it('keeps a few words either side of a match as the excerpt', () => {
    const abstract = `${'Earlier words fill the start of this abstract. '.repeat(3)}We extend the context window of models. ${'Later words fill the rest. '.repeat(3)}`;
    const [evidence] = run([{ phrase: 'context window', weight: 1 }], { abstract }).evidence.t;
    expect(evidence.excerpt).toMatch(/^….*We extend the context window of models\..*…$/);
    expect(evidence.excerpt.length).toBeLessThan(110);
    // Cut at word boundaries: the text between the ellipses is whole words of the abstract.
    expect(` ${abstract} `).toContain(` ${evidence.excerpt.slice(1, -1)} `);
  });
});

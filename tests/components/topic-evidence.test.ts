import { describe, expect, it } from 'vitest';
import TopicEvidence from '../../src/components/TopicEvidence.astro';
import type { Classification } from '../../src/topics/classify.ts';
import { children, matched, ownText, paper, render, text, topics } from './render.ts';

describe('TopicEvidence', () => {
  it('shows each matching rule with its words, and nothing about people when the rules chose', async () => {
    const { html, root } = await render(TopicEvidence, { paper: paper(), topics, classification: matched });
    const section = root.querySelector('section[aria-labelledby="why"]')!;
    expect(children(section)).toEqual(['h2', 'ul.evidence']);
    expect(section.querySelector('h2#why')?.text).toBe('Why these topics');

    const evidence = section.querySelector('ul.evidence')!;
    expect(children(evidence)).toEqual(['li']);
    const rule = evidence.children[0]!;
    expect(children(rule)).toEqual(['a', 'ul']);
    expect(rule.querySelector('a')!.getAttribute('href')).toBe('/topics/long-context/');
    expect(text(rule.querySelector('a'))).toBe('Long context');
    expect(ownText(rule, 'ul')).toBe('Long context: score 3, needs 2');

    const words = rule.querySelectorAll('ul > li');
    expect(words.map((li) => [text(li), children(li)])).toEqual([['“long context” in the title (+3): Ring <Attention>', ['q']]]);
    expect(words[0]!.querySelector('q')!.text).toBe('Ring <Attention>');
    expect(html).toContain('<q>Ring &lt;Attention&gt;</q>');
    expect(root.querySelector('attention')).toBeNull();

    expect(text(root)).not.toContain('A person chose');
    expect(text(root)).not.toContain('Long chain-of-thought');
  });

  it('marks a rule that counts against a topic with a minus sign', async () => {
    const against: Classification = {
      topics: ['long-context'],
      scores: { 'long-context': 2, 'long-cot': 0 },
      evidence: {
        'long-context': [
          { phrase: 'long context', where: 'title', weight: 3, against: false, excerpt: 'Ring <Attention>' },
          { phrase: 'short', where: 'abstract', weight: 1, against: true, excerpt: 'a short & sweet test' },
        ],
        'long-cot': [],
      },
    };
    const { root } = await render(TopicEvidence, { paper: paper(), topics, classification: against });
    expect(root.querySelectorAll('ul.evidence > li').map((li) => ownText(li, 'ul'))).toEqual(['Long context: score 2, needs 2']);
    expect(root.querySelectorAll('ul.evidence li li').map(text)).toEqual([
      '“long context” in the title (+3): Ring <Attention>',
      '“short” in the abstract (−1): a short & sweet test',
    ]);
  });

  it('says when a person chose the topics, and when no rule matches', async () => {
    const none: Classification = { topics: [], scores: {}, evidence: {} };

    const chosen = (await render(TopicEvidence, { paper: paper({ topics: ['long-cot'], auto_topics: [] }), topics, classification: none })).root;
    const section = chosen.querySelector('section[aria-labelledby="why"]')!;
    expect(children(section)).toEqual(['h2', 'p', 'ul.evidence']);
    expect(text(section.querySelector('p'))).toBe('A person chose Long chain-of-thought; the rules alone would give none.');
    // The topic a person chose is listed even though no rule matched it.
    expect(section.querySelectorAll('ul.evidence > li').map((li) => ownText(li, 'ul'))).toEqual(['Long chain-of-thought: score 0, needs 2']);
    expect(section.querySelectorAll('ul.evidence li li')).toEqual([]);

    const unmatched = (await render(TopicEvidence, { paper: paper({ topics: [], auto_topics: [] }), topics, classification: none })).root;
    const empty = unmatched.querySelector('section[aria-labelledby="why"]')!;
    expect(children(empty)).toEqual(['h2', 'p']);
    expect(text(empty.querySelector('p'))).toBe('No topic rule matches its title or abstract.');
  });
});

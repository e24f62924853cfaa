import { describe, expect, it } from 'vitest';
import { distinguishingLine, phrasePattern, sentenceAround } from '../../src/site/row-lines.ts';
import type { Evidence } from '../../src/topics/classify.ts';

const evidence = (phrase: string, weight: number, against = false): Evidence => ({ phrase, where: 'abstract', weight, against, excerpt: '' });
const marked = (line: ReturnType<typeof distinguishingLine>) => line?.parts.filter((part) => part.mark).map((part) => part.text);
const shown = (line: ReturnType<typeof distinguishingLine>) => line?.parts.map((part) => part.text).join('');

describe('phrasePattern', () => {
  it('matches as the classifier does: whole words, any case, spaces or hyphens, * ending a word', () => {
    expect(phrasePattern('long context').exec('Our Long-Context model')?.[0]).toBe('Long-Context');
    expect(phrasePattern('extrapolat*').exec('length extrapolation works')?.[0]).toBe('extrapolation');
    expect(phrasePattern('rope').test('in europe')).toBe(false);
  });
});

describe('sentenceAround', () => {
  it('gives the sentence holding the match, the match marked', () => {
    const text = 'First sentence. We extend the context window to 2M. Last one.';
    const start = text.indexOf('context window');
    expect(sentenceAround(text, start, start + 14)).toEqual([
      { text: 'We extend the ' },
      { text: 'context window', mark: true },
      { text: ' to 2M.' },
    ]);
  });

  it('keeps a window around the match in a long sentence, cut at words', () => {
    const text = `${'word '.repeat(80)}the context window ${'more '.repeat(80)}end.`;
    const start = text.indexOf('context window');
    const parts = sentenceAround(text, start, start + 14);
    const whole = parts.map((part) => part.text).join('');
    expect(whole.length).toBeLessThanOrEqual(222);
    expect(whole.startsWith('…')).toBe(true);
    expect(whole.endsWith('…')).toBe(true);
    expect(parts.find((part) => part.mark)?.text).toBe('context window');
  });
});

describe('distinguishingLine', () => {
  const abstract = 'Language models are useful. We scale the context window to 1M tokens with ring attention. It works.';

  it('shows the first line of the notes when the paper has notes', () => {
    expect(distinguishingLine({ body: '## Why\n\nRead **section 3**.', data: { abstract } }, [evidence('context window', 3)])).toEqual({
      kind: 'note',
      parts: [{ text: 'Read section 3.' }],
    });
  });

  it('shows the sentence where the strongest rule matched, not the opening sentence', () => {
    const line = distinguishingLine({ data: { abstract } }, [evidence('ring attention', 1), evidence('context window', 3), evidence('useful', 5, true)]);
    expect(line?.kind).toBe('match');
    expect(marked(line)).toEqual(['context window']);
    expect(shown(line)).toBe('We scale the context window to 1M tokens with ring attention.');
  });

  it('falls back to the opening of the abstract when no phrase is in it, and to nothing without an abstract', () => {
    expect(distinguishingLine({ data: { abstract } }, [evidence('sparse attention', 2)])).toEqual({ kind: 'abstract', parts: [{ text: abstract }] });
    expect(distinguishingLine({ data: { abstract: ' ' } })).toBeUndefined();
  });

  it('shows TeX leftovers cleaned', () => {
    expect(shown(distinguishingLine({ data: { abstract: 'It extends context length by times100 times.' } }, [evidence('context length', 2)]))).toBe(
      'It extends context length by ×100 times.',
    );
  });
});

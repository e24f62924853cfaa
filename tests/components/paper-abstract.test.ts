import { describe, expect, it } from 'vitest';
import PaperAbstract from '../../src/components/PaperAbstract.astro';
import { render, text } from './render.ts';

describe('PaperAbstract', () => {
  it('shows each paragraph of the abstract as escaped text under its heading', async () => {
    const { html, root } = await render(PaperAbstract, { abstract: 'We scale <context>.\n\nSecond   paragraph.' });
    const section = root.querySelector('section.abstract[aria-labelledby="abstract"]')!;
    expect(text(section.querySelector('h2#abstract'))).toBe('Abstract');
    expect(section.querySelectorAll('p').map(text)).toEqual(['We scale <context>.', 'Second paragraph.']);
    expect(html).toContain('We scale &lt;context&gt;.');
  });

  it('says the dumps had no abstract when it is empty or only white space', async () => {
    for (const abstract of ['', '  \n ']) {
      const { root } = await render(PaperAbstract, { abstract });
      expect(root.querySelectorAll('section.abstract p').map((p) => [p.classList.value.join('.'), text(p)])).toEqual([['muted', 'No abstract in the dumps.']]);
    }
  });
});

describe('PaperAbstract and TeX leftovers', () => {
  it('shows "times100" and "40times" as multiplication signs', async () => {
    const { root } = await render(PaperAbstract, { abstract: "It extends Llama-2-7B's context length by times100 times.\n\nIt is almost 40times faster." });
    expect(root.querySelectorAll('.abstract p').map((p) => p.text)).toEqual(["It extends Llama-2-7B's context length by ×100 times.", 'It is almost 40× faster.']);
  });
});

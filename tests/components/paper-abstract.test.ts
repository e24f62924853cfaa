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

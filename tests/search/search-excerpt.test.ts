import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts, withoutLeadingTitle } from '../../src/search/search-excerpt.ts';

describe('decodeEntities', () => {
  it('decodes named and numeric references and leaves unknown ones', () => {
    expect(decodeEntities('&lt;script&gt; &amp; &#39;x&#x27; &quot;&nosuch;')).toBe(`<script> & 'x' "&nosuch;`);
  });
});

describe('excerptParts', () => {
  it('splits an excerpt into plain and highlighted runs', () => {
    expect(excerptParts('Large <mark>context</mark> <mark>window</mark>s are')).toEqual([
      { text: 'Large ', mark: false },
      { text: 'context', mark: true },
      { text: ' ', mark: false },
      { text: 'window', mark: true },
      { text: 's are', mark: false },
    ]);
  });

  it('keeps any other markup as visible text, so it can never run', () => {
    expect(excerptParts('tries &lt;script&gt;x&lt;/script&gt; and <img src=x onerror=y>')).toEqual([
      { text: 'tries <script>x</script> and <img src=x onerror=y>', mark: false },
    ]);
  });
});

describe('withoutLeadingTitle', () => {
  const parts = (text: string) => excerptParts(text);
  const plain = (list: { text: string }[]) => list.map((part) => part.text).join('');

  it('drops the whole title and its full stop from the start', () => {
    const result = withoutLeadingTitle(parts('<mark>Reasoning</mark> With Chains. We study <mark>reasoning</mark>.'), 'Reasoning With Chains');
    expect(result).toEqual([
      { text: 'We study ', mark: false },
      { text: 'reasoning', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('drops the end of the title when the excerpt starts inside it', () => {
    const result = withoutLeadingTitle(parts("LLMs' Context Window with 100 Samples. Large models"), "Extending LLMs' Context Window with 100 Samples");
    expect(plain(result)).toBe('Large models');
  });

  it('leaves excerpts that do not start with the title alone', () => {
    const input = parts('Samples are drawn from the test stream.');
    expect(withoutLeadingTitle(input, 'Extending LLMs With 100 Samples')).toEqual(input);
  });

  it('keeps the title when it is all the excerpt has', () => {
    const input = parts('Short Title.');
    expect(withoutLeadingTitle(input, 'Short Title')).toEqual(input);
  });
});

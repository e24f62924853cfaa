import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText } from '../../src/site/html.ts';

describe('escapeText', () => {
  it('escapes the five characters Astro escapes in text', () => {
    expect(escapeText(`Markup <b>in</b> a title & "an" 'abstract'`)).toBe('Markup &lt;b&gt;in&lt;/b&gt; a title &amp; &quot;an&quot; &#39;abstract&#39;');
  });

  it('leaves other text, numbers and existing entities as text', () => {
    expect(escapeText('Café – “quoted” ★')).toBe('Café – “quoted” ★');
    expect(escapeText(3)).toBe('3');
    expect(escapeText('&amp;')).toBe('&amp;amp;');
  });
});

describe('escapeAttribute', () => {
  it('escapes what could end a double-quoted attribute or start an entity, as Astro does', () => {
    expect(escapeAttribute('https://x.org/?a=1&b="2"<3>')).toBe('https://x.org/?a=1&amp;b=&quot;2&quot;<3>');
  });
});

import { describe, expect, it } from 'vitest';
import { extractLinks, trimUrl } from '../../src/site/links.ts';

describe('trimUrl', () => {
  it.each([
    ['https://github.com/a/b.', 'https://github.com/a/b'],
    ['https://github.com/a/b).', 'https://github.com/a/b'],
    ['https://github.com/a/b,', 'https://github.com/a/b'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)).', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['https://x.org/page?a=1;', 'https://x.org/page?a=1'],
    ["https://x.org/p'", 'https://x.org/p'],
  ])('trims %s to %s', (raw, expected) => {
    expect(trimUrl(raw)).toBe(expected);
  });
});

describe('extractLinks', () => {
  it('finds a code link at the end of a sentence and labels it by host and path', () => {
    expect(extractLinks('Code is available at https://github.com/liangchen527/ITTA.')).toEqual([
      { kind: 'code', url: 'https://github.com/liangchen527/ITTA', label: 'github.com/liangchen527/ITTA' },
    ]);
  });

  it('treats other hosts as project pages', () => {
    expect(extractLinks('See our page (https://example.org/project/).')).toEqual([
      { kind: 'project', url: 'https://example.org/project/', label: 'example.org/project' },
    ]);
  });

  it('adds https to bare GitHub addresses', () => {
    expect(extractLinks('Code: github.com/open-compass/Ada-LEval')).toEqual([
      { kind: 'code', url: 'https://github.com/open-compass/Ada-LEval', label: 'github.com/open-compass/Ada-LEval' },
    ]);
  });

  it('lists each address once, in order of appearance', () => {
    const text = 'https://github.com/a/b and https://github.com/a/b/ then https://b.org/x';
    expect(extractLinks(text).map((link) => link.url)).toEqual(['https://github.com/a/b', 'https://b.org/x']);
  });

  it('finds nothing in text without addresses', () => {
    expect(extractLinks('We share our data, models, and code for reproducibility.')).toEqual([]);
  });
});

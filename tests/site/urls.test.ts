import { describe, expect, it } from 'vitest';
import { editUrl, joinBase, lookupLinks, notesFeedPath, paperPath, searchPath, topicPath, withBase } from '../../src/site/urls.ts';

describe('joinBase', () => {
  it.each([
    ['/', 'papers/x/', '/papers/x/'],
    ['/', '/papers/x/', '/papers/x/'],
    ['/', '', '/'],
    ['/shelf/', 'papers/x/', '/shelf/papers/x/'],
    ['/shelf', 'papers/x/', '/shelf/papers/x/'],
    ['/shelf/', '/search/?q=a', '/shelf/search/?q=a'],
    ['/shelf/', '', '/shelf/'],
  ])('joins %s and %s into %s', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });
});

describe('withBase', () => {
  it('uses the configured base, which is / by default', () => {
    expect(withBase('topics/long-context/')).toBe('/topics/long-context/');
  });
});

describe('notesFeedPath', () => {
  it('is a file at the site root, so it joins any base', () => {
    expect(joinBase('/shelf/', notesFeedPath())).toBe('/shelf/notes.xml');
  });
});

describe('paperPath and topicPath', () => {
  it('give directory paths that end in a slash', () => {
    expect(paperPath('cafa')).toBe('papers/cafa/');
    expect(topicPath('long-cot')).toBe('topics/long-cot/');
  });
});

describe('searchPath', () => {
  it('is the bare search page without a query', () => {
    expect(searchPath()).toBe('search/');
  });

  it('carries the query and every topic filter', () => {
    expect(searchPath('long context', ['Long context', 'Credit assignment'])).toBe(
      'search/?q=long+context&topic=Long+context&topic=Credit+assignment',
    );
  });
});

describe('editUrl', () => {
  it('points at the web editor for the file on main', () => {
    expect(editUrl('https://github.com/o/r', 'content/papers/cafa.mdx')).toBe(
      'https://github.com/o/r/edit/main/content/papers/cafa.mdx',
    );
  });

  it('tolerates a trailing slash on the repository and ./ on the path, and encodes odd names', () => {
    expect(editUrl('https://github.com/o/r/', './content/papers/a b.md')).toBe(
      'https://github.com/o/r/edit/main/content/papers/a%20b.md',
    );
  });
});

describe('lookupLinks', () => {
  it('searches arXiv by title, Hugging Face papers and Semantic Scholar with the encoded title', () => {
    const links = lookupLinks('CAFA: Class-Aware  Feature Alignment & more');
    expect(links.map((link) => link.label)).toEqual(['arXiv', 'Hugging Face papers', 'Semantic Scholar']);
    const q = 'CAFA%3A%20Class-Aware%20Feature%20Alignment%20%26%20more';
    expect(links.map((link) => link.url)).toEqual([
      `https://arxiv.org/search/?query=${q}&searchtype=title`,
      `https://huggingface.co/papers?q=${q}`,
      `https://www.semanticscholar.org/search?q=${q}`,
    ]);
  });
});

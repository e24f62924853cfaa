import { describe, expect, it } from 'vitest';
import { fixtureSite as build, readListPages, readPage, readPapers } from './builds.ts';

const text = (path: string, selector = 'main') => readPage(build, path).querySelector(selector)?.text.replace(/\s+/g, ' ') ?? '';

describe('a paper page with notes and person fields (fixture)', () => {
  it('renders MDX notes above the abstract', () => {
    const page = readPage(build, 'papers/notes-in-mdx/');
    const notes = page.querySelector('.notes');
    expect(notes?.querySelector('strong')?.text).toBe('MDX');
    expect(notes?.text).toContain('the compute-optimal strategy depends on the verifier');
    const order = page.querySelectorAll('article > section').map((section) => section.classList.value.join(' '));
    expect(order).toEqual(['notes', 'abstract', 'cite', 'related compact']);
  });

  it('renders Markdown notes', () => {
    const notes = readPage(build, 'papers/rated-with-links/').querySelector('.notes');
    expect(notes?.querySelectorAll('li').map((li) => li.text)).toEqual([
      'TSort: put shuffled segments back in order.',
      'BestAnswer: pick the best answer.',
    ]);
  });

  it('shows status, rating, tags and links', () => {
    const page = readPage(build, 'papers/rated-with-links/');
    const facts = page.querySelectorAll('.facts dt, .facts dd').map((e) => e.text.replace(/\s+/g, ' ').trim());
    expect(facts).toEqual(['Status', 'Read', 'Rating', '★★★★☆4 out of 5', 'Tags', 'benchmarkevaluation', 'Links', 'Leaderboard']);
    expect(page.querySelector('.facts a')?.getAttribute('href')).toBe('https://example.org/zebra');
  });

  it('shows the date noted and fields the schema does not name', () => {
    const facts = readPage(build, 'papers/notes-in-mdx/').querySelectorAll('.facts dt, .facts dd').map((e) => e.text.trim());
    expect(facts).toEqual(['Status', 'Reading', 'Noted', '1 March 2025', 'Reading group', 'Tuesday session']);
  });

  it('has no facts list for a paper nobody has touched', () => {
    expect(readPage(build, 'papers/plain-long-context/').querySelector('.facts')).toBeNull();
  });
});

describe('links to find a paper (fixture)', () => {
  const links = (slug: string) =>
    readPage(build, `papers/${slug}/`)
      .querySelectorAll('[aria-labelledby="find"] a')
      .map((a) => [a.text, a.getAttribute('href')]);

  it('lists code found in the abstract, without the punctuation after it, then the searches', () => {
    expect(links('notes-in-mdx')).toEqual([
      ['github.com/example/long-steps', 'https://github.com/example/long-steps'],
      ['arXiv', 'https://arxiv.org/search/?query=Reasoning%20With%20Long%20Chains%20and%20Step%20Rewards&searchtype=title'],
      ['Hugging Face papers', 'https://huggingface.co/papers?q=Reasoning%20With%20Long%20Chains%20and%20Step%20Rewards'],
      ['Semantic Scholar', 'https://www.semanticscholar.org/search?q=Reasoning%20With%20Long%20Chains%20and%20Step%20Rewards'],
    ]);
  });

  it('lists a project page found in the abstract', () => {
    expect(links('markup-in-abstract')[0]).toEqual(['example.org/project', 'https://example.org/project/']);
  });
});

describe('files in subfolders and the base path (fixture)', () => {
  it('names a paper in a subfolder by its file name and edits it at its real path', () => {
    const edit = readPage(build, 'papers/nested-test-time/')
      .querySelectorAll('a')
      .find((a) => a.text === 'Edit this page');
    expect(edit?.getAttribute('href')).toBe(
      'https://github.com/example/shelf-fixture/edit/main/tests/fixtures/site/content/papers/more/nested-test-time.md',
    );
  });

  it('links papers on no topic from the all-papers page', () => {
    expect(readListPages(build, 'papers/').map((page) => page.querySelector('main')!.text).join(' ')).toContain('Markup <b>in</b> a title & an abstract');
    expect(text('papers/markup-in-abstract/')).toContain('On no topic yet.');
  });

  it('uses the site URL for canonical links', () => {
    expect(readPage(build, 'topics/long-context/').querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://lab.example.org/shelf/topics/long-context/',
    );
  });
});

describe('topic page reading order (fixture)', () => {
  it('puts notes first, then bridges to other topics, then the rest, and explains it', () => {
    const pages = readListPages(build, 'topics/long-context/');
    const groups = pages.flatMap((page) => page.querySelectorAll('main section')).map((section) => [
      section.querySelector('h2')?.firstChild?.text.trim(),
      section.querySelectorAll('.paper-title').map((title) => title.text),
    ]);
    expect(groups).toEqual([
      ['With notes', ['Zebra Context: Evaluating Long Context Windows']],
      ['Also on Test-time adaptation', ['Entropy Minimisation for Test-Time Adaptation']],
      ['Only on this topic', ['Attention Sinks for Long Context Streaming']],
    ]);
    expect(text('topics/long-context/')).toContain('Papers with notes come first');
  });
});

describe('the home page (fixture)', () => {
  it('quotes the start of the notes for each paper with notes', () => {
    const quotes = readPage(build, '').querySelectorAll('.notes-excerpt').map((p) => p.text);
    expect(quotes).toEqual([
      // Math stays as its TeX source in a plain-text excerpt.
      'A careful benchmark. Read section 3 first. TSort: put shuffled segments back in order. BestAnswer: pick the best answer. The score averages the per-task accuracies, $s = \\frac{1}{n}\\sum_{i=1}^{n} a_i$.',
      // A wikilink reads as its text, without brackets.
      'These notes are MDX: the strategy depends on the verifier. It scores the chains on the Zebra benchmark; see also long-cot.',
    ]);
  });
});

describe('why a paper is on its topics (fixture)', () => {
  it('shows the matched rules, and says when a person chose the topics', () => {
    const why = text('papers/notes-in-mdx/', '[aria-labelledby="why"]');
    expect(why).toContain('A person chose Long chain-of-thought, Credit assignment; the rules alone would give Long chain-of-thought.');
    expect(why).toContain('Long chain-of-thought: score 2, needs 2');
    expect(why).toContain('“chain-of-thought” in the abstract (+2)');
  });

  it('says so when no rule matches', () => {
    expect(text('papers/markup-in-abstract/', '[aria-labelledby="why"]')).toContain('No topic rule matches');
  });
});

describe('long lists split into pages (fixture, PAPERS_PER_PAGE=2)', () => {
  const papers = readPapers(build);

  it('splits all papers into pages of two, linked in order, page 1 at /papers/', () => {
    const pages = readListPages(build, 'papers/');
    expect(pages).toHaveLength(Math.ceil(papers.length / 2));
    for (const [index, page] of pages.entries()) {
      expect(page.querySelectorAll('main .paper-title').length).toBeLessThanOrEqual(2);
      expect(page.querySelector('.pager [aria-current="page"]')?.text).toBe(String(index + 1));
    }
    expect(pages[1]!.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/shelf/papers/');
    expect(pages[1]!.querySelector('title')?.text).toContain('All papers, page 2');
  });

  it('links each letter to the page its papers start on', () => {
    const pages = readListPages(build, 'papers/');
    for (const link of pages[0]!.querySelectorAll('.letters a')) {
      const [path, id] = link.getAttribute('href')!.split('#');
      const target = path ? readPage(build, path.slice('/shelf/'.length)) : pages[0]!;
      expect(target.querySelector(`#${id}`), link.getAttribute('href')!).not.toBeNull();
    }
  });

  it('splits a topic’s reading groups over pages, each group linked from every page where it starts', () => {
    const pages = readListPages(build, 'topics/long-context/');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]!.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/shelf/topics/long-context/');
    for (const page of pages) {
      for (const link of page.querySelectorAll('.toc a')) {
        const [path, id] = link.getAttribute('href')!.split('#');
        const target = path ? readPage(build, path.slice('/shelf/'.length)) : page;
        expect(target.querySelector(`#${id}`), link.getAttribute('href')!).not.toBeNull();
      }
    }
    // The description is on the first page only; the count and the reading groups are on every page.
    expect(pages[1]!.querySelector('main .prose')).toBeNull();
    for (const page of pages) expect(page.querySelector('main')!.text).toContain('3 papers on this topic');
  });
});

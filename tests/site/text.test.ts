import { describe, expect, it } from 'vitest';
import { cleanTeX, documentTitle, excerpt, formatDate, MAX_DOCUMENT_TITLE, noteFirstLine, notesText, paragraphs, plural } from '../../src/site/text.ts';

describe('paragraphs', () => {
  it('splits on blank lines and collapses whitespace', () => {
    expect(paragraphs('One  two\n\n  Three\tfour.\n\n\n')).toEqual(['One two', 'Three four.']);
  });

  it('treats the single line break YAML leaves of a blank line as a paragraph break', () => {
    expect(paragraphs('First.\nSecond.')).toEqual(['First.', 'Second.']);
  });

  it('gives no paragraphs for empty text', () => {
    expect(paragraphs('  \n ')).toEqual([]);
  });
});

describe('excerpt', () => {
  it('returns short text whole', () => {
    expect(excerpt('A short abstract.', 100)).toBe('A short abstract.');
  });

  it('ends on a whole sentence when that fills at least half', () => {
    const text = 'The first sentence is here. The second sentence is somewhat longer than that. Third one.';
    expect(excerpt(text, 80)).toBe('The first sentence is here. The second sentence is somewhat longer than that.');
  });

  it('does not take "e.g." for the end of a sentence', () => {
    const text = 'Models adapt (e.g. with entropy) at test time and improve robustness across many shifted domains today.';
    expect(excerpt(text, 60)).toBe('Models adapt (e.g. with entropy) at test time and improve…');
  });

  it('cuts at a word with an ellipsis when the first sentence is too long', () => {
    const text = 'word '.repeat(100);
    const result = excerpt(text, 50);
    expect(result.endsWith('word…')).toBe(true);
    expect(result.length).toBeLessThanOrEqual(51);
  });
});

describe('formatDate', () => {
  it('writes the day in UTC', () => {
    expect(formatDate(new Date('2025-03-01'))).toBe('1 March 2025');
  });
});

describe('plural', () => {
  it('says 1 paper and 2 papers', () => {
    expect(plural(1, 'paper')).toBe('1 paper');
    expect(plural(2, 'paper')).toBe('2 papers');
    expect(plural(0, 'paper is', 'papers are')).toBe('0 papers are');
  });
});

describe('notesText', () => {
  it('keeps the words of Markdown and drops its syntax', () => {
    const notes = '## Take-away\n\nA **careful** [benchmark](https://x.org); read `§3`.\n\n- TSort\n- BestAnswer\n\n> quoted';
    expect(notesText(notes)).toBe('Take-away A careful benchmark; read §3. TSort BestAnswer quoted');
  });

  it('drops MDX imports, exports, components, expressions and code blocks', () => {
    const notes = "import Chart from './c.astro';\nexport const n = 3;\n\n<Chart data={n} />\n\nThe {n} runs agree.\n\n```py\nprint(1)\n```\nDone.";
    expect(notesText(notes)).toBe('The runs agree. Done.');
  });

  it('keeps math as its TeX source', () => {
    const notes = 'Mean $s = \\frac{1}{n}\\sum_{i} a_i$ of **all**.\n\n$$\nx_{t+1} = x_t\n$$';
    expect(notesText(notes)).toBe('Mean $s = \\frac{1}{n}\\sum_{i} a_i$ of all. $$ x_{t+1} = x_t $$');
  });
});

describe('documentTitle', () => {
  it('appends the site name to a short title, and names the home page', () => {
    expect(documentTitle('Long context')).toBe('Long context · Shelf');
    expect(documentTitle('Shelf')).toBe('Shelf — reading list');
  });

  it('cuts a long title at a word so the tab text stays within 70 characters', () => {
    const title = 'Soaring from 4K to 400K: Extending LLM’s Context with Activation Beacon and Much More Besides';
    const shown = documentTitle(title);
    expect(shown.length).toBeLessThanOrEqual(MAX_DOCUMENT_TITLE);
    expect(shown).toBe('Soaring from 4K to 400K: Extending LLM’s Context with… · Shelf');
    expect(title.startsWith(shown.replace(/… · Shelf$/, ''))).toBe(true);
  });

  it('keeps a title of exactly the room left whole', () => {
    const title = 'x'.repeat(MAX_DOCUMENT_TITLE - ' · Shelf'.length);
    expect(documentTitle(title)).toBe(`${title} · Shelf`);
    expect(documentTitle(`${title}y`).length).toBeLessThanOrEqual(MAX_DOCUMENT_TITLE);
  });
});

describe('noteFirstLine', () => {
  it('skips headings, MDX imports and code, and gives the first paragraph as plain text', () => {
    const body = "import X from './x.js';\n\n## Why read it\n\n```py\ncode()\n```\n\nThe first **position interpolation** paper.\nKey table: 3.\n\nLater.";
    expect(noteFirstLine(body)).toBe('The first position interpolation paper. Key table: 3.');
    expect(noteFirstLine('\n\n')).toBe('');
  });
});

describe('cleanTeX', () => {
  it.each([
    ["by times100 times (from 4K to 400K)", 'by ×100 times (from 4K to 400K)'],
    ['almost 40times using four GPUs', 'almost 40× using four GPUs'],
    ['by 1.5-7.1times over', 'by 1.5-7.1× over'],
    ['(e.g., sim20times smaller)', '(e.g., ∼20× smaller)'],
    ['a bound of mathcal{O}(1/n)', 'a bound of O(1/n)'],
    ['O(epsilon^{-1}n) time', 'O(ε⁻¹n) time'],
    ['O(epsilon^{-0.93}n) time', 'O(ε^(-0.93)n) time'],
    ['x_{2} with \\alpha', 'x₂ with α'],
    ['\\tool achieves', 'tool achieves'],
  ])('%s', (raw, shown) => {
    expect(cleanTeX(raw)).toBe(shown);
  });

  it('leaves words alone: "3 times faster", "sometimes", "similar"', () => {
    for (const text of ['3 times faster', 'Sometimes 5 times', 'similar to 4 runs', 'Times New Roman']) expect(cleanTeX(text)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import PaperItem from '../../src/components/PaperItem.astro';
import { children, paper, render, text, topicTitles } from './render.ts';

describe('PaperItem', () => {
  it('links the escaped title and shows an abstract excerpt and the topics', async () => {
    const { html, root } = await render(PaperItem, { paper: paper(), topicTitles });
    expect(children(root)).toEqual(['li']);
    const item = root.querySelector('li')!;
    expect(children(item)).toEqual(['h3.paper-title', 'p.excerpt', 'div.meta']);

    const title = item.querySelector('h3.paper-title')!;
    expect(children(title)).toEqual(['a']);
    expect(title.querySelector('a')!.getAttribute('href')).toBe('/papers/ring-attention/');
    expect(title.querySelector('a')!.text).toBe('Ring <Attention> & "you"');
    // The title's markup is text: escaped in the HTML, no element made of it.
    expect(html).toContain('Ring &lt;Attention&gt; &amp; &quot;you&quot;');
    expect(html).not.toContain('<Attention>');
    expect(root.querySelector('attention')).toBeNull();

    expect(text(item.querySelector('p.excerpt'))).toBe('We scale context. Code: https://github.com/x/ring. Second paragraph.');

    const meta = item.querySelector('div.meta')!;
    expect(children(meta)).toEqual(['ul.topic-list']);
    const topicList = meta.querySelector('ul.topic-list')!;
    expect(topicList.getAttribute('aria-label')).toBe('Topics');
    expect(topicList.querySelectorAll('li').map((li) => [text(li), li.querySelector('a')?.getAttribute('href')])).toEqual([
      ['Long context', '/topics/long-context/'],
    ]);
    expect(children(topicList.querySelector('li'))).toEqual(['a']);
  });

  it('on a topic page, leaves that topic out and says "Also on" for the others', async () => {
    const both = paper({ topics: ['long-context', 'long-cot'] });
    const { root } = await render(PaperItem, { paper: both, topicTitles, currentTopic: 'long-context', headingLevel: 'h2' });
    const item = root.querySelector('li')!;
    expect(children(item)).toEqual(['h2.paper-title', 'p.excerpt', 'div.meta']);

    const meta = item.querySelector('div.meta')!;
    expect(children(meta)).toEqual(['span', 'ul.topic-list']);
    expect(text(meta.querySelector('span'))).toBe('Also on');
    const topicList = meta.querySelector('ul.topic-list')!;
    expect(topicList.getAttribute('aria-label')).toBe('Also on');
    expect(topicList.querySelectorAll('li').map((li) => [text(li), li.querySelector('a')?.getAttribute('href')])).toEqual([
      ['Long chain-of-thought', '/topics/long-cot/'],
    ]);
    // The page's own topic is neither linked nor named.
    expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/papers/ring-attention/', '/topics/long-cot/']);
    expect(text(root)).not.toContain('Long context');

    const onlyThisTopic = await render(PaperItem, { paper: paper(), topicTitles, currentTopic: 'long-context' });
    expect(onlyThisTopic.root.querySelector('.meta')).toBeNull();
    expect(text(onlyThisTopic.root)).not.toContain('Also on');
  });

  it('marks notes and the status, and can excerpt the notes instead of the abstract', async () => {
    const noted = paper({ status: 'reading' }, '\nThe **ring** <passes> keys.\n');
    const { root } = await render(PaperItem, { paper: noted, topicTitles, excerptNotes: true, showExcerpt: true });
    const item = root.querySelector('li')!;
    expect(children(item)).toEqual(['h3.paper-title', 'p.excerpt.notes-excerpt', 'div.meta']);
    // The notes as plain text: emphasis kept as words, tags dropped, never markup.
    expect(text(item.querySelector('p.notes-excerpt'))).toBe('The ring keys.');
    expect(root.querySelector('passes, strong')).toBeNull();
    expect(text(root)).not.toContain('We scale context');

    const meta = item.querySelector('div.meta')!;
    expect(children(meta)).toEqual(['span.badge', 'span', 'ul.topic-list']);
    expect(meta.children.slice(0, 2).map(text)).toEqual(['Notes', 'Reading']);

    // Without excerptNotes, or for a paper without notes, the excerpt is the abstract's.
    for (const props of [{ paper: noted }, { paper: paper(), excerptNotes: true }]) {
      const abstractExcerpt = (await render(PaperItem, { topicTitles, ...props })).root;
      expect(children(abstractExcerpt.querySelector('li'))).toEqual(['h3.paper-title', 'p.excerpt', 'div.meta']);
      expect(text(abstractExcerpt.querySelector('p.excerpt'))).toBe('We scale context. Code: https://github.com/x/ring. Second paragraph.');
    }

    const { html, root: withoutExcerpt } = await render(PaperItem, { paper: noted, topicTitles, showExcerpt: false });
    expect(html).not.toContain('excerpt');
    expect(children(withoutExcerpt.querySelector('li'))).toEqual(['h3.paper-title', 'div.meta']);
    expect(text(withoutExcerpt)).not.toMatch(/We scale context|The ring keys/);
  });
});

describe('PaperItem on a topic list', () => {
  it('shows the line that tells the paper apart, the matched phrase marked as text, and its sort ranks', async () => {
    const line = { kind: 'match' as const, parts: [{ text: 'We scale the <b>' }, { text: 'context window', mark: true as const }, { text: ' to 1M.' }] };
    const { html, root } = await render(PaperItem, { paper: paper(), topicTitles, currentTopic: 'long-context', line, ranks: { title: 3, added: 0 } });
    const item = root.querySelector('li')!;
    expect(children(item)).toEqual(['h3.paper-title', 'p.excerpt']);
    expect(text(item.querySelector('p.excerpt'))).toBe('We scale the <b>context window to 1M.');
    expect(item.querySelectorAll('mark').map((mark) => mark.text)).toEqual(['context window']);
    expect(html).toContain('We scale the &lt;b&gt;');
    expect([item.getAttribute('data-rank-title'), item.getAttribute('data-rank-added'), item.hasAttribute('data-rank-noted')]).toEqual(['3', '0', false]);
  });

  it('shows a note’s line as a notes excerpt', async () => {
    const line = { kind: 'note' as const, parts: [{ text: 'Read section 3.' }] };
    const { root } = await render(PaperItem, { paper: paper({}, 'Read section 3.'), topicTitles, line, ranks: { title: 0, added: 1, noted: 0 } });
    expect(children(root.querySelector('li'))).toEqual(['h3.paper-title', 'p.excerpt.notes-excerpt', 'div.meta']);
    expect(root.querySelector('li')!.getAttribute('data-rank-noted')).toBe('0');
  });
});

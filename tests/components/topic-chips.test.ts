import { describe, expect, it } from 'vitest';
import TopicChips from '../../src/components/TopicChips.astro';
import { children, render, text } from './render.ts';

describe('TopicChips', () => {
  it('links each topic to its page under the base, in a list labelled "Topics" unless told otherwise', async () => {
    const chips = [
      { id: 'long-context', title: 'Long <context> & more' },
      { id: 'long-cot', title: 'Long chain-of-thought' },
    ];
    const { html, root } = await render(TopicChips, { topics: chips });
    expect(children(root)).toEqual(['ul.topic-list']);
    expect(root.querySelector('ul')!.getAttribute('aria-label')).toBe('Topics');
    expect(root.querySelectorAll('li').map((li) => [children(li), text(li), li.querySelector('a')?.getAttribute('href')])).toEqual([
      [['a'], 'Long <context> & more', '/topics/long-context/'],
      [['a'], 'Long chain-of-thought', '/topics/long-cot/'],
    ]);
    expect(html).toContain('Long &lt;context&gt; &amp; more');
    expect(root.querySelector('context')).toBeNull();

    const labelled = await render(TopicChips, { topics: chips, label: 'Also on' });
    expect(labelled.root.querySelector('ul')!.getAttribute('aria-label')).toBe('Also on');
  });

  it('is nothing at all for no topics', async () => {
    expect((await render(TopicChips, { topics: [] })).html.trim()).toBe('');
  });
});

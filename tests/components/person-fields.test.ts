import { describe, expect, it } from 'vitest';
import PersonFields from '../../src/components/PersonFields.astro';
import { children, paper, render, text } from './render.ts';

describe('PersonFields', () => {
  it('is empty when a person added nothing', async () => {
    expect((await render(PersonFields, { data: paper().data })).html.trim()).toBe('');
  });

  it('lists status, rating, tags, links, the date noted and other fields, escaped', async () => {
    const { data } = paper({
      status: 'read',
      rating: 4,
      tags: ['<rope>'],
      links: [{ label: 'Slides & talk', url: 'https://x.org/?a=1&b=2' }],
      noted: new Date('2025-03-01'),
      reading_group: 'Tuesday',
    });
    const { html, root } = await render(PersonFields, { data });
    expect(children(root)).toEqual(['dl.facts']);
    const facts = root.querySelector('dl.facts')!;
    expect(children(facts)).toEqual(['dt', 'dd', 'dt', 'dd', 'dt', 'dd', 'dt', 'dd', 'dt', 'dd', 'dt', 'dd']);
    const [status, rating, tags, links, noted, other] = [0, 2, 4, 6, 8, 10].map((index) => ({
      term: text(facts.children[index]),
      description: facts.children[index + 1]!,
    }));

    expect(status!.term).toBe('Status');
    expect(text(status!.description)).toBe('Read');
    expect(children(status!.description)).toEqual([]);

    // Stars for the eye, hidden from screen readers, which read the rating in words instead.
    expect(rating!.term).toBe('Rating');
    expect(children(rating!.description)).toEqual(['span.stars', 'span.visually-hidden']);
    const [stars, label] = rating!.description.children;
    expect(text(stars)).toBe('★★★★☆');
    expect(stars!.getAttribute('aria-hidden')).toBe('true');
    expect(text(label)).toBe('4 out of 5');
    expect(label!.hasAttribute('aria-hidden')).toBe(false);

    expect(tags!.term).toBe('Tags');
    expect(children(tags!.description)).toEqual(['ul']);
    expect(tags!.description.querySelectorAll('li').map((li) => [children(li), li.text])).toEqual([[[], '<rope>']]);
    expect(html).toContain('&lt;rope&gt;');
    expect(root.querySelector('rope')).toBeNull();

    expect(links!.term).toBe('Links');
    expect(children(links!.description)).toEqual(['ul']);
    expect(links!.description.querySelectorAll('li').map((li) => [children(li), text(li), li.querySelector('a')?.getAttribute('href')])).toEqual([
      [['a'], 'Slides & talk', 'https://x.org/?a=1&b=2'],
    ]);
    expect(html).toContain('href="https://x.org/?a=1&amp;b=2"');
    expect(html).toContain('>Slides &amp; talk</a>');

    expect(noted!.term).toBe('Noted');
    expect(children(noted!.description)).toEqual(['time']);
    const time = noted!.description.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2025-03-01');
    expect(text(time)).toBe('1 March 2025');

    // A field the schema does not name, under its key made readable.
    expect(other!.term).toBe('Reading group');
    expect(text(other!.description)).toBe('Tuesday');
  });

  it('links only to http(s) addresses and to paths under the site base; any other scheme is shown as text, with no href', async () => {
    const { data } = paper({
      links: [
        { label: 'Script', url: 'javascript:alert(document.domain)' },
        { label: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
        { label: 'Tabbed', url: 'java\tscript:alert(1)' },
        { label: 'Other host', url: '//evil.example/' },
        { label: 'Code', url: 'https://github.com/x/y' },
        { label: 'On this site', url: '/papers/other/' },
      ],
    });
    const { html, root } = await render(PersonFields, { data });
    const items = root.querySelectorAll('dl.facts li').map((li) => [text(li), li.querySelector('a')?.getAttribute('href') ?? null]);
    expect(items).toEqual([
      ['Script', null],
      ['Data', null],
      ['Tabbed', null],
      ['Other host', null],
      ['Code', 'https://github.com/x/y'],
      ['On this site', `${import.meta.env.BASE_URL.replace(/\/$/, '')}/papers/other/`],
    ]);
    expect(html).not.toMatch(/javascript:|data:text|evil\.example/);
  });
});


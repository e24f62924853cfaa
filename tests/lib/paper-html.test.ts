import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/topics/classify.ts';
import { paperItemHtml, paperPageParts, personFieldsHtml, topicEvidenceHtml, type PaperEntryLike } from '../../src/lib/paper-html.ts';

const topics = [
  { id: 'long-context', data: { title: 'Long context', threshold: 2 } },
  { id: 'long-cot', data: { title: 'Long chain-of-thought', threshold: 2 } },
];
const topicTitles = new Map(topics.map((topic) => [topic.id, topic.data.title]));

function paper(overrides: Partial<PaperEntryLike['data']> = {}, body = ''): PaperEntryLike {
  return {
    id: 'ring-attention',
    body,
    filePath: 'content/papers/ring-attention.md',
    data: {
      title: 'Ring <Attention> & "you"',
      abstract: 'We scale context. Code: https://github.com/x/ring.\n\nSecond paragraph.',
      topics: ['long-context'],
      auto_topics: ['long-context'],
      sources: [{ dump: '000_dump.txt', line: 12 }],
      ...overrides,
    },
  };
}

const matched: Classification = {
  topics: ['long-context'],
  scores: { 'long-context': 3, 'long-cot': 0 },
  evidence: { 'long-context': [{ phrase: 'long context', where: 'title', weight: 3, against: false, excerpt: 'Ring <Attention>' }], 'long-cot': [] },
};

describe('paperItemHtml', () => {
  it('links the escaped title and shows an abstract excerpt and the topics', () => {
    expect(paperItemHtml(paper(), { topicTitles })).toBe(
      '<li><h3 class="paper-title"><a href="/papers/ring-attention/">Ring &lt;Attention&gt; &amp; &quot;you&quot;</a></h3>' +
        '<p class="excerpt">We scale context. Code: https://github.com/x/ring. Second paragraph.</p>' +
        '<div class="meta"><ul class="topic-list" aria-label="Topics"><li><a href="/topics/long-context/">Long context</a></li></ul></div></li>',
    );
  });

  it('on a topic page, leaves that topic out and says "Also on" for the others', () => {
    const both = paper({ topics: ['long-context', 'long-cot'] });
    const html = paperItemHtml(both, { topicTitles, currentTopic: 'long-context', headingLevel: 'h2' });
    expect(html).toContain('<h2 class="paper-title">');
    expect(html).toContain('<span>Also on</span><ul class="topic-list" aria-label="Also on"><li><a href="/topics/long-cot/">Long chain-of-thought</a></li></ul>');
    expect(html).not.toContain('/topics/long-context/');
    expect(paperItemHtml(paper(), { topicTitles, currentTopic: 'long-context' })).not.toContain('class="meta"');
  });

  it('marks notes and the status, and can excerpt the notes instead of the abstract', () => {
    const noted = paper({ status: 'reading' }, '\nThe **ring** <passes> keys.\n');
    const html = paperItemHtml(noted, { topicTitles, excerptNotes: true, showExcerpt: true });
    expect(html).toContain('<p class="excerpt notes-excerpt">The ring keys.</p>');
    expect(html).toContain('<span class="badge">Notes</span><span>Reading</span>');
    expect(paperItemHtml(noted, { topicTitles, showExcerpt: false })).not.toContain('excerpt');
  });
});

describe('personFieldsHtml', () => {
  it('is empty when a person added nothing', () => {
    expect(personFieldsHtml(paper().data)).toBe('');
  });

  it('lists status, rating, tags, links, the date noted and other fields, escaped', () => {
    const html = personFieldsHtml(
      paper({ status: 'read', rating: 4, tags: ['<rope>'], links: [{ label: 'Slides & talk', url: 'https://x.org/?a=1&b=2' }], noted: new Date('2025-03-01'), reading_group: 'Tuesday' }).data,
    );
    expect(html).toBe(
      '<dl class="facts"><dt>Status</dt><dd>Read</dd>' +
        '<dt>Rating</dt><dd><span class="stars" aria-hidden="true">★★★★☆</span><span class="visually-hidden">4 out of 5</span></dd>' +
        '<dt>Tags</dt><dd><ul><li>&lt;rope&gt;</li></ul></dd>' +
        '<dt>Links</dt><dd><ul><li><a href="https://x.org/?a=1&amp;b=2">Slides &amp; talk</a></li></ul></dd>' +
        '<dt>Noted</dt><dd><time datetime="2025-03-01">1 March 2025</time></dd>' +
        '<dt>Reading group</dt><dd>Tuesday</dd></dl>',
    );
  });
});

describe('topicEvidenceHtml', () => {
  it('shows each matching rule with its words, and nothing about people when the rules chose', () => {
    const html = topicEvidenceHtml(paper(), topics, matched);
    expect(html).toContain('<a href="/topics/long-context/">Long context</a>: score 3, needs 2<ul><li>“long context” in the title (+3): <q>Ring &lt;Attention&gt;</q></li></ul>');
    expect(html).not.toContain('A person chose');
    expect(html).not.toContain('Long chain-of-thought');
  });

  it('says when a person chose the topics, and when no rule matches', () => {
    const chosen = paper({ topics: ['long-cot'], auto_topics: [] });
    const none: Classification = { topics: [], scores: {}, evidence: {} };
    expect(topicEvidenceHtml(chosen, topics, none)).toContain('<p>A person chose Long chain-of-thought; the rules alone would give none.</p>');
    expect(topicEvidenceHtml(paper({ topics: [], auto_topics: [] }), topics, none)).toContain('<p>No topic rule matches its title or abstract.</p>');
  });
});

describe('paperPageParts', () => {
  const input = { related: [], topics, classification: matched, repoUrl: 'https://github.com/lab/shelf', katexCssUrl: '/_astro/katex.css' };

  it('leaves room for the notes only when there are some, and links KaTeX only then', () => {
    const plain = paperPageParts({ ...input, paper: paper() });
    expect(plain.notes).toBe(false);
    expect(plain.head).toBe('');
    expect(plain.before).not.toContain('class="notes"');
    expect(plain.after.startsWith('<aside')).toBe(true);

    const noted = paperPageParts({ ...input, paper: paper({}, 'Notes $x$.') });
    expect(noted.notes).toBe(true);
    expect(noted.head).toBe('<link rel="stylesheet" href="/_astro/katex.css">');
    expect(noted.before.endsWith('<section class="notes" aria-labelledby="notes"><h2 id="notes">Notes</h2><div class="prose">')).toBe(true);
    expect(noted.after.startsWith('</div></section>')).toBe(true);
  });

  it('shows the abstract as paragraphs, the code link, the sources and the edit link', () => {
    const { title, description, before, after } = paperPageParts({ ...input, paper: paper() });
    expect(title).toBe('Ring <Attention> & "you"');
    expect(description).toBe('We scale context. Code: https://github.com/x/ring. Second paragraph.');
    expect(before).toContain('<h1>Ring &lt;Attention&gt; &amp; &quot;you&quot;</h1>');
    expect(before).toContain('<p>We scale context. Code: https://github.com/x/ring.</p><p>Second paragraph.</p>');
    expect(after).toContain('<li>Code: <a href="https://github.com/x/ring">github.com/x/ring</a></li>');
    expect(after).toContain('<li><code>000_dump.txt</code>, line 12</li>');
    expect(after).toContain('<a href="https://github.com/lab/shelf/edit/main/content/papers/ring-attention.md">Edit this page</a>');
  });

  it('says when a paper has no topic or no abstract, and lists related papers without excerpts', () => {
    const other = { ...paper({ title: 'Other' }), id: 'other' };
    const { before, after } = paperPageParts({ ...input, paper: paper({ topics: [], abstract: ' ' }), related: [other] });
    expect(before).toContain('<p class="ui muted">On no topic yet.</p>');
    expect(before).toContain('<p class="muted">No abstract in the dumps.</p>');
    expect(after).toContain('<h2 id="related">Related papers</h2><ul class="paper-list"><li><h3 class="paper-title"><a href="/papers/other/">Other</a></h3><div class="meta">');
    expect(after).not.toContain('class="excerpt"');
  });
});

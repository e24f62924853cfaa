import { describe, expect, it } from 'vitest';
import { documentTitle, fillShell, isStampableSlug, parseShell, SHELL_SLUG, SHELL_TOKENS } from '../../src/lib/page-shell.ts';

/** A shell as the layout renders it: title, description, canonical link, head slot, main slot. */
const shellHtml = [
  `<!DOCTYPE html><html><head><title>${documentTitle(SHELL_TOKENS.title)}</title>`,
  `<meta name="description" content="${SHELL_TOKENS.description}">`,
  `<link rel="canonical" href="https://lab.example.org/shelf/papers/${SHELL_SLUG}/">`,
  `${SHELL_TOKENS.head}<link rel="stylesheet" href="/shelf/_astro/BaseLayout.css"></head>`,
  `<body><main>${SHELL_TOKENS.main}</main><script type="module" src="/shelf/_astro/page.js"></script></body></html>`,
].join('');

const page = {
  slug: 'ring-attention',
  title: 'Ring <Attention> & "you"',
  description: 'Blockwise & "exact" <attention>.',
  head: '<link rel="stylesheet" href="/katex.css">',
  main: '<article><h1>Ring</h1></article>',
};

describe('fillShell', () => {
  it('puts each part in its place: title and description escaped, head and main as HTML, the slug in the path', () => {
    expect(fillShell(parseShell(shellHtml), page)).toBe(
      [
        '<!DOCTYPE html><html><head><title>Ring &lt;Attention&gt; &amp; &quot;you&quot; · Shelf</title>',
        '<meta name="description" content="Blockwise &amp; &quot;exact&quot; <attention>.">',
        '<link rel="canonical" href="https://lab.example.org/shelf/papers/ring-attention/">',
        '<link rel="stylesheet" href="/katex.css"><link rel="stylesheet" href="/shelf/_astro/BaseLayout.css"></head>',
        '<body><main><article><h1>Ring</h1></article></main><script type="module" src="/shelf/_astro/page.js"></script></body></html>',
      ].join(''),
    );
  });

  it('titles a page called "Shelf" as the layout does', () => {
    expect(fillShell(parseShell(shellHtml), { ...page, title: 'Shelf' })).toContain(`<title>${documentTitle('Shelf')}</title>`);
    expect(documentTitle('Shelf')).toBe('Shelf — reading list');
  });

  it('fills a shell without a canonical link (no SITE_URL) and with nothing extra in the head', () => {
    const shell = parseShell(shellHtml.replace(/<link rel="canonical"[^>]*>/, ''));
    const html = fillShell(shell, { ...page, head: '' });
    expect(html).not.toContain('canonical');
    expect(html).toContain('</title><meta name="description"');
    expect(html).toContain('<head><title>');
  });
});

describe('parseShell', () => {
  it('names the file and the token when the layout lost or repeated one', () => {
    expect(() => parseShell(shellHtml.replace(SHELL_TOKENS.main, ''), 'dist/papers/shell/index.html')).toThrow(
      `dist/papers/shell/index.html: expected "${SHELL_TOKENS.main}" once, found it 0 times`,
    );
    expect(() => parseShell(shellHtml + SHELL_TOKENS.head)).toThrow(`expected "${SHELL_TOKENS.head}" once, found it 2 times`);
  });
});

describe('isStampableSlug', () => {
  it('accepts the slugs ingest makes and nothing the path could change', () => {
    expect(isStampableSlug('ring-attention-2')).toBe(true);
    expect(isStampableSlug('Ring-Attention')).toBe(false);
    expect(isStampableSlug('café')).toBe(false);
    expect(isStampableSlug('-x')).toBe(false);
    expect(isStampableSlug(SHELL_SLUG)).toBe(false);
  });
});

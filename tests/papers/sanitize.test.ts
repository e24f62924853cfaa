import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rehypeShiki } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { KATEX_CLASSES, judgeElement, rehypeSanitizeNotes } from '../../src/papers/sanitize.ts';

/** A note rendered as Astro renders it (GFM, math, raw HTML kept, Shiki, KaTeX), with or without the sanitizer. */
async function render(markdown: string, sanitize = true): Promise<string> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeShiki, {}, ['math'])
    .use(rehypeKatex);
  if (sanitize) processor.use(rehypeSanitizeNotes);
  return String(await processor.use(rehypeStringify, { allowDangerousHtml: !sanitize }).process(markdown));
}

const TEX = String.raw`Inline $s = \frac{1}{n}\sum_{i=1}^{n} a_i$, $\sqrt{x^2+y^2}$, $\overrightarrow{AB}$, $\hat{\theta}$, $\mathbb{E}[x]$,
$\mathcal{L}$, $\color{red} x$, $\cancel{x}$, $\underbrace{a+b}_{c}$, $\left( \frac{a}{b} \right)$, $\binom{n}{k}$, $\text{KL}(p\|q)$,
$x \xrightarrow{f} y$, $\boxed{x}$, $\colorbox{yellow}{x}$, $\widehat{abc}$, $\overline{x}$, $\neq$, $\mathrm{softmax}(QK^\top/\sqrt{d})V$,
$\operatorname*{arg\,max}_x f$, $\begin{pmatrix}a&b\\c&d\end{pmatrix}$

$$
\begin{aligned} \mathcal{L}(\theta) &= \mathbb{E}_{x\sim p}\left[\log \frac{p(x)}{q_\theta(x)}\right] \\ &\ge \int_0^\infty e^{-t}\,dt \end{aligned}
$$

$$\sum_{k=1}^\infty \frac{1}{k^2} = \frac{\pi^2}{6} \tag{1}$$
`;

describe('rehypeSanitizeNotes', () => {
  it('keeps the HTML GitHub allows', async () => {
    const html = await render('<details><summary>More</summary>\n\n**Hidden** <kbd>Ctrl</kbd> H<sub>2</sub>O x<sup>2</sup> <ins>new</ins> <del>old</del>\n\n</details>');
    expect(html).toBe('<details><summary>More</summary>\n<p><strong>Hidden</strong> <kbd>Ctrl</kbd> H<sub>2</sub>O x<sup>2</sup> <ins>new</ins> <del>old</del></p>\n</details>');
  });

  it('keeps links and images to http(s) addresses and to paths on the site', async () => {
    const html = await render('[a](https://arxiv.org/abs/1) [b](/papers/x/) [c](#notes) [d](../x/) ![e](https://example.org/e.png) ![f](/icons/f.png)');
    expect(html).toBe('<p><a href="https://arxiv.org/abs/1">a</a> <a href="/papers/x/">b</a> <a href="#notes">c</a> <a href="../x/">d</a> <img src="https://example.org/e.png" alt="e"> <img src="/icons/f.png" alt="f"></p>');
  });

  it.each([
    ['a script, with its text', 'a <script>window.x = 1</script> b', '<p>a  b</p>'],
    ['a script block', '<script>\nwindow.x = 1\n</script>', ''],
    ['a style block, with its rules', '<style>body { display: none }</style>', ''],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>', ''],
    ['an event handler', '<img src="x.png" alt="x" onerror="window.x = 1">', '<img src="x.png" alt="x">'],
    ['an inline style', '<span style="position:fixed;inset:0">x</span>', '<p><span>x</span></p>'],
    ['a javascript: link', '[x](javascript:alert(1))', '<p><a>x</a></p>'],
    ['a javascript: link in capitals', '[x](JAVASCRIPT:alert(1))', '<p><a>x</a></p>'],
    ['a javascript: link hidden by an entity', '<a href="jav&#x61;script:alert(1)">x</a>', '<p><a>x</a></p>'],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', '<p><img alt="x"></p>'],
    ['a mailto: link', '[x](mailto:a@example.org)', '<p><a>x</a></p>'],
    ['a form around a button', '<form action="https://evil.example/"><button>x</button></form>', 'x'],
  ])('removes %s', async (_what, markdown, expected) => {
    expect((await render(markdown)).trim()).toBe(expected);
  });

  it('prefixes the ids and names a note gives, and keeps footnote links working', async () => {
    const html = await render('<a id="notes" name="search">x</a> text[^1]\n\n[^1]: the footnote.');
    expect(html).toContain('<a id="user-content-notes" name="user-content-search">x</a>');
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBe(2);
    for (const target of targets) expect(html).toContain(`id="${target}"`);
  });

  it('keeps all of KaTeX’s math: every element, attribute, class and inline size', async () => {
    const html = await render(TEX);
    expect(html).toContain('class="katex-mathml"');
    expect(html).toContain('<svg');
    expect(html).toBe(await render(TEX, false));
  });

  it('keeps Shiki’s colours in code blocks, and code as text', async () => {
    const markdown = '```js\nconst x = "<script>";\n```';
    // Shiki's first run in a process tokenises a little differently (it merges a span); warm it up first.
    await render(markdown, false);
    const html = await render(markdown);
    expect(html).toMatch(/^<pre class="astro-code [\w-]+" style="[^"]+" tabindex="0" data-language="js">/);
    expect(html).toContain('<span style="color:');
    expect(html).toContain('&#x3C;script>');
    expect(html).toBe(await render(markdown, false));
  });
});

describe('KATEX_CLASSES', () => {
  it('holds every class KaTeX’s stylesheet styles (for the KaTeX that rehype-katex renders with)', () => {
    const katexCss = createRequire(createRequire(import.meta.url).resolve('rehype-katex')).resolve('katex/dist/katex.css');
    const css = readFileSync(katexCss, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const styled = new Set<string>();
    for (const [, selector] of css.matchAll(/([^{}]+)\{/g)) {
      if (selector!.trim().startsWith('@')) continue;
      for (const [, name] of selector!.matchAll(/\.([A-Za-z_][\w-]*)/g)) styled.add(name!);
    }
    expect(styled.size).toBeGreaterThan(100);
    expect([...styled].filter((name) => !KATEX_CLASSES.includes(name))).toEqual([]);
  });
});

describe('judgeElement', () => {
  const element = (tagName: string, properties: Record<string, string>) => ({ type: 'element' as const, tagName, properties, children: [] });

  it('keeps an allowed element with the attributes the schema allows', () => {
    expect(judgeElement(element('a', { href: 'https://x.org', onClick: 'y' }))).toEqual({ keep: true, properties: { href: 'https://x.org' } });
  });

  it('strips a script, and unwraps an unknown element', () => {
    expect(judgeElement(element('script', {}))).toEqual({ keep: false, strip: true });
    expect(judgeElement(element('marquee', {}))).toEqual({ keep: false, strip: false });
  });

  it('judges table cells by where they are', () => {
    expect(judgeElement(element('td', {})).keep).toBe(false);
    expect(judgeElement(element('td', {}), ['table', 'tbody', 'tr']).keep).toBe(true);
  });
});

// @ts-check
// The bare baseline: Astro's blog example with MDX and math, nothing tuned. See scripts/bench/README.md.
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';

export default defineConfig({
  outDir: process.env.BARE_OUT_DIR || './dist',
  // Math in notes, as on the real site. MDX uses the same processor.
  markdown: { processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }) },
  integrations: [mdx()],
});

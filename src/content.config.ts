/**
 * The two content collections. Their schemas live in `src/schema.ts`; ids are
 * file names without the extension, so `content/papers/foo.mdx` is paper `foo`.
 */
import { readdirSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CONTENT_DIR } from './lib/content-dir.ts';
import { skipEmptyMarkdown } from './lib/lazy-markdown.ts';
import { createPaperSchema, topicSchema } from './schema.ts';

const TOPICS_DIR = `${CONTENT_DIR}/topics`;

/** Topic slugs, read synchronously because the paper schema is built from them. */
function readTopicSlugs(): string[] {
  return readdirSync(TOPICS_DIR)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.replace(/\.md$/, ''))
    .sort();
}

/** `sub/foo.mdx` → `foo`: the slug is the file name, whatever the folder or extension. */
function idFromFileName({ entry }: { entry: string }): string {
  return entry.replace(/^.*\//, '').replace(/\.mdx?$/, '');
}

export const collections = {
  papers: defineCollection({
    // Most papers have no notes: their empty bodies skip the Markdown pipeline (see lazy-markdown.ts).
    loader: skipEmptyMarkdown(glob({ pattern: '**/*.{md,mdx}', base: `${CONTENT_DIR}/papers`, generateId: idFromFileName })),
    schema: createPaperSchema(readTopicSlugs()),
  }),
  topics: defineCollection({
    loader: glob({ pattern: '*.md', base: TOPICS_DIR, generateId: idFromFileName }),
    schema: topicSchema,
  }),
};

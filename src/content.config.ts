/**
 * The two content collections. Their schemas live in `src/schema.ts`; ids are
 * file names without the extension, so `content/papers/foo.mdx` is paper `foo`.
 */
import { readdirSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CONTENT_DIR } from './lib/content-dir.ts';
import { skipEmptyMarkdown } from './lib/lazy-markdown.ts';
import { shareSyncedStores } from './lib/synced-store.ts';
import { readSynchronously } from './lib/sync-reads.ts';
import { createPaperSchema, topicSchema } from './schema.ts';

const TOPICS_DIR = `${CONTENT_DIR}/topics`;
const PAPERS_DIR = `${CONTENT_DIR}/papers`;

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

// Each loader records its synced store, which the built pages then read in place of a second copy (see synced-store.ts).
export const collections = shareSyncedStores({
  papers: defineCollection({
    // Most papers have no notes: their empty bodies skip the Markdown pipeline (see lazy-markdown.ts).
    // And their files are read synchronously while the store is built (see sync-reads.ts).
    loader: readSynchronously(
      skipEmptyMarkdown(glob({ pattern: '**/*.{md,mdx}', base: PAPERS_DIR, generateId: idFromFileName })),
      PAPERS_DIR,
    ),
    schema: createPaperSchema(readTopicSlugs()),
  }),
  topics: defineCollection({
    loader: glob({ pattern: '*.md', base: TOPICS_DIR, generateId: idFromFileName }),
    schema: topicSchema,
  }),
});

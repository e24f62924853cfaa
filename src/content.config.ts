/**
 * The content collections: the topics, and the notes people write on papers
 * (only papers that have notes; see `src/papers/notes-loader.ts`). The papers'
 * fields reach the pages from `src/papers/load.ts`. Ids are file names without
 * the extension, so `content/papers/foo.mdx` is paper `foo`.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { TOPICS_DIR, PAPERS_DIR } from './papers/content-dir.ts';
import { notesLoader } from './papers/notes-loader.ts';
import { topicSchema } from './papers/schema.ts';

export const collections = {
  topics: defineCollection({
    loader: glob({ pattern: '*.md', base: TOPICS_DIR }),
    schema: topicSchema,
  }),
  notes: defineCollection({ loader: notesLoader({ base: PAPERS_DIR }) }),
};

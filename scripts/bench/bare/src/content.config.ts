import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const base = process.env.BARE_PAPERS_DIR;
if (!base) throw new Error('BARE_PAPERS_DIR: give the absolute path of the papers folder');

const papers = defineCollection({
  loader: glob({ base, pattern: '**/*.{md,mdx}' }),
  // The fields the pages use; the others (auto_topics, sources, …) pass through unchecked (zod 4's passthrough).
  schema: z.looseObject({
    title: z.string(),
    abstract: z.string(),
    topics: z.array(z.string()),
  }),
});

export const collections = { papers };

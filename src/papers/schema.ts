/**
 * The one declaration of what a paper file and a topic file may hold.
 *
 * Used by the Astro content collections (`src/content.config.ts`), by ingest
 * before it writes a file, and by `npm run check` on pull requests. Every
 * field says who owns it: **ingest** rewrites it from the dumps on every run;
 * **people** own it and ingest never touches it.
 */
import { z } from 'astro/zod';
import { isWebUrl } from './web-url.ts';
import { citationFields } from '../citations/fields.ts';

/** A topic slug: lower-case words joined by hyphens, e.g. `long-context`. */
export const topicSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a topic slug is lower-case words joined by hyphens');

/** Where one listing of a paper sits in the dumps. */
export const sourceSchema = z.object({
  /** File name inside `content/dumps/`. */
  dump: z.string().min(1),
  /** 1-based line of the title in that dump. */
  line: z.number().int().positive(),
});

/** Any address a person or a dump supplies: accepted only as `isWebUrl` says. */
export const webUrlSchema = z.string().refine(isWebUrl, {
  error: (issue) => `${JSON.stringify(issue.input)} is not an http(s) address or a path on this site`,
  params: { fix: 'write the full address, starting with https:// (or a path on this site, starting with /); other schemes, such as javascript: or data:, are not allowed' },
});

/** A link a person adds to a paper (code, slides, blog post, …). */
export const linkSchema = z.object({
  label: z.string().min(1),
  url: webUrlSchema,
});

/** Fields that ingest writes and rewrites. Everything else in a paper file is a person's. */
export const INGEST_FIELDS = ['title', 'abstract', 'sources', 'auto_topics'] as const;

/**
 * Builds the paper schema for a set of known topic slugs.
 * The topic list is content (`content/topics/*.md`), so the schema is made from it.
 */
export function createPaperSchema(topicSlugs: readonly string[]) {
  const topic = z
    .string()
    .refine((value) => topicSlugs.includes(value), {
      error: (issue) => `"${String(issue.input)}" is not a topic (known: ${topicSlugs.join(', ')})`,
    });
  return z.looseObject({
    /** ingest: the title exactly as in the dump, whitespace collapsed. */
    title: z.string().trim().min(1),
    /** ingest: the abstract; paragraphs separated by a blank line. */
    abstract: z.string(),
    /** ingest until a person changes it: the topics the paper is listed under. Optional in a paper added by hand: the classifier fills it. */
    topics: z.array(topic).optional().refine((list) => list === undefined || new Set(list).size === list.length, {
      error: (issue) => {
        const list = (issue.input ?? []) as string[];
        return `lists "${list.find((slug, index) => list.indexOf(slug) !== index)}" twice`;
      },
      // What to do about it, which `validatePaperData` adds to the message.
      params: { fix: 'keep each topic once' },
    }),
    /** ingest: what the classifier assigned. When `topics` differs, a person chose the topics and ingest keeps them. Ingest adds it to a paper added by hand. */
    auto_topics: z.array(topic).optional(),
    /** ingest: every listing of the paper in the dumps. None in a paper added by hand, whose title and abstract are then a person's. */
    sources: z.array(sourceSchema).optional(),
    /** people: reading status. */
    status: z.enum(['to-read', 'reading', 'read', 'skipped']).optional(),
    /** people: free-form tags. */
    tags: z.array(z.string().min(1)).optional(),
    /** people: 1 (weak) to 5 (must read). */
    rating: z.number().int('must be a whole number from 1 to 5').min(1, 'must be from 1 (weak) to 5 (must read)').max(5, 'must be from 1 (weak) to 5 (must read)').optional(),
    /** people: links to code, slides, posts. */
    links: z.array(linkSchema).optional(),
    /** people: when the note was last written (YYYY-MM-DD); otherwise the git history dates it. */
    noted: z.coerce.date().optional(),
    /** people (or `npm run enrich`): authors, year, venue, arxiv, doi, url, pdf; see `src/citations/fields.ts`. */
    ...citationFields,
  });
}

/** A paper file's fields as the schema reads them: `topics`, `auto_topics` and `sources` may be missing. */
export type PaperFileData = z.infer<ReturnType<typeof createPaperSchema>>;

/** A paper's fields as the site uses them (`load.ts`): a paper added by hand gets the classifier's topics and no sources. */
export type PaperData = PaperFileData & { topics: string[]; auto_topics: string[]; sources: Source[] };
export type Source = z.infer<typeof sourceSchema>;

/** One classifier rule: a phrase and what it is worth where it appears. */
export const ruleSchema = z.object({
  /** A phrase, matched case-insensitively on word boundaries; `*` matches any word ending. */
  phrase: z.string().min(1),
  /** Points added to (or, under `against`, taken from) the topic's score. */
  weight: z.number().positive(),
  /** Where the phrase must appear. */
  where: z.enum(['title', 'abstract', 'any']).default('any'),
});

/** A topic definition file, `content/topics/<slug>.md`; its body is the long description. */
export const topicSchema = z.object({
  /** Shown as the topic page's heading. */
  title: z.string().min(1),
  /** One line, shown under the heading and on the home page. */
  description: z.string().min(1),
  /** Position among the topics on the home page. */
  order: z.number().int().default(0),
  /** Score a paper needs to be on this topic. */
  threshold: z.number().positive(),
  /** Phrases that count for the topic. */
  rules: z.array(ruleSchema).min(1),
  /** Phrases that count against it. */
  against: z.array(ruleSchema).default([]),
});

export type TopicData = z.infer<typeof topicSchema>;
export type Rule = z.infer<typeof ruleSchema>;

/** One paper in the public catalogue, `/papers.json` (and a row of `/papers.csv`); `.describe()` feeds `/papers.schema.json`. */
export const catalogueEntrySchema = z.object({
  id: z.string().describe("The paper's slug: its file name in content/papers/ and its page's path segment."),
  url: z.string().describe("The paper's page: an absolute URL when the site's address is configured, else a path."),
  title: z.string().describe('The title exactly as in the dumps, white space collapsed.'),
  abstract: z.string().describe('The abstract; paragraphs separated by a blank line.'),
  topics: z.array(z.string()).describe('Topic ids (see `topics`); empty for a paper on none of them.'),
  sources: z.array(sourceSchema).describe('Every listing of the paper in the dumps: file name and 1-based line.'),
  status: z.string().nullable().describe('Reading status a person set: to-read, reading, read, skipped; null if none.'),
  tags: z.array(z.string()).describe('Tags people added.'),
  rating: z.number().nullable().describe('1 (weak) to 5 (must read); null if nobody rated it.'),
  links: z.array(linkSchema).describe('Links people added (code, slides, posts).'),
  authors: z.array(z.string()).describe("The authors' names, in the paper's order; empty when not known."),
  year: z.number().nullable().describe('Year of first publication; null when not known.'),
  venue: z.string().nullable().describe('Where it was published; null when not known.'),
  arxiv: z.string().nullable().describe('arXiv identifier, e.g. 2402.13753; null when not known.'),
  doi: z.string().nullable().describe('DOI, e.g. 10.1145/3292500.3330701; null when not known.'),
  notes: z.string().describe("People's notes as Markdown; empty when there are none."),
  related: z.array(z.string()).describe('Ids of the most similar papers (TF-IDF over title, abstract and notes), most similar first.'),
});

/** The whole catalogue file. */
export const catalogueSchema = z
  .object({
    version: z.literal(1).describe('Bumped when a field changes meaning or goes away.'),
    generated: z.string().describe('When the site was built (ISO 8601).'),
    topics: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })).describe('The topics, in home-page order.'),
    papers: z.array(catalogueEntrySchema).describe('Every paper, sorted by title.'),
  })
  .describe('The Shelf reading-list catalogue.');

export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

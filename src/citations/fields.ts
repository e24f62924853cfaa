/**
 * The citation fields of a paper file: who wrote it, when, where, and its
 * identifiers. People own them (ingest never changes them); `npm run enrich`
 * fills the missing ones from arXiv. Part of the paper schema (`src/papers/schema.ts`).
 */
import { z } from 'astro/zod';
import { isWebUrl } from '../papers/web-url.ts';

/** New-style arXiv ids (`2401.01234`, `0704.0001v2`) and old-style (`hep-th/9901001`, `math.GT/0309136v1`). */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;

/** A DOI: `10.` + registrant code + `/` + suffix (Crossref's pattern, any suffix character but space). */
export const DOI = /^10\.\d{4,9}\/\S+$/;

/** The latest year a paper may carry: preprints of next year's venues exist, later ones do not. */
export function latestYear(now = new Date()): number {
  return now.getFullYear() + 1;
}

/** An address as `links[].url` accepts it (see `src/papers/web-url.ts`), for `what`. */
const webUrl = (what: string) =>
  z.string().refine(isWebUrl, {
    error: (issue) => `${JSON.stringify(issue.input)} is not an http(s) address or a path on this site`,
    params: { fix: `write ${what} in full, starting with https://` },
  });

export const citationFields = {
  /** people (or enrich): the authors' names, in the paper's order, e.g. `Ada Lovelace`. */
  authors: z.array(z.string().trim().min(1, 'an author must have a name')).min(1, 'list at least one author, or leave the field out').optional(),
  /** people (or enrich): year of first publication. */
  year: z
    .number({ error: 'must be a year such as 2024' })
    .int('must be a whole year such as 2024')
    .refine((year) => year >= 1900 && year <= latestYear(), {
      error: () => `must be a year from 1900 to ${latestYear()}`,
      params: { fix: 'write the year the paper first appeared, e.g. 2024' },
    })
    .optional(),
  /** people: where it was published, e.g. `NeurIPS 2024`. */
  venue: z.string().trim().min(1).optional(),
  /** people (or enrich): the arXiv identifier, without `arXiv:` or a URL. */
  arxiv: z
    .string()
    .refine((id) => ARXIV_ID.test(id), {
      error: (issue) => `"${String(issue.input)}" is not an arXiv id`,
      params: { fix: 'write it as 2401.01234 (optionally with a version, 2401.01234v2) or hep-th/9901001, without "arXiv:" or a URL' },
    })
    .optional(),
  /** people: the DOI, without `https://doi.org/`. */
  doi: z
    .string()
    .refine((doi) => DOI.test(doi), {
      error: (issue) => `"${String(issue.input)}" is not a DOI`,
      params: { fix: 'write it as 10.1234/abc.5678, without "https://doi.org/"' },
    })
    .optional(),
  /** people: the paper's own page (publisher, project page). */
  url: webUrl('the paper’s own page').optional(),
  /** people: a direct link to the PDF. */
  pdf: webUrl('a direct link to the PDF').optional(),
};

export type CitationFields = { [K in keyof typeof citationFields]?: z.infer<(typeof citationFields)[K]> };

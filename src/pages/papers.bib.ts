/** `/papers.bib`: every paper as a BibTeX entry, A to Z by title. */
import type { APIRoute } from 'astro';
import { bibliography } from '../citations/bibtex.ts';
import { streamedResponse } from '../catalogue/catalogue.ts';
import { citable, getBibtexKeys, getPapers } from '../site/collections.ts';

export const GET: APIRoute = async ({ site }) =>
  streamedResponse(bibliography((await getPapers()).map((paper) => citable(paper, site)), await getBibtexKeys()), 'application/x-bibtex; charset=utf-8');

/** `/papers.csv`: the catalogue as one row per paper (columns in `CSV_COLUMNS`). */
import type { APIRoute } from 'astro';
import { catalogueResponse, csvRows } from '../lib/catalogue.ts';
import { getCatalogueEntries } from '../lib/collections.ts';

export const GET: APIRoute = ({ site }) =>
  catalogueResponse({ path: 'papers.csv', pieces: async () => csvRows(await getCatalogueEntries(site)) }, 'text/csv; charset=utf-8');

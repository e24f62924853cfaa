/** `/papers.csv`: the catalogue as one row per paper (columns in `CSV_COLUMNS`). */
import type { APIRoute } from 'astro';
import { toCsv } from '../lib/catalogue.ts';
import { getCatalogueEntries } from '../lib/collections.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv(await getCatalogueEntries(site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

/** `/papers.csv`: the catalogue as one row per paper (columns in `CSV_COLUMNS`). */
import type { APIRoute } from 'astro';
import { csvRows, streamedResponse } from '../catalogue/catalogue.ts';
import { getCatalogueEntries } from '../site/collections.ts';

export const GET: APIRoute = async ({ site }) => streamedResponse(csvRows(await getCatalogueEntries(site)), 'text/csv; charset=utf-8');

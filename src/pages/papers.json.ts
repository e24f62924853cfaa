/** `/papers.json`: the whole catalogue, in the shape of `/papers.schema.json`. */
import type { APIRoute } from 'astro';
import { catalogueJson, catalogueResponse } from '../lib/catalogue.ts';
import { getCatalogueEntries, getTopics } from '../lib/collections.ts';
import type { Catalogue } from '../schema.ts';

export const GET: APIRoute = ({ site }) =>
  catalogueResponse(
    {
      path: 'papers.json',
      pieces: async () => {
        const catalogue: Catalogue = {
          version: 1,
          generated: new Date().toISOString(),
          topics: (await getTopics()).map((topic) => ({ id: topic.id, title: topic.data.title, description: topic.data.description })),
          papers: await getCatalogueEntries(site),
        };
        return catalogueJson(catalogue);
      },
    },
    'application/json; charset=utf-8',
  );

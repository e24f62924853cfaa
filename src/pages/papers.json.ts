/** `/papers.json`: the whole catalogue, in the shape of `/papers.schema.json`. */
import type { APIRoute } from 'astro';
import { catalogueJson, streamedResponse } from '../catalogue/catalogue.ts';
import { getCatalogueEntries, getTopics } from '../site/collections.ts';
import type { Catalogue } from '../papers/schema.ts';

export const GET: APIRoute = async ({ site }) => {
  const catalogue: Catalogue = {
    version: 1,
    generated: new Date().toISOString(),
    topics: (await getTopics()).map((topic) => ({ id: topic.id, title: topic.data.title, description: topic.data.description })),
    papers: await getCatalogueEntries(site),
  };
  return streamedResponse(catalogueJson(catalogue), 'application/json; charset=utf-8');
};

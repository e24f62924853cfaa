/** `/papers.schema.json`: the JSON Schema of `/papers.json`, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { catalogueSchema } from '../papers/schema.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(z.toJSONSchema(catalogueSchema), null, 2), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });

/** `/topics/<topic>/papers.bib`: the topic's papers as BibTeX, with the same keys as `/papers.bib`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { bibliography } from '../../../citations/bibtex.ts';
import { streamedResponse } from '../../../catalogue/catalogue.ts';
import { citable, getBibtexKeys, getPapers, getTopics } from '../../../site/collections.ts';

export const getStaticPaths = (async () => (await getTopics()).map((topic) => ({ params: { topic: topic.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const papers = (await getPapers()).filter((paper) => paper.data.topics.includes(params.topic ?? ''));
  return streamedResponse(bibliography(papers.map((paper) => citable(paper, site)), await getBibtexKeys()), 'application/x-bibtex; charset=utf-8');
};

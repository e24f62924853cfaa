/**
 * What reference managers and scholarly search engines read from a paper page:
 * Highwire Press `citation_*` tags (Zotero's connector, Google Scholar) and a
 * schema.org `ScholarlyArticle` in JSON-LD.
 */
import type { Citable } from './bibtex.ts';
import { arxivAbsUrl, arxivPdfUrl, doiUrl } from './identifiers.ts';

export interface CitationPaper extends Citable {
  abstract: string;
  topics?: readonly string[];
}

/** The paper's PDF: the one a person linked, else arXiv's. */
export function pdfUrl(paper: Pick<Citable, 'pdf' | 'arxiv'>): string | undefined {
  return paper.pdf ?? (paper.arxiv ? arxivPdfUrl(paper.arxiv) : undefined);
}

/** Highwire Press tags as `[name, content]`, in the order Google Scholar documents them. */
export function highwireTags(paper: CitationPaper): [string, string][] {
  const tags: [string, string][] = [['citation_title', paper.title]];
  for (const author of paper.authors ?? []) tags.push(['citation_author', author]);
  if (paper.year !== undefined) tags.push(['citation_publication_date', String(paper.year)]);
  if (paper.venue) tags.push(['citation_journal_title', paper.venue]);
  if (paper.arxiv) tags.push(['citation_arxiv_id', paper.arxiv]);
  if (paper.doi) tags.push(['citation_doi', paper.doi]);
  const pdf = pdfUrl(paper);
  if (pdf) tags.push(['citation_pdf_url', pdf]);
  tags.push(['citation_abstract_html_url', paper.page]);
  if (paper.abstract) tags.push(['citation_abstract', paper.abstract.replace(/\s+/g, ' ').trim()]);
  return tags;
}

/** The paper as a schema.org `ScholarlyArticle`. */
export function scholarlyArticle(paper: CitationPaper): Record<string, unknown> {
  const sameAs = [paper.arxiv && arxivAbsUrl(paper.arxiv), paper.doi && doiUrl(paper.doi), paper.url].filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: paper.title,
    name: paper.title,
    url: paper.page,
    ...(paper.abstract ? { abstract: paper.abstract.replace(/\s+/g, ' ').trim() } : {}),
    ...(paper.authors?.length ? { author: paper.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(paper.year !== undefined ? { datePublished: String(paper.year) } : {}),
    ...(paper.venue ? { isPartOf: { '@type': 'Periodical', name: paper.venue } } : {}),
    ...(paper.doi ? { identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: paper.doi } } : paper.arxiv ? { identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.arxiv } } : {}),
    ...(sameAs.length ? { sameAs } : {}),
    ...(paper.topics?.length ? { keywords: paper.topics.join(', ') } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` written as `\u003c`, so no text can end the script element. */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

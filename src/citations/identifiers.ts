/** Where an arXiv id or a DOI points. */

/** The arXiv abstract page of an id (`2401.01234`, `hep-th/9901001`, with or without a version). */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The arXiv PDF of an id. */
export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}

/** The resolver address of a DOI. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map((part, index) => (index === 0 ? part : encodeURIComponent(part))).join('/')}`;
}

/** The arXiv id in an arXiv abstract or PDF address (`https://arxiv.org/abs/2401.01234v2` → `2401.01234v2`), if it is one. */
export function arxivIdFromUrl(url: string): string | undefined {
  const match = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d+)?(?:\.pdf)?\/?$/.exec(url);
  return match ? match[1] + (match[2] ?? '') : undefined;
}

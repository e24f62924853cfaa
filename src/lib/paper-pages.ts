/**
 * How paper pages get built. In `astro dev` (and with SHELF_PAPER_PAGES=astro)
 * Astro renders every one. In `astro build` Astro renders one shell page plus
 * the papers only it can render (MDX notes, images in notes, hand-picked file
 * names); the rest are stamped into the shell after the build
 * (`src/integrations/paper-pages.ts`), from the same `paperPageParts`.
 * Astro's per-page pipeline costs about 2 ms a page beyond the rendering
 * itself (a Response, a folder, a write, logging): most of page generation at 10,000 papers.
 */
import type { CollectionEntry } from 'astro:content';
import { getPapers, getRelatedPapers, getTopics, topicClassifier } from './collections.ts';
import { isStampableSlug, offerStampJob, SHELL_SLUG } from './page-shell.ts';
import { hasNotes } from './papers.ts';
import { paperPageParts, type PaperPageParts } from './paper-html.ts';

type Paper = CollectionEntry<'papers'>;

/** Props of the paper route: a paper, or the shell the others are stamped into. */
export type PaperRouteProps = { paper: Paper; shell?: undefined } | { shell: true; paper?: undefined };

/** Whether a paper's page can be stamped: a `.md` file whose notes content sync rendered (without local images), and a plain slug. */
export function isStampable(paper: Paper): boolean {
  return (
    /\.md$/.test(paper.filePath ?? '') &&
    (!hasNotes(paper) || typeof paper.rendered?.html === 'string') &&
    (paper.rendered?.metadata?.imagePaths?.length ?? 0) === 0 &&
    isStampableSlug(paper.id)
  );
}

const renderers = new Map<string, Promise<(paper: Paper) => PaperPageParts>>();

/** Renders any paper's page parts; reads the collections once (once per build). */
export function paperPageRenderer(repoUrl: string, katexCssUrl: string): Promise<(paper: Paper) => PaperPageParts> {
  // In `astro dev` content changes while the process lives: read it afresh.
  if (import.meta.env.DEV) return createRenderer(repoUrl, katexCssUrl);
  const key = `${repoUrl}\n${katexCssUrl}`;
  if (!renderers.has(key)) renderers.set(key, createRenderer(repoUrl, katexCssUrl));
  return renderers.get(key)!;
}

async function createRenderer(repoUrl: string, katexCssUrl: string): Promise<(paper: Paper) => PaperPageParts> {
  const [papers, related, topics] = await Promise.all([getPapers(), getRelatedPapers(), getTopics()]);
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const classify = topicClassifier(topics);
  return (paper) =>
    paperPageParts({
      paper,
      related: (related.get(paper.id) ?? []).map(({ id }) => byId.get(id)!),
      topics,
      classification: classify(paper),
      repoUrl,
      katexCssUrl,
    });
}

/**
 * The paper route's paths. When stamping, offers the stampable papers to the
 * integration and returns the shell and the others; otherwise every paper.
 */
export async function paperRoutePaths(options: { stamp: boolean; repoUrl: string; katexCssUrl: string }) {
  const papers = await getPapers();
  const stamped: Paper[] = [];
  const rendered: Paper[] = [];
  for (const paper of papers) (options.stamp && isStampable(paper) ? stamped : rendered).push(paper);
  if (stamped.length === 0) return papers.map((paper) => ({ params: { slug: paper.id }, props: { paper } as PaperRouteProps }));
  const render = await paperPageRenderer(options.repoUrl, options.katexCssUrl);
  offerStampJob({
    folder: 'papers',
    *pages() {
      for (const paper of stamped) {
        const parts = render(paper);
        const notes = parts.notes ? (paper.rendered?.html ?? '') : '';
        yield { slug: paper.id, title: parts.title, description: parts.description, head: parts.head, main: parts.before + notes + parts.after };
      }
    },
  });
  return [
    { params: { slug: SHELL_SLUG }, props: { shell: true } as PaperRouteProps },
    ...rendered.map((paper) => ({ params: { slug: paper.id }, props: { paper } as PaperRouteProps })),
  ];
}

/** Whether this build stamps paper pages: always in `astro build`, unless SHELF_PAPER_PAGES=astro asks Astro to render them all. */
export function stampPaperPages(): boolean {
  return !import.meta.env.DEV && process.env.SHELF_PAPER_PAGES !== 'astro';
}

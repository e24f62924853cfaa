/**
 * Renders Astro components through Astro's Container API and reads them back as
 * a reader would: elements, attributes and text, white space collapsed. Also the
 * paper, topics and classification the component tests share.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { HTMLElement, parse, type Node } from 'node-html-parser';
import type { Paper } from '../../src/papers/load.ts';
import type { PaperData } from '../../src/papers/schema.ts';
import type { Classification } from '../../src/topics/classify.ts';

const container = await AstroContainer.create();
type Component = Parameters<typeof container.renderToString>[0];

/**
 * A component's HTML, and that HTML parsed. The props are checked against the
 * component's `Props` by `astro check` (an `.astro` import types as a function of them).
 */
export async function render<P extends object>(component: Component & ((props: P) => unknown), props: P): Promise<{ html: string; root: HTMLElement }> {
  const html = await container.renderToString(component, { props: props as Record<string, unknown> });
  return { html, root: parse(html) };
}

/** Text as a reader sees it: entities decoded, runs of white space one space. */
export function text(node: Node | null | undefined): string {
  return normalise(node?.text ?? '');
}

function normalise(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** An element's child elements as `tag.class.class`, e.g. `['h3.paper-title', 'p.excerpt', 'div.meta']`. */
export function children(element: HTMLElement | null | undefined): string[] {
  return (element?.children ?? []).map((child) => [child.tagName.toLowerCase(), ...child.classList.value].join('.'));
}

/** The text of an element without that of the child elements named (e.g. a nested list). */
export function ownText(element: HTMLElement, ...without: string[]): string {
  const skipped = new Set(without.map((tag) => tag.toUpperCase()));
  const kept = element.childNodes.filter((node) => !(node instanceof HTMLElement && skipped.has(node.tagName)));
  return normalise(kept.map((node) => node.text).join(''));
}

export const topics = [
  { id: 'long-context', data: { title: 'Long context', threshold: 2 } },
  { id: 'long-cot', data: { title: 'Long chain-of-thought', threshold: 2 } },
];
export const topicTitles = new Map(topics.map((topic) => [topic.id, topic.data.title]));

/** A paper whose title and abstract hold markup and a link; on one topic, chosen by the rules. */
export function paper(overrides: Partial<PaperData> = {}, body = ''): Pick<Paper, 'id' | 'body' | 'filePath' | 'data'> {
  return {
    id: 'ring-attention',
    body,
    filePath: 'content/papers/ring-attention.md',
    data: {
      title: 'Ring <Attention> & "you"',
      abstract: 'We scale context. Code: https://github.com/x/ring.\n\nSecond paragraph.',
      topics: ['long-context'],
      auto_topics: ['long-context'],
      sources: [{ dump: '000_dump.txt', line: 12 }],
      ...overrides,
    },
  };
}

/** The rules put the paper on long-context for a phrase in its title (an excerpt with markup). */
export const matched: Classification = {
  topics: ['long-context'],
  scores: { 'long-context': 3, 'long-cot': 0 },
  evidence: {
    'long-context': [{ phrase: 'long context', where: 'title', weight: 3, against: false, excerpt: 'Ring <Attention>' }],
    'long-cot': [],
  },
};

/**
 * Papers whose notes link to one another are related by the people who read them: they come first
 * in *Related papers*, before the papers that are merely similar in their words.
 */
import type { Related } from './related.ts';

/**
 * Each paper's related papers with its `linked` papers first (in their order, score 1), then the
 * `similar` ones not already listed, `count` in all; papers with neither keep an empty list.
 */
export function linkedFirst(similar: ReadonlyMap<string, readonly Related[]>, linked: ReadonlyMap<string, readonly string[]>, count = 5): Map<string, Related[]> {
  const result = new Map<string, Related[]>();
  for (const [id, list] of similar) {
    const links = linked.get(id) ?? [];
    if (links.length === 0) {
      result.set(id, [...list]);
      continue;
    }
    const first = links.filter((other) => other !== id).map((other) => ({ id: other, score: 1 }));
    const rest = list.filter((entry) => !links.includes(entry.id));
    result.set(id, [...first, ...rest].slice(0, count));
  }
  return result;
}

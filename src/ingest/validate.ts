/**
 * Turns schema problems in a paper's frontmatter into diagnostics a newcomer
 * can act on: the field, what is wrong, and how to fix it.
 */
import type { z } from 'astro/zod';
import type { Diagnostic } from './diagnostics.ts';

/** Edit distance between two short strings (Levenshtein), for "did you mean". */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The closest known value to `input`, when it is close enough to be a typo. */
export function suggest(input: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(input.toLowerCase(), candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** Formats a zod issue path as the field a person sees: `topics[1]`, `links[0].url`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)),
    '',
  );
}

/**
 * Validates frontmatter against the paper schema. Returns the parsed data
 * and one diagnostic per problem, naming `file` and the field.
 */
export function validatePaperData<T extends z.ZodType>(
  schema: T,
  data: unknown,
  file: string,
  topicSlugs: readonly string[],
): { data?: z.infer<T>; problems: Diagnostic[] } {
  const result = schema.safeParse(data);
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue): Diagnostic => {
    const field = fieldName(issue.path) || undefined;
    const value = issue.path.reduce<unknown>((node, part) => (node as Record<PropertyKey, unknown> | undefined)?.[part], data);
    if (issue.path[0] === 'topics' || issue.path[0] === 'auto_topics') {
      if (typeof value === 'string' && !topicSlugs.includes(value)) {
        const guess = suggest(value, topicSlugs);
        return {
          file,
          field,
          message: `"${value}" is not a topic${guess ? ` (did you mean "${guess}"?)` : ''}`,
          fix: `use one of: ${topicSlugs.join(', ')}`,
        };
      }
    }
    // A rule of the schema's own (a refinement) says what to do in its params.
    if (issue.code === 'custom' && typeof issue.params?.fix === 'string') {
      return { file, field, message: issue.message, fix: issue.params.fix };
    }
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const allowed = issue.values.map(String);
      const guess = typeof value === 'string' ? suggest(value, allowed) : undefined;
      return { file, field, message: `${JSON.stringify(value)} is not allowed${guess ? ` (did you mean "${guess}"?)` : ''}`, fix: `use one of: ${allowed.join(', ')}` };
    }
    if (value === undefined && issue.code === 'invalid_type') {
      return { file, field, message: 'is missing', fix: `add "${field}:" to the frontmatter, or run \`npm run ingest\` to restore it` };
    }
    if (issue.code === 'invalid_type' && value === null) {
      return { file, field, message: 'has no value', fix: `write the value after "${fieldName(issue.path.slice(-1))}:", in quotes if it starts with # or another sign` };
    }
    // YAML reads `yes`, `1e3` or `0x1F` as a boolean or a number: text must be quoted.
    if (issue.code === 'invalid_type' && issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
      return { file, field, message: `reads as the ${typeof value} ${String(value)}, not as text`, fix: 'put the value in quotes, as you want it shown' };
    }
    return { file, field, message: issue.message };
  });
  return { problems };
}

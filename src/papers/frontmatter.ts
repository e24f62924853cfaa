/**
 * Reads and writes paper files: YAML frontmatter (through gray-matter) plus a
 * Markdown body that belongs to people. The one place that decides how a
 * paper file looks on disk and which fields ingest may replace.
 */
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { INGEST_FIELDS } from './schema.ts';

/** A paper file split into its frontmatter data and its body, untouched. */
export interface PaperFile {
  data: Record<string, unknown>;
  body: string;
}

/** A YAML problem with the 1-based line in the file where it was found. */
export class FrontmatterError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.name = 'FrontmatterError';
    this.line = line;
  }
}

// CORE_SCHEMA keeps `2024-01-02` a string: no silent dates from titles or abstracts.
const engine = {
  parse: (text: string) => (yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? {}) as object,
  stringify: (data: object) =>
    yaml.dump(data, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: "'" }),
};
const options = { engines: { yaml: engine } };

/**
 * Parses a paper file. Throws `FrontmatterError` with the file's line number
 * when the frontmatter is not valid YAML or not a mapping.
 */
export function parsePaperFile(text: string): PaperFile {
  if (!/^---\r?\n/.test(text)) {
    throw new FrontmatterError('the file does not start with a "---" frontmatter block', 1);
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, options);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    // js-yaml counts lines from 0 inside the block; the block starts on file line 2.
    throw new FrontmatterError(`invalid YAML: ${reason}`, mark?.line === undefined ? undefined : mark.line + 2);
  }
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    throw new FrontmatterError('the frontmatter must be a YAML mapping of field: value', 2);
  }
  return { data: { ...parsed.data }, body: parsed.content };
}

/**
 * A paper file's body (the notes) without parsing its frontmatter: what `parsePaperFile` gives as
 * `body` for any file it accepts, at a fraction of the cost (no YAML), for readers that need only the notes.
 */
export function paperBody(text: string): string {
  const match = /^---\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/**
 * Serialises a paper file. Ingest-owned fields come first in a fixed order,
 * then people's fields in the order they had; the body is kept byte for byte
 * (gray-matter's parse drops the newline that ends the closing `---` line,
 * and this puts it back).
 */
export function stringifyPaperFile({ data, body }: PaperFile): string {
  const ordered: Record<string, unknown> = {};
  for (const field of ['title', 'topics', ...INGEST_FIELDS]) {
    if (field in data) ordered[field] = data[field];
  }
  for (const [field, value] of Object.entries(data)) {
    if (!(field in ordered)) ordered[field] = value;
  }
  // gray-matter appends a newline to the content it is given; the body is
  // appended here instead, so a person's bytes (even a missing final newline) stay as they are.
  const head = matter.stringify('', ordered, options).slice(0, -1);
  return head + body;
}

/**
 * Reads and writes paper files (and topic files): YAML frontmatter between two `---` lines, then a
 * Markdown body that belongs to people. The one place that decides how a file is split, which YAML
 * schema reads it, how text is quoted when it is written, and how ingest edits a file a person wrote.
 * Ingest, `npm run check` and the site all read through `parsePaperFile`, so they never disagree on
 * what a file says.
 */
import { isDeepStrictEqual } from 'node:util';
import yaml from 'js-yaml';
import { INGEST_FIELDS } from './schema.ts';
import { explainYamlError, findUnclosedQuote, type YamlProblem } from './yaml-errors.ts';

/** A paper file split into its frontmatter data and its body, untouched. */
export interface PaperFile {
  data: Record<string, unknown>;
  body: string;
}

/** A frontmatter problem: where it is in the file (1-based line and column), what is wrong, and the fix. */
export class FrontmatterError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly field: string | undefined;
  readonly fix: string;
  constructor({ line, column, field, message, fix }: YamlProblem) {
    super(message);
    this.name = 'FrontmatterError';
    this.line = line;
    this.column = column;
    this.field = field;
    this.fix = fix;
  }
}

/**
 * Reading: YAML 1.2's core schema. A value is text unless it is a number, `true`/`false` or `null`;
 * `2024-01-02` stays the text it looks like (no silent dates), and there are no merge keys.
 */
const READ_SCHEMA = yaml.CORE_SCHEMA;

/**
 * Writing: text is quoted whenever any common YAML reader could take it for something else. js-yaml's
 * default schema (what Astro's MDX reads frontmatter with) quotes dates, `yes`/`no`, `~`, `<<` and the
 * like; YAML 1.1's numbers (`1_000`, `0b101`, `1:20`, `+.inf`) are added here, since its readers
 * (PyYAML, Ruby) would turn them into numbers.
 */
const WRITE_SCHEMA = yaml.DEFAULT_SCHEMA.extend({
  implicit: [
    new yaml.Type('tag:shelf,2026:yaml-1.1-number', {
      kind: 'scalar',
      resolve: (text: string) => /^[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(text),
      construct: (text: string) => text,
    }),
  ],
});

const DUMP_OPTIONS: yaml.DumpOptions = { schema: WRITE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: "'" };

/** A file's parts: the opening line, the YAML text, the closing line, the body; and the file line the YAML starts on. */
interface Parts {
  open: string;
  yaml: string;
  close: string;
  body: string;
  firstLine: number;
}

// The opening `---` (after an optional byte-order mark), the YAML, and the first line that is `---` alone.
const FRONTMATTER = /^(\uFEFF?---[ \t]*\r?\n)((?:[\s\S]*?\r?\n)??)(---[ \t]*(?:\r?\n|$))/;

function splitFile(text: string): Parts {
  if (!/^\uFEFF?---[ \t]*(?:\r?\n|$)/.test(text)) {
    throw new FrontmatterError({ line: 1, column: 1, message: 'the file does not start with a "---" line', fix: 'start the file with a line "---", then the fields (title: …), then another "---" line, then the notes' });
  }
  const match = FRONTMATTER.exec(text);
  if (!match) {
    throw new FrontmatterError({ line: 1, column: 1, message: 'the frontmatter has no closing "---" line', fix: 'add a line "---" after the last field, before the notes' });
  }
  const [whole, open, yamlText, close] = match as unknown as [string, string, string, string];
  return { open, yaml: yamlText, close, body: text.slice(whole.length), firstLine: 2 };
}

/** A top-level key a person or ingest would write; anything else came from a broken quote or colon. */
function isFieldName(key: string): boolean {
  return /^[\p{L}\p{N}_$][\p{L}\p{N}_ .$-]{0,59}$/u.test(key) && !/\s$/.test(key);
}

/**
 * Parses a paper file. Throws `FrontmatterError` naming the line, column and fix when the file has no
 * frontmatter, its YAML does not parse, it is not a mapping of fields, or a key is not a field name
 * (what a quote left open makes of the lines after it).
 */
export function parsePaperFile(text: string): PaperFile {
  const parts = splitFile(text);
  let data: unknown;
  try {
    data = yaml.load(parts.yaml, { schema: READ_SCHEMA });
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    throw new FrontmatterError(explainYamlError(error, parts.yaml, parts.firstLine));
  }
  if (data === undefined || data === null) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontmatterError({ line: parts.firstLine, column: 1, message: 'invalid YAML: the frontmatter must be fields, one "name: value" a line', fix: 'write each field as "name: value" on its own line, starting at the line\'s first column' });
  }
  for (const key of Object.keys(data as object)) {
    if (isFieldName(key)) continue;
    const quote = findUnclosedQuote(parts.yaml, parts.firstLine);
    const shown = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
    if (quote) {
      throw new FrontmatterError({
        ...quote,
        message: `invalid YAML: the ${quote.quote} that opens the value is not closed on its line, so what follows, up to the next ${quote.quote}, was read as part of it, and ${shown} as a field name`,
        fix: `end the value with ${quote.quote} on line ${quote.line}${quote.quote === "'" ? " (and write '' for a ' inside it)" : ' (and write \\" for a " inside it)'}`,
      });
    }
    throw new FrontmatterError({ line: parts.firstLine, column: 1, message: `invalid YAML: ${shown} is not a field name`, fix: 'field names are short words such as "status" or "my_field"; check the quotes and colons of the lines above it' });
  }
  return { data: { ...(data as Record<string, unknown>) }, body: parts.body };
}

/**
 * A paper file's body (the notes) without parsing its frontmatter: what `parsePaperFile` gives as
 * `body` for any file it accepts, at a fraction of the cost (no YAML), for readers that need only the notes.
 */
export function paperBody(text: string): string {
  const match = FRONTMATTER.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/** The lines before the body, for numbering a body's own lines as the file's. */
export function bodyLineOffset(text: string): number {
  const match = FRONTMATTER.exec(text);
  return match ? match[0].split('\n').length - 1 : 0;
}

/** `fields` as YAML lines, each string quoted when any YAML reader could take it for something else. */
function dumpFields(fields: Record<string, unknown>): string {
  return Object.keys(fields).length === 0 ? '' : yaml.dump(fields, DUMP_OPTIONS);
}

/** The fields in a file's order: title and topics, then the rest of ingest's, then people's in the order they had. */
function orderFields(data: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const field of ['title', 'topics', ...INGEST_FIELDS]) {
    if (field in data && data[field] !== undefined) ordered[field] = data[field];
  }
  for (const [field, value] of Object.entries(data)) {
    if (!(field in ordered) && value !== undefined) ordered[field] = value;
  }
  return ordered;
}

/** Serialises a paper file as ingest lays out a new one: ingest's fields first, then people's; the body byte for byte. */
export function stringifyPaperFile({ data, body }: PaperFile): string {
  return `---\n${dumpFields(orderFields(data))}---\n${body}`;
}

/**
 * Changes some top-level fields of a file (`undefined` removes one) and leaves every other byte as it
 * was: a person's fields, their quoting, comments and order, and the body. A changed field is rewritten
 * where it stands; a new one goes after the last field. When the file is laid out in a way this cannot
 * edit in place (a field written as a flow mapping, say), the whole frontmatter is rewritten instead,
 * with the same values: the result always parses to `{ ...data, ...changes }`.
 */
export function updatePaperFile(text: string, changes: Record<string, unknown>): string {
  const parts = splitFile(text);
  const { data, body } = parsePaperFile(text);
  const expected: Record<string, unknown> = { ...data, ...changes };
  for (const [field, value] of Object.entries(changes)) if (value === undefined) delete expected[field];
  const eol = /\r\n/.test(parts.yaml) || /\r\n$/.test(parts.open) ? '\r\n' : '\n';
  const lines = parts.yaml === '' ? [] : parts.yaml.replace(/\r?\n$/, '').split(/\r?\n/);
  const entries = topLevelEntries(lines);
  for (const [field, value] of Object.entries(changes)) {
    const replacement = value === undefined ? [] : dumpFields({ [field]: value }).replace(/\n$/, '').split('\n');
    const entry = entries.get(field);
    if (entry) {
      lines.splice(entry.start, entry.end - entry.start, ...replacement);
      const shift = replacement.length - (entry.end - entry.start);
      for (const other of entries.values()) {
        if (other.start > entry.start) [other.start, other.end] = [other.start + shift, other.end + shift];
      }
      entry.end = entry.start + replacement.length;
    } else if (replacement.length > 0) {
      const at = lastContentLine(lines) + 1;
      lines.splice(at, 0, ...replacement);
      entries.set(field, { start: at, end: at + replacement.length });
    }
  }
  const edited = `${parts.open}${lines.map((line) => line + eol).join('')}${parts.close}${body}`;
  try {
    const check = parsePaperFile(edited);
    if (isDeepStrictEqual(check.data, expected) && check.body === body) return edited;
  } catch {
    // Laid out in a way the line edit does not fit: written whole below.
  }
  return `${parts.open}${dumpFields(orderFields(expected)).replace(/\n/g, eol)}${parts.close}${body}`;
}

/** Where each top-level field's lines are: from its `name:` line to the line before the next field (trailing comments and blank lines left out). */
function topLevelEntries(lines: readonly string[]): Map<string, { start: number; end: number }> {
  const entries = new Map<string, { start: number; end: number }>();
  let current: { start: number; end: number } | undefined;
  lines.forEach((line, index) => {
    const key = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(line)?.[1];
    if (key !== undefined) {
      current = { start: index, end: index + 1 };
      // A key given twice does not parse, so the first is the only one.
      if (!entries.has(key)) entries.set(key, current);
      return;
    }
    // Indented lines and a sequence written at the first column belong to the field above.
    if (current && (/^[ \t]+\S/.test(line) || /^-(?:[ \t]|$)/.test(line))) current.end = index + 1;
  });
  return entries;
}

function lastContentLine(lines: readonly string[]): number {
  for (let index = lines.length - 1; index >= 0; index -= 1) if (lines[index]!.trim() !== '' && !/^#/.test(lines[index]!)) return index;
  return -1;
}

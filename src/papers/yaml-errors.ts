/**
 * What went wrong in a frontmatter's YAML, in a contributor's terms: the line and column where the
 * mistake is (not where the parser gave up), the field it is in, and the edit that fixes it.
 * js-yaml reports where it stopped: an unclosed quote at the end of the frontmatter, a duplicate key
 * without its name. These helpers look at the lines to find the cause.
 */
import type yaml from 'js-yaml';

/** A problem in the frontmatter, placed in the file: 1-based line and column. */
export interface YamlProblem {
  line?: number;
  column?: number;
  field?: string;
  message: string;
  fix: string;
}

/** A quote that opens a value and is not closed on its line. */
export interface OpenQuote {
  line: number;
  column: number;
  /** The field whose value it opens, when it follows `name:`. */
  field?: string;
  quote: "'" | '"';
}

// `name: value` or `- value`, with the column where the value starts.
const VALUE_START = /^([ \t]*)(?:-[ \t]+)*(?:([^\s#'"\-?:,[\]{}][^:#]*?|'[^']*'|"[^"]*")[ \t]*:(?:[ \t]+|$))?/;

function valueOf(line: string): { field?: string; start: number } {
  const match = VALUE_START.exec(line)!;
  const key = match[2]?.replace(/^(['"])(.*)\1$/, '$2');
  return { field: key, start: match[0].length };
}

/** Where a quoted scalar starting at `open` in `line` closes (the index of the closing quote), or -1. */
function closingQuote(line: string, open: number): number {
  const quote = line[open];
  for (let index = open + 1; index < line.length; index += 1) {
    if (quote === '"' && line[index] === '\\') index += 1;
    else if (line[index] === quote) {
      if (quote === "'" && line[index + 1] === "'") index += 1;
      else return index;
    }
  }
  return -1;
}

/** The first value whose opening quote is not closed on its own line (what turns the lines after it into junk). */
export function findUnclosedQuote(yamlText: string, firstLine: number): OpenQuote | undefined {
  const lines = yamlText.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const { field, start } = valueOf(line);
    const quote = line[start];
    if ((quote === "'" || quote === '"') && closingQuote(line, start) === -1) {
      return { line: firstLine + index, column: start + 1, field, quote };
    }
  }
  return undefined;
}

/** The field a line belongs to: its own key at the first column, else the nearest one above. */
function fieldAt(lines: readonly string[], index: number): string | undefined {
  for (let at = Math.min(index, lines.length - 1); at >= 0; at -= 1) {
    const key = /^([^\s#'"\-][^:]*?)[ \t]*:(?:[ \t]|$)/.exec(lines[at]!)?.[1];
    if (key !== undefined) return key;
  }
  return undefined;
}

/** A value in quotes, as the fix should show it: `'Foo: Bar'`, with inner `'` doubled. */
function quoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const GENERAL_FIX = 'quote a value that holds ": " or starts with a special character (\' " - * & ! | > @ ` % { [ #), and indent with spaces';

/**
 * Explains a js-yaml error in the frontmatter `yamlText`, which starts on file line `firstLine`.
 * Every message starts with "invalid YAML:"; the line and column point at the mistake itself.
 */
export function explainYamlError(error: yaml.YAMLException, yamlText: string, firstLine: number): YamlProblem {
  const lines = yamlText.split(/\r?\n/);
  const reason = error.reason || error.message;
  const markLine = Math.min(error.mark?.line ?? 0, Math.max(0, lines.length - 1));
  const markColumn = error.mark?.column ?? 0;
  const at = (index: number, column: number) => ({ line: firstLine + index, column: column + 1, field: fieldAt(lines, index) });

  if (/tab characters must not be used/.test(reason)) {
    const tab = lines[markLine]!.indexOf('\t');
    return { ...at(markLine, Math.max(0, tab)), message: 'invalid YAML: a tab indents this line', fix: 'indent with spaces: YAML does not allow tabs for indentation' };
  }

  if (/duplicated mapping key/.test(reason)) {
    const line = lines[markLine]!;
    const indent = /^[ \t]*(?:-[ \t]+)?/.exec(line)![0].length;
    const key = valueOf(line).field ?? line.trim();
    const first = lines.findIndex((other, index) => index < markLine && other.slice(indent).startsWith(`${key}:`) && /^[ \t-]*$/.test(other.slice(0, indent)));
    return {
      ...at(markLine, indent),
      field: indent === 0 ? key : fieldAt(lines, markLine),
      message: `invalid YAML: "${key}" is given twice${first >= 0 ? ` (first on line ${firstLine + first})` : ''}`,
      fix: `keep one "${key}:" and delete the other`,
    };
  }

  // A quote left open on a line at or above where js-yaml stopped: everything after it was read as its value.
  const open = findUnclosedQuote(yamlText, firstLine);
  if (open && open.line - firstLine <= markLine) return unclosed(open);

  if (/flow collection/.test(reason)) {
    const index = lines.findIndex((line) => /^[^#]*:\s*\[[^\]]*$/.test(line) || /^[^#]*:\s*\{[^}]*$/.test(line));
    if (index >= 0) {
      const column = lines[index]!.search(/[[{]/);
      const bracket = lines[index]![column]!;
      return {
        ...at(index, column),
        message: `invalid YAML: the ${bracket} that opens the list is not closed`,
        fix: bracket === '[' ? 'end the list with ] on the same line, or write it one "  - item" a line' : 'end it with } on the same line',
      };
    }
  }

  if (/multiline key may not be an implicit key|could not find expected ':'/.test(reason)) {
    // The first line at the first column, up to where js-yaml stopped, that is not `name: value`.
    for (let index = 0; index <= markLine; index += 1) {
      const line = lines[index]!;
      if (line.trim() === '' || /^[ \t#]/.test(line) || /^-(?:\s|$)/.test(line) || /^[^\s#'"][^:]*:(?:\s|$)/.test(line)) continue;
      return { line: firstLine + index, column: 1, message: 'invalid YAML: this line is not a "name: value" field', fix: 'write it as "name: value", or move it below the closing "---" if it belongs to the notes' };
    }
  }

  // The rest: look at the line where js-yaml stopped for the usual causes.
  const line = lines[markLine] ?? '';
  const { field, start } = valueOf(line);
  const value = line.slice(start);
  const quote = value[0];
  if (quote === "'" || quote === '"') {
    const close = closingQuote(line, start);
    if (close !== -1 && line.slice(close + 1).trim() !== '' && !/^\s+#/.test(line.slice(close + 1))) {
      return {
        ...at(markLine, close),
        field: field ?? fieldAt(lines, markLine),
        message: `invalid YAML: the ${quote} that opens the value closes at column ${close + 1}, before the value ends`,
        fix: quote === "'" ? "write '' for each ' inside a '-quoted value (It''s), or quote the value with \" instead" : 'write \\" for each " inside a "-quoted value, or quote the value with \' instead',
      };
    }
  }
  if (field !== undefined && value !== '' && quote !== "'" && quote !== '"') {
    const text = value.replace(/\s+#.*$/, '').trimEnd();
    if (/^[-*&!|>@`%{[?,\]}]/.test(text) || /:(?:\s|$)/.test(text) || / #/.test(value)) {
      const what = /:(?:\s|$)/.test(text) ? 'holds ": ", which YAML reads as the start of another field' : `starts with "${text[0]}", which means something in YAML`;
      return { ...at(markLine, start), field, message: `invalid YAML: the value ${what}`, fix: `put the value in quotes: ${field}: ${quoted(value.trimEnd())}` };
    }
  }
  if (/bad indentation/.test(reason) && /^[ \t]+\S/.test(line) && markLine > 0) {
    return { ...at(markLine, 0), message: 'invalid YAML: this line is indented as if it belonged to the field above', fix: 'start a field at the first column, or, if it continues the value above, put that value in quotes' };
  }
  return { ...at(markLine, markColumn), message: `invalid YAML: ${reason}`, fix: GENERAL_FIX };
}

function unclosed(open: OpenQuote): YamlProblem {
  return {
    line: open.line,
    column: open.column,
    field: open.field,
    message: `invalid YAML: the ${open.quote} that opens the value is not closed on its line, so the lines after it were read as part of the value`,
    fix: open.quote === "'" ? "end the value with ' on the same line (and write '' for a ' inside it)" : 'end the value with " on the same line (and write \\" for a " inside it)',
  };
}

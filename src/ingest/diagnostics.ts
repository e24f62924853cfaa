/** Errors and warnings that name the file, the line or field, and the fix. */

/** One problem found in one file. */
export interface Diagnostic {
  /** Path of the file, as the user would type it. */
  file: string;
  /** 1-based line, when the problem sits on one. */
  line?: number;
  /** 1-based column on that line, when known. */
  column?: number;
  /** The field, when the problem is in one. */
  field?: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix?: string;
}

/** Formats a diagnostic as `file:line:column: field: message (fix)`. */
export function formatDiagnostic({ file, line, column, field, message, fix }: Diagnostic): string {
  const where = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  return `${where}: ${field ? `${field}: ` : ''}${message}${fix ? ` (${fix})` : ''}`;
}

/** An error that stops ingest before anything is written; carries every diagnostic found. */
export class IngestError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'IngestError';
    this.diagnostics = diagnostics;
  }
}

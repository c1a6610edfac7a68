import type { RuleId, Severity } from './rule-ids.ts';

export type { Severity };

/** One finding of the checker, as data; formatters turn it into text. */
export interface Diagnostic {
  /** Path relative to the project root (or absolute outside it), with forward slashes. */
  file: string;
  /** 1-based; 0 when the finding concerns the whole file. */
  line: number;
  /** 1-based; 0 when the finding concerns the whole file. */
  column: number;
  severity: Severity;
  message: string;
  ruleId: RuleId;
}

/** Orders diagnostics by file, line, column, then rule, so output is deterministic. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

/** Counts errors, warnings and info notes. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
  infos: number;
} {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const { severity } of diagnostics)
    counts[severity === 'error' ? 'errors' : severity === 'warning' ? 'warnings' : 'infos']++;
  return counts;
}

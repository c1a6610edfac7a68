import type { Diagnostic } from '../diagnostics.ts';

/**
 * A stable JSON array, one object per diagnostic with exactly these keys in this order:
 * `file`, `line`, `column`, `severity` (`error`|`warning`|`info`), `message`, `ruleId`.
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map(({ file, line, column, severity, message, ruleId }) => ({
    file,
    line,
    column,
    severity,
    message,
    ruleId,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

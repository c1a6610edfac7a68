import { countBySeverity, type Diagnostic } from '../diagnostics.ts';

/** Options of the human-readable format. */
export interface HumanFormatOptions {
  /** ANSI colours, for a terminal only. */
  color: boolean;
  fileCount: number;
}

const paint = (code: number) => (text: string) => `\u001B[${code}m${text}\u001B[0m`;
const plain = (text: string) => text;

/**
 * Diagnostics grouped by file, one per line as `path:line:col  severity  message  rule-id`
 * (a message's own extra lines indented below it), then a summary line.
 */
export function formatHuman(diagnostics: readonly Diagnostic[], options: HumanFormatOptions): string {
  const red = options.color ? paint(31) : plain;
  const yellow = options.color ? paint(33) : plain;
  const blue = options.color ? paint(36) : plain;
  const dim = options.color ? paint(2) : plain;
  const bold = options.color ? paint(1) : plain;
  const lines: string[] = [];
  let previousFile: string | undefined;
  for (const d of diagnostics) {
    if (previousFile !== undefined && d.file !== previousFile) lines.push('');
    previousFile = d.file;
    const severity =
      d.severity === 'error' ? red('error') : d.severity === 'warning' ? yellow('warning') : blue('info');
    const [first = '', ...rest] = d.message.split('\n');
    lines.push(`${bold(`${d.file}:${d.line}:${d.column}`)}  ${severity}  ${first}  ${dim(d.ruleId)}`);
    for (const extra of rest) lines.push(`    ${extra}`);
  }
  if (lines.length) lines.push('');
  lines.push(summaryLine(diagnostics, options.fileCount));
  return `${lines.join('\n')}\n`;
}

/** `104 files, 2 errors, 5 warnings`; info notes are listed, not counted. */
export function summaryLine(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return `${plural(fileCount, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

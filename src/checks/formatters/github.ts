import type { Diagnostic } from '../diagnostics.ts';
import { summaryLine } from './human.ts';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which annotate the diff;
 * an info note is a `::notice`.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const lines = diagnostics.map((d) => {
    const place = [
      `file=${escapeProperty(d.file)}`,
      ...(d.line ? [`line=${d.line}`] : []),
      ...(d.column ? [`col=${d.column}`] : []),
    ];
    const command = d.severity === 'info' ? 'notice' : d.severity;
    return `::${command} ${place.join(',')},title=${escapeProperty(d.ruleId)}::${escapeData(d.message)}`;
  });
  lines.push(summaryLine(diagnostics, fileCount));
  return `${lines.join('\n')}\n`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

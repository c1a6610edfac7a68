import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Example } from './collect-examples.ts';
import { normaliseOutput } from './match-output.ts';
import type { ExampleRunReport } from './run-examples.ts';

/** `changed`: rewrite blocks that differ; `all`: also add missing blocks; `throws`: also rewrite `throws` examples' blocks. */
export type UpdateMode = 'changed' | 'all' | 'throws';

interface Edit {
  /** 1-based first line replaced; lines before it are kept. */
  fromLine: number;
  /** Number of lines replaced (0 inserts). */
  deleteCount: number;
  lines: string[];
  note: string;
}

/**
 * Rewrites output blocks from what the examples printed, keeping every other byte of each
 * file (line endings included). Returns one `file:line: what` entry per change.
 */
export async function updateOutputs(
  report: ExampleRunReport,
  contentDir: string,
  mode: UpdateMode,
): Promise<string[]> {
  const editsByFile = new Map<Example['doc'], Edit[]>();
  for (const example of report.examples) {
    const outcome = report.outcomes.get(example);
    if (!outcome) continue;
    const throws = example.meta.flags.has('throws');
    if (throws && mode !== 'throws') continue;
    const printed = normaliseOutput(outcome.printed);
    let edit: Edit | undefined;
    if (example.expected && outcome.ruleId === 'example-output-mismatch') {
      const indent = fenceIndent(example.doc.text ?? '', example.expected.line);
      edit = {
        fromLine: example.expected.line + 1,
        deleteCount: example.expected.endLine - example.expected.line - 1,
        lines: printed.split('\n').map((line) => indent + line),
        note: `${example.doc.displayPath}:${example.line}: output block rewritten`,
      };
    } else if (!example.expected && mode === 'all' && outcome.passed && printed !== '') {
      const indent = fenceIndent(example.doc.text ?? '', example.line);
      edit = {
        fromLine: example.endLine + 1,
        deleteCount: 0,
        lines: [
          '',
          `${indent}**Output:**`,
          '',
          `${indent}\`\`\`text`,
          ...printed.split('\n').map((line) => indent + line),
          `${indent}\`\`\``,
        ],
        note: `${example.doc.displayPath}:${example.line}: output block added`,
      };
    }
    if (edit) editsByFile.set(example.doc, [...(editsByFile.get(example.doc) ?? []), edit]);
  }

  const notes: string[] = [];
  for (const [doc, edits] of editsByFile) {
    const file = path.join(contentDir, doc.file);
    const original = await readFile(file, 'utf8');
    const eol = original.includes('\r\n') ? '\r\n' : '\n';
    const lines = original.split(/\r?\n/);
    // Bottom-up, so that earlier line numbers stay valid.
    for (const edit of [...edits].sort((a, b) => b.fromLine - a.fromLine)) {
      lines.splice(edit.fromLine - 1, edit.deleteCount, ...edit.lines);
      notes.push(edit.note);
    }
    await writeFile(file, lines.join(eol));
  }
  return notes.sort();
}

function fenceIndent(text: string, line: number): string {
  return /^[ \t]*/.exec(text.split('\n')[line - 1] ?? '')?.[0] ?? '';
}

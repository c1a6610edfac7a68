import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Example } from './collect-examples.ts';
import { normaliseOutput } from './match-output.ts';
import type { ExampleRunReport } from './run-examples.ts';

/** `changed`: rewrite blocks that differ; `all`: also add missing blocks; `throws`: also rewrite `throws` examples' blocks. */
export type UpdateMode = 'changed' | 'all' | 'throws';

/** One output block `--update` wrote: where its example is, and whether the block was rewritten or added. */
export interface OutputUpdate {
  /** The example's file, as diagnostics name it. */
  file: string;
  /** The example's first line. */
  line: number;
  change: 'rewritten' | 'added';
}

interface Edit {
  /** 1-based first line replaced; lines before it are kept. */
  fromLine: number;
  /** Number of lines replaced (0 inserts). */
  deleteCount: number;
  lines: string[];
  update: OutputUpdate;
}

/**
 * Rewrites output blocks from what the examples printed, keeping every other byte of each
 * file (line endings included). Returns the changes, by file and line.
 */
export async function updateOutputs(
  report: ExampleRunReport,
  contentDir: string,
  mode: UpdateMode,
): Promise<OutputUpdate[]> {
  const editsByFile = new Map<Example['doc'], Edit[]>();
  for (const example of report.examples) {
    const outcome = report.outcomes.get(example);
    if (!outcome) continue;
    const throws = example.meta.flags.has('throws');
    if (throws && mode !== 'throws') continue;
    const printed = normaliseOutput(outcome.printed);
    let edit: Edit | undefined;
    if (example.expected && outcome.ruleId === 'example-output-mismatch' && !example.session) {
      const lines = (example.doc.text ?? '').split(/\r?\n/);
      const { line, endLine } = example.expected;
      const opening = parseFence(lines[line - 1] ?? '');
      const closing = lines[endLine - 1] ?? '';
      const closed = endLine > line && parseFence(closing)?.info === '';
      const indent = opening?.indent ?? '';
      const fence = fenceFor(printed, opening);
      edit = {
        fromLine: line,
        deleteCount: endLine - line + 1,
        lines: [
          opening ? `${indent}${fence}${opening.info}` : (lines[line - 1] ?? ''),
          ...printed.split('\n').map((text) => indent + text),
          // An unclosed block (it ran to the end of the file) gets its closing fence.
          closed ? `${/^[ \t]*/.exec(closing)![0]}${fence}` : `${indent}${fence}`,
        ],
        update: { file: example.doc.displayPath, line: example.line, change: 'rewritten' },
      };
    } else if (!example.expected && mode === 'all' && outcome.passed && printed !== '' && !example.session) {
      const indent = fenceIndent(example.doc.text ?? '', example.line);
      const fence = fenceFor(printed, undefined);
      edit = {
        fromLine: example.endLine + 1,
        deleteCount: 0,
        lines: [
          '',
          `${indent}**Output:**`,
          '',
          `${indent}${fence}text`,
          ...printed.split('\n').map((line) => indent + line),
          `${indent}${fence}`,
        ],
        update: { file: example.doc.displayPath, line: example.line, change: 'added' },
      };
    }
    if (edit) editsByFile.set(example.doc, [...(editsByFile.get(example.doc) ?? []), edit]);
  }

  const updates: OutputUpdate[] = [];
  for (const [doc, edits] of editsByFile) {
    const file = path.join(contentDir, doc.file);
    const original = await readFile(file, 'utf8');
    const eol = original.includes('\r\n') ? '\r\n' : '\n';
    const lines = original.split(/\r?\n/);
    // Bottom-up, so that earlier line numbers stay valid.
    for (const edit of [...edits].sort((a, b) => b.fromLine - a.fromLine)) {
      lines.splice(edit.fromLine - 1, edit.deleteCount, ...edit.lines);
      updates.push(edit.update);
    }
    await writeFile(file, lines.join(eol));
  }
  return updates.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** A fence line's parts: its indentation, its run of backticks or tildes, and what follows. */
function parseFence(
  line: string,
): { indent: string; char: string; length: number; info: string } | undefined {
  const match = /^([ \t]*)(`{3,}|~{3,})(.*)$/.exec(line);
  if (!match) return undefined;
  return {
    indent: match[1]!,
    char: match[2]![0]!,
    length: match[2]!.length,
    info: match[3]!.trim() === '' ? '' : match[3]!,
  };
}

/**
 * The fence for a block holding `text`: the block's own character, and longer than any run of
 * it in the text, so that no printed line can close the block early (CommonMark's rule).
 */
function fenceFor(text: string, opening: { char: string; length: number } | undefined): string {
  const char = opening?.char ?? '`';
  const runs = text.match(char === '`' ? /`+/g : /~+/g) ?? [];
  const longest = Math.max(0, ...runs.map((run) => run.length));
  return char.repeat(Math.max(3, opening?.length ?? 3, longest + 1));
}

function fenceIndent(text: string, line: number): string {
  return /^[ \t]*/.exec(text.split('\n')[line - 1] ?? '')?.[0] ?? '';
}

import type { ContentDocument } from '../model/load-document.ts';
import { parseFenceMeta, type FenceMeta } from '../markdown/fence-meta.ts';
import { isSession, sessionSource } from './python-session.ts';
import { runtimeForLanguage, type RuntimeSpec } from './runtimes.ts';

/** What the runner reads of a document: where it is, its text, and its code blocks. */
export type ExampleDocument = Pick<ContentDocument, 'file' | 'displayPath' | 'text' | 'facts'>;

/** A runnable code block of an article, with what it must print. */
export interface Example {
  doc: ExampleDocument;
  /** 1-based position of the example among the article's runnable blocks. */
  index: number;
  language: string;
  runtime: string;
  code: string;
  meta: FenceMeta;
  /** 1-based line of the opening fence. */
  line: number;
  column: number;
  /** 1-based line of the closing fence. */
  endLine: number;
  /** The output block after the example, if any: its text and the lines of its fences. */
  expected: { text: string; line: number; endLine: number } | undefined;
  /** Earlier examples of the same article and runtime whose code runs first (`continue`). */
  prelude: Example[];
  /**
   * Earlier examples of the same article and runtime that may run first (not `norun`, not
   * `throws`): what a fragment that uses their names is run after, as `continue` would.
   */
  earlier: Example[];
  /** A console session (`pycon`, or `>>>` prompts): each statement's shown value is checked. */
  session: boolean;
}

/** Meta words the runner understands. */
export const KNOWN_FLAGS = ['norun', 'throws', 'continue', 'nocheck'] as const;
/** Meta options the runner understands (`title` is the caption). */
export const KNOWN_OPTIONS = ['timeout', 'title', 'hl_lines', 'linenums'] as const;

/**
 * The fenced blocks of a document whose language maps to a runtime, with their output blocks.
 * A `continue` block runs after the earlier blocks of its article and runtime that are
 * not `norun` or `throws` (those would stop the program, or are not meant to run). A Python
 * block in `pycon`, or whose first line starts with `>>>`, is a console session.
 */
export function collectExamples(doc: ExampleDocument, runtimes: Record<string, RuntimeSpec>): Example[] {
  const examples: Example[] = [];
  for (const block of doc.facts?.code ?? []) {
    const runtime = runtimeForLanguage(runtimes, block.lang);
    if (!runtime) continue;
    const meta = parseFenceMeta(block.meta);
    const language = block.lang ?? '';
    const example: Example = {
      doc,
      index: examples.length + 1,
      language,
      runtime: runtime[0],
      code: block.value,
      meta,
      line: block.line,
      column: block.column,
      endLine: block.endLine,
      expected: block.output && {
        text: block.output.text,
        line: block.output.line,
        endLine: block.output.endLine,
      },
      prelude: [],
      earlier: examples.filter(
        (e) => e.runtime === runtime[0] && !e.meta.flags.has('norun') && !e.meta.flags.has('throws'),
      ),
      session:
        runtime[1].family === 'python' && (language.toLowerCase() === 'pycon' || isSession(block.value)),
    };
    if (meta.flags.has('continue')) example.prelude = example.earlier;
    examples.push(example);
  }
  return examples;
}

/** The whole program an example runs: its prelude's code, then its own. */
export function programParts(example: Example): string[] {
  return [...example.prelude.map(scriptOf), example.code];
}

/** An example's code as a script: a session's statements without prompts, other code as it is. */
export function scriptOf(example: Example): string {
  return example.session ? sessionSource(example.code) : example.code;
}

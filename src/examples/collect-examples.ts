import type { Code, Parent, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ContentDocument } from '../pipeline/load-documents.ts';
import { parseFenceMeta, type FenceMeta } from '../pipeline/fence-meta.ts';
import { findOutputBlock, OUTPUT_LANGUAGES } from '../pipeline/output-blocks.ts';
import { runtimeForLanguage, type RuntimeSpec } from './runtimes.ts';

/** A runnable code block of an article, with what it must print. */
export interface Example {
  doc: ContentDocument;
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
  /** The output block after the example, if any. */
  expected: { text: string; node: Code } | undefined;
  /** Earlier examples of the same article and runtime whose code runs first (`continue`). */
  prelude: Example[];
}

/** Meta words the runner understands. */
export const KNOWN_FLAGS = ['norun', 'throws', 'continue', 'nocheck'] as const;
/** Meta options the runner understands (`title` is the caption). */
export const KNOWN_OPTIONS = ['timeout', 'title'] as const;

/**
 * Finds every fenced block whose language maps to a runtime, with its output block.
 * A `continue` block runs after the earlier blocks of its article and runtime that are
 * not `norun` or `throws` (those would stop the program, or are not meant to run).
 */
export function collectExamples(doc: ContentDocument, runtimes: Record<string, RuntimeSpec>): Example[] {
  if (!doc.tree) return [];
  const examples: Example[] = [];
  visit(doc.tree, 'code', (node: Code, index, parent: Parent | undefined) => {
    if (OUTPUT_LANGUAGES.has(node.lang ?? '') || isOutputOfPrevious(parent, index)) return;
    const runtime = runtimeForLanguage(runtimes, node.lang);
    if (!runtime) return;
    const output =
      parent && index !== undefined ? findOutputBlock(parent.children as RootContent[], index) : undefined;
    const meta = parseFenceMeta(node.meta);
    const example: Example = {
      doc,
      index: examples.length + 1,
      language: node.lang ?? '',
      runtime: runtime[0],
      code: node.value,
      meta,
      line: node.position?.start.line ?? 0,
      column: node.position?.start.column ?? 0,
      endLine: node.position?.end.line ?? 0,
      expected: output ? { text: output.code.value, node: output.code } : undefined,
      prelude: [],
    };
    if (meta.flags.has('continue')) {
      const previous = examples.filter(
        (e) => e.runtime === example.runtime && !e.meta.flags.has('norun') && !e.meta.flags.has('throws'),
      );
      example.prelude = previous;
    }
    examples.push(example);
  });
  return examples;
}

/** The whole program an example runs: its prelude's code, then its own. */
export function programParts(example: Example): string[] {
  return [...example.prelude.map((e) => e.code), example.code];
}

function isOutputOfPrevious(parent: Parent | undefined, index: number | undefined): boolean {
  if (!parent || index === undefined) return false;
  const siblings = parent.children as RootContent[];
  for (const back of [1, 2]) {
    const candidate = siblings[index - back];
    if (candidate?.type === 'code' && !OUTPUT_LANGUAGES.has(candidate.lang ?? '')) {
      return findOutputBlock(siblings, index - back)?.index === index;
    }
  }
  return false;
}

import type { Processor } from 'unified';
import { delimiterFromMarkdown, delimiterSyntax, type DelimiterKind } from './delimited-spans.ts';
import { escapedSpaceSyntax } from './escaped-space.ts';

/** The options of `pymdownx.caret` as `mkdocs.yml` gives them. */
export interface CaretOptions {
  /** `^^text^^` is inserted text (`<ins>`); default true. */
  insert?: boolean;
  /** `^text^` is superscript (`<sup>`); default true. */
  superscript?: boolean;
  /** Only whole words are inserted (`^^a^^b` stays text); default true. */
  smart_insert?: boolean;
}

/**
 * pymdownx.caret: inserted text and superscript.
 *
 * ```md
 * ^^Added^^ in Node.js 22.       →  <ins>Added</ins> in Node.js 22.
 * 2^10^ tasks                     →  2<sup>10</sup> tasks
 * ^^^both^^^                      →  <ins><sup>both</sup></ins>
 * ```
 *
 * A superscript holds no whitespace unless it is escaped (`^a\ b^`), as in pymdownx.
 */
export function remarkCaret(this: Processor, options: CaretOptions = {}) {
  const insert = options.insert !== false;
  const superscript = options.superscript !== false;
  const smart = options.smart_insert !== false;
  const kinds: DelimiterKind[] = [];
  if (insert) kinds.push({ size: 2, nodes: ['insert'], smart, noWhitespace: false });
  if (superscript) kinds.push({ size: 1, nodes: ['superscript'], smart: false, noWhitespace: true });
  if (insert && superscript)
    kinds.push({ size: 3, nodes: ['insert', 'superscript'], smart: false, noWhitespace: true });
  if (kinds.length === 0) return;
  const data = this.data();
  (data.micromarkExtensions ??= []).push(delimiterSyntax('^', kinds));
  if (superscript) data.micromarkExtensions.push(escapedSpaceSyntax());
  (data.fromMarkdownExtensions ??= []).push(delimiterFromMarkdown());
}

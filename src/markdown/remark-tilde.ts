import type { Processor } from 'unified';
import { delimiterFromMarkdown, delimiterSyntax, type DelimiterKind } from './delimited-spans.ts';
import { escapedSpaceSyntax } from './escaped-space.ts';

/** The options of `pymdownx.tilde` as `mkdocs.yml` gives them. */
export interface TildeOptions {
  /** `~~text~~` is deleted text (`<del>`); default true. */
  delete?: boolean;
  /** `~text~` is subscript (`<sub>`); default true. */
  subscript?: boolean;
  /** Only whole words are deleted (`~~a~~b` stays text); default true. */
  smart_delete?: boolean;
}

/**
 * pymdownx.tilde: deleted text and subscript.
 *
 * ```md
 * ~~callbacks~~ promises          →  <del>callbacks</del> promises
 * H~2~O                           →  H<sub>2</sub>O
 * ```
 *
 * Replaces GFM strikethrough, which reads `~one~` as deleted text where pymdownx reads
 * a subscript: this syntax is tried for every `~`, and GFM's is never registered
 * (`remark-gfm-syntax.ts`), so that a run this one refuses stays text.
 */
export function remarkTilde(this: Processor, options: TildeOptions = {}) {
  const remove = options.delete !== false;
  const subscript = options.subscript !== false;
  const smart = options.smart_delete !== false;
  const kinds: DelimiterKind[] = [];
  if (remove) kinds.push({ size: 2, nodes: ['delete'], smart, noWhitespace: false });
  if (subscript) kinds.push({ size: 1, nodes: ['subscript'], smart: false, noWhitespace: true });
  if (remove && subscript)
    kinds.push({ size: 3, nodes: ['delete', 'subscript'], smart: false, noWhitespace: true });
  if (kinds.length === 0) return;
  const data = this.data();
  (data.micromarkExtensions ??= []).push(delimiterSyntax('~', kinds));
  if (subscript) data.micromarkExtensions.push(escapedSpaceSyntax());
  (data.fromMarkdownExtensions ??= []).push(delimiterFromMarkdown());
}

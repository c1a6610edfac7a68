import type { Processor } from 'unified';
import { delimiterFromMarkdown, delimiterSyntax } from './delimited-spans.ts';

/** The options of `pymdownx.mark` as `mkdocs.yml` gives them. */
export interface MarkOptions {
  /** Only whole words are marked (`==a==b` stays text); pymdownx's default is true. */
  smart_mark?: boolean;
}

/**
 * pymdownx.mark: highlighted text.
 *
 * ```md
 * Await ==only once== per promise.   →  Await <mark>only once</mark> per promise.
 * ```
 *
 * A micromark syntax extension (see `delimited-spans.ts`), so `==` inside code, URLs and
 * HTML, or escaped as `\==`, is left alone.
 */
export function remarkMark(this: Processor, options: MarkOptions = {}) {
  const smart = options.smart_mark !== false;
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    delimiterSyntax('=', [{ size: 2, nodes: ['mark'], smart, noWhitespace: false }]),
  );
  (data.fromMarkdownExtensions ??= []).push(delimiterFromMarkdown());
}

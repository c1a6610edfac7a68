import type { Processor } from 'unified';

/** Options of {@link remarkDisableSyntax}. */
export interface DisableSyntaxOptions {
  /** Names of micromark constructs to turn off, such as `strikethrough` or `tasklistCheck`. */
  constructs: string[];
}

/**
 * Turns off syntax that MkDocs does not have unless an extension adds it.
 *
 * ```md
 * ~~old~~ and - [ ] todo     →  stay text, as Python-Markdown leaves them
 * ```
 *
 * remark-gfm reads GFM strikethrough and task lists; MkDocs reads them only with
 * `pymdownx.tilde` and `pymdownx.tasklist`. Micromark's `disable` list switches the
 * constructs off by name, so the parser leaves their characters as text.
 */
export function remarkDisableSyntax(this: Processor, options: DisableSyntaxOptions) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: [...options.constructs] } });
}

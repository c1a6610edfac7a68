import type { InlineCode, Root } from 'mdast';
import { visit } from './visit-tree.ts';

/** The `data-inline-language` attribute that marks inline code for the render step to highlight. */
export const INLINE_LANGUAGE_PROPERTY = 'dataInlineLanguage';

/** pymdownx.inlinehilite's language prefix: `#!lang ` or `:::lang ` right after the backticks. */
const LANGUAGE_PREFIX = /^(?::{3,}|#!)([\w#.+-]*)\s+(?=\S)/;

/**
 * pymdownx.inlinehilite: inline code that names its language is highlighted like a code block.
 *
 * ```md
 * `#!python asyncio.run(main())`  →  <code class="highlight" data-inline-language="python">asyncio.run(main())</code>
 * `:::js await sleep(10)`         →  the same, for JavaScript
 * `#!python`                      →  left as it is (no code after the prefix)
 * ```
 *
 * The prefix is removed here, so every fact taken from the tree (plain text, search, the short
 * answer) reads the code as MkDocs shows it; the render step colours it with the page's
 * highlighter (`rehype-inline-hilite.ts`). Code with an empty language (`#! x`) loses its prefix
 * and stays plain, as pymdownx leaves it without `style_plain_text`.
 */
export function remarkInlineHilite() {
  return (tree: Root) => {
    visit(tree, 'inlineCode', (node: InlineCode) => {
      const prefix = LANGUAGE_PREFIX.exec(node.value);
      if (!prefix) return;
      const language = prefix[1] ?? '';
      node.value = node.value.slice(prefix[0].length).trim();
      if (!language) return;
      const data = (node.data ??= {});
      data.hProperties = {
        ...data.hProperties,
        className: ['highlight'],
        [INLINE_LANGUAGE_PROPERTY]: language,
      };
    });
  };
}

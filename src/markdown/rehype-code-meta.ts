import type { Element, Root } from 'hast';
import { visit } from './visit-tree.ts';

/**
 * Keeps each code block's fence meta (`title="Example 1" linenums="1" hl_lines="2 3"`) through
 * rehype-raw, which re-parses the tree and drops every node's `data`: the meta moves from
 * `data.meta` (where remark-rehype puts it) to the `metastring` property, which survives the
 * re-parse and is where Astro's shiki step reads it when `data` is gone. Shiki replaces the
 * element, so the property never reaches the page; `math` blocks, which Astro's shiki step
 * leaves alone, keep their `data` only.
 *
 * ```html
 * <code class="language-py"> + data.meta  →  <code class="language-py" metastring="hl_lines=&quot;2&quot;">
 * ```
 */
export function rehypeCodeMeta() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const meta = node.data?.meta;
      if (node.tagName !== 'code' || typeof meta !== 'string' || !meta) return;
      const className = node.properties['className'];
      if (Array.isArray(className) && className.includes('language-math')) return;
      node.properties['metastring'] = meta;
    });
  };
}

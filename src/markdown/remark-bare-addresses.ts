import type { Link, Parent, Root } from 'mdast';
import { visit } from './visit-tree.ts';
import type { VFile } from 'vfile';

/**
 * Bare addresses stay text, as Python-Markdown leaves them without pymdownx.magiclink.
 *
 * ```md
 * See https://example.org/docs or www.example.org.   →  <p>See https://example.org/docs or www.example.org.</p>
 * See <https://example.org/docs>.                    →  a link: `<…>` is core Markdown
 * ```
 *
 * remark-gfm links them (GFM's autolink literals), in its parser and in a transform of the
 * tree, so they are unlinked here: a link whose source starts with neither `[` nor `<` came
 * from a bare address, and becomes the text it was written as.
 */
export function remarkBareAddresses() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'link', (link: Link, index, parent: Parent | undefined) => {
      const start = link.position?.start.offset;
      const end = link.position?.end.offset;
      if (!parent || index === undefined || start === undefined || end === undefined) return;
      if (source[start] === '[' || source[start] === '<') return;
      parent.children[index] = { type: 'text', value: source.slice(start, end), position: link.position };
    });
  };
}

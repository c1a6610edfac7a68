import type { Root } from 'mdast';
import { visit } from './visit-tree.ts';
import type { VFile } from 'vfile';

/** Gives a link written in `file` (its path relative to the content folder) its URL on the site, or undefined to keep it. */
export type LinkRewriter = (url: string, file: string) => string | undefined;

/**
 * Rewrites each link, image and definition URL as `rewrite` says (links written the MkDocs way,
 * relative to the Markdown file, become site URLs); a URL it returns nothing for stays as written.
 *
 * ```md
 * [Timeouts](timeouts.md#with-abortsignal)   →  /topic/timeouts/#with-abortsignal
 * ![Diagram](loop.png)                       →  /topic/loop.png
 * ```
 */
export function remarkRewriteLinks(options: { rewrite: LinkRewriter }) {
  return (tree: Root, file: VFile) => {
    const from = file.path;
    visit(tree, ['link', 'image', 'definition'], (node) => {
      if (!('url' in node)) return;
      const rewritten = options.rewrite(node.url, from);
      if (rewritten !== undefined) node.url = rewritten;
    });
  };
}

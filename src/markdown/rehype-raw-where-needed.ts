import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';
import { visit } from './visit-tree.ts';

declare module 'vfile' {
  interface DataMap {
    /** The body holds elements the author wrote as HTML (`md_in_html`), noted before remark-rehype. */
    kbHtmlElements: boolean;
  }
}

/** Notes whether the body holds elements written as HTML, which rehype-raw must see (below). */
export function remarkNoteHtmlElements() {
  return (tree: Root, file: VFile) => {
    let found = false;
    visit(tree, (node) => {
      if (!node.data?.kbFromHtml) return undefined;
      found = true;
      return false;
    });
    file.data.kbHtmlElements = found;
  };
}

/**
 * rehype-raw, for a body that needs it: one with raw HTML, or with elements the author wrote as
 * HTML, whose content the HTML parser may rearrange (a block inside a `<p>`). A body built from
 * Markdown alone comes back from parse5 as it went in, so it skips the round trip, about a
 * twentieth of rendering a body. `always`: every body takes it (the tests compare both).
 */
export function rehypeRawWhereNeeded(options: { always?: boolean } = {}) {
  const raw = rehypeRaw();
  return (tree: HastRoot, file: VFile) => {
    let needed = options.always === true || file.data.kbHtmlElements === true;
    if (!needed) {
      visit(tree, 'raw', () => {
        needed = true;
        return false;
      });
    }
    return needed ? raw(tree, file) : undefined;
  };
}

import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { visit } from './visit-tree.ts';
import type { VFile } from 'vfile';
import type { TableOfContents } from './mdast-block-extensions.ts';
import { readBlockSyntaxes } from './block-syntax.ts';

/** Python-Markdown's `toc` options that place the table of contents, as `mkdocs.yml` gives them. */
export interface TocMarkerOptions {
  /** The paragraph replaced by the table of contents; `''` turns the marker off. */
  marker?: string;
  /** The class of the table of contents' `div` (Python-Markdown 3.5). */
  toc_class?: string;
}

/**
 * Python-Markdown's `toc` marker: a paragraph that is only `[TOC]` (anywhere: in an admonition, in
 * a `<div class="toc" markdown="1">`) becomes a `tableOfContents` node, rendered `div.toc`.
 *
 * ```md
 * [TOC]
 * ```
 *
 * The node is empty until `remarkTableOfContents` fills it from the page's headings, which must
 * run after heading ids are set; the marker itself never reaches the page.
 */
export function remarkTocMarker(this: Processor, options: TocMarkerOptions = {}) {
  const marker = options.marker ?? '[TOC]';
  const className = (options.toc_class ?? 'toc').split(/\s+/).filter(Boolean);
  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
    if (marker === '') return;
    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (!node.children.every((child) => child.type === 'text')) return;
      if (
        node.children
          .map((child) => child.value)
          .join('')
          .trim() !== marker
      )
        return;
      const toc: TableOfContents = {
        type: 'tableOfContents',
        children: [],
        data: { hName: 'div', hProperties: { className } },
        ...(node.position ? { position: node.position } : {}),
      };
      parent.children[index] = toc;
    });
  };
}

import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { visit } from './visit-tree.ts';
import { readTocOptions, tocConfigOf } from './toc-options.ts';
import { headingIdsOf } from './toc-ids.ts';

/** A heading of the page: its level, its id, and its text as a table of contents shows it. */
export interface HeadingFact {
  depth: number;
  id: string;
  text: string;
  line: number;
  column: number;
}

/**
 * Gives every heading its id as Python-Markdown's `toc` makes it (its slugify, separator and
 * de-duplication, with the options `mkdocs.yml` gives `toc`), where remark-rehype puts it on the
 * element (`data.hProperties.id`): the ids the checker knows are the ids on the page. A heading
 * that already has an id (attr_list's `{#id}`) keeps it. The title heading gets one too.
 */
export function remarkHeadingIds(options: { extensions: Record<string, Record<string, unknown>> }) {
  const { options: toc } = readTocOptions(tocConfigOf(options.extensions));
  return (tree: Root, file: VFile) => {
    const ids = headingIdsOf(tree, {
      slugify: toc.slugify,
      separator: toc.separator,
      source: String(file.value),
    });
    for (const [heading, id] of ids) {
      const data = (heading.data ??= {});
      data.hProperties = { ...data.hProperties, id };
    }
  };
}

/** The headings of a tree whose ids are set, in order. */
export function headingFacts(tree: Root): HeadingFact[] {
  const headings: HeadingFact[] = [];
  visit(tree, 'heading', (node) => {
    headings.push({
      depth: node.depth,
      id: String(node.data?.hProperties?.['id'] ?? ''),
      text: toString(node).replace(/\s+/g, ' ').trim(),
      line: node.position?.start.line ?? 0,
      column: node.position?.start.column ?? 0,
    });
  });
  return headings;
}

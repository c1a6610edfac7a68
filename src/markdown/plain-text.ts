import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CONTINUE, SKIP, visit } from './visit-tree.ts';

/** Blocks whose text is read as one run: their inline content joins without spaces. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'code', 'tableCell']);

/**
 * The text a reader sees in `nodes`, one space between blocks: a paragraph and a list's items
 * read `Use a queue: one two`, where `toString` alone runs them together (`Use a queue: onetwo`).
 */
export function plainText(nodes: readonly Nodes[]): string {
  const blocks: string[] = [];
  for (const node of nodes) {
    visit(node, (child) => {
      if (!TEXT_BLOCKS.has(child.type)) return CONTINUE;
      blocks.push(toString(child));
      return SKIP;
    });
  }
  return blocks.join(' ').replace(/\s+/g, ' ').trim();
}

import type { Nodes, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from './visit-tree.ts';

/** Nodes whose text is read: the text itself, inline code (as a placeholder), and the blocks that start text afresh. */
const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** What the quote step can change: a straight quote. */
const QUOTE = /["']/;
/**
 * What the dash, ellipsis and backtick steps can change: `--`, an en dash before a hyphen, dots
 * in a row or with white space between (parse-latin's white space), ` `` ` and `''`.
 */
const DASH_DOTS_OR_BACKTICKS =
  /--|–-|\.\.|\.[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+\.|``|''/;

/**
 * Python-Markdown's `smarty`: curly quotes, `--` an en dash, `---` an em dash, `...` an ellipsis.
 *
 * ```md
 * "It's done" -- she said --- at last...  →  “It’s done” – she said — at last…
 * ```
 *
 * As remark-smartypants 3 does it, with retext-smartypants and old-school dashes: the text of
 * the whole page is read at once for quotes (so a quote before a link or emphasis pairs with
 * the one after it), inline code standing in as letters, and each text node is then read on
 * its own for dashes, ellipses and backticks. What differs is only what it skips: a step is run
 * on text only where that text holds a character it can change, since reading text with
 * retext (parse-latin) cost about a third of parsing a page, and most text nodes hold none.
 */
export function remarkSmartPunctuation() {
  // Quotes alone first: the other steps change the text's length, which the second pass must keep.
  const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
  const dashes = retext().use(retextSmartypants, { dashes: 'oldschool', quotes: false });
  return (tree: Root) => {
    let allText = '';
    const nodes: Nodes[] = [];
    visit(tree, (node, _index, parent) => {
      if (!parent || !VISITED.has(node.type)) return;
      if ('value' in node && typeof node.value === 'string') {
        allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      } else if (BLOCKS.has(node.type)) {
        // A block's text starts afresh: a quote at its start opens.
        allText += ' ';
      } else {
        return;
      }
      nodes.push(node);
    });
    if (QUOTE.test(allText)) allText = quotes.processSync(allText).toString();
    let start = 0;
    for (const node of nodes) {
      if ('value' in node && typeof node.value === 'string') {
        const end = start + node.value.length;
        if (node.type === 'text') {
          const text = allText.slice(start, end);
          node.value = DASH_DOTS_OR_BACKTICKS.test(text) ? dashes.processSync(text).toString() : text;
        }
        start = end;
      } else {
        start += 1;
      }
    }
  };
}

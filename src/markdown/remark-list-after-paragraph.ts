import type { List, ListItem, Paragraph, Parent, PhrasingContent, Root } from 'mdast';
import type { Processor } from 'unified';
import { visit } from './visit-tree.ts';
import type { VFile } from 'vfile';
import { readBlockSyntaxes } from './block-syntax.ts';

/**
 * Python-Markdown's rule that a list needs a blank line before it: a list that starts on the
 * line after a paragraph is part of the paragraph, its markers as text, as MkDocs shows it.
 *
 * ```md
 * Please include:         →  <p>Please include:
 * - the question             - the question
 * - what you tried           - what you tried</p>
 * ```
 *
 * CommonMark lets the list interrupt the paragraph; MkDocs does not, in any container (block
 * quotes, admonitions, list items, footnotes). The text of a list item followed by a nested
 * list is not such a paragraph: `* item` with an indented `* nested` on the next line nests, in
 * MkDocs too. A loose item's later paragraph is: the items on the lines right after it join it. Each item's text keeps its inline markup, as Python-Markdown reads the lines; a
 * list whose items hold more than one line of text each is left a list (rare, and where
 * Python-Markdown's reading could not be rebuilt). A warning at the list says how to make it
 * one (`markdown-syntax-unread`).
 */
export function remarkListAfterParagraph(this: Processor) {
  return (tree: Root, file: VFile) => {
    // Inside admonitions, tabs and other containers too: their bodies must be read first.
    readBlockSyntaxes(this, tree, file);
    const source = String(file.value);
    const warn = (list: List) =>
      file.message(
        'this list follows a line of text without a blank line between them, so it is part of that paragraph, as in MkDocs; add a blank line before the list to make it a list',
        { place: list.position?.start, ruleId: 'markdown-syntax-unread', source: 'proven-kb' },
      );
    const parents: Parent[] = [];
    visit(tree, (node) => {
      if ('children' in node) parents.push(node as Parent);
    });
    // Innermost first: a nested list that joins its paragraph can leave that paragraph last in
    // its item, where the next items may join it in turn.
    for (const parent of parents.reverse()) {
      for (let index = parent.children.length - 1; index > 0; index -= 1) {
        const list = parent.children[index];
        const paragraph = parent.children[index - 1];
        if (list?.type !== 'list' || paragraph?.type !== 'paragraph') continue;
        // An item's own text, with its nested list under it.
        if (parent.type === 'listItem' && index - 1 === 0) continue;
        if (!joinItems(paragraph, list.children, source)) continue;
        parent.children.splice(index, 1);
        warn(list);
      }
      if (parent.type === 'list') joinItemsToParagraphs(parent as List, source, warn);
    }
  };
}

/**
 * The other way a list follows a paragraph: the next items of a list right after a paragraph
 * that a loose item holds after its own text (`- a`, a blank line, `    b`, then `- c` on the
 * next line). Python-Markdown reads `- c` and the items right after it into that paragraph.
 */
function joinItemsToParagraphs(list: List, source: string, warn: (list: List) => void): void {
  for (let index = 0; index < list.children.length - 1; index += 1) {
    const item = list.children[index]!;
    const last = item.children.at(-1);
    if (item.children.length < 2 || last?.type !== 'paragraph') continue;
    let count = 0;
    let line = last.position?.end.line;
    for (const next of list.children.slice(index + 1)) {
      if (line === undefined || next.position?.start.line !== line + 1) break;
      count += 1;
      line = next.position.end.line;
    }
    const following = list.children.slice(index + 1, index + 1 + count);
    if (count === 0 || !joinItems(last, following, source)) continue;
    list.children.splice(index + 1, count);
    warn({ ...list, position: following[0]!.position });
  }
}

/**
 * Appends `items` to `paragraph` as text: each item's marker as written, then its text, on
 * lines of their own. False, and nothing changed, unless the first item starts on the line
 * after the paragraph and every item is one line of text.
 */
function joinItems(paragraph: Paragraph, items: readonly ListItem[], source: string): boolean {
  const end = paragraph.position?.end;
  const start = items[0]?.position?.start;
  if (!end || !start || start.line !== end.line + 1) return false;
  const joined: PhrasingContent[] = [];
  for (const item of items) {
    const [text, ...rest] = item.children;
    const itemStart = item.position?.start.offset;
    if (rest.length > 0 || itemStart === undefined || text?.type !== 'paragraph') return false;
    const textStart = text.children[0]?.position?.start.offset;
    if (textStart === undefined || text.position?.start.line !== text.position?.end.line) return false;
    // The marker and what GFM read as the item's checkbox (`- [x] `), as Python-Markdown shows them.
    joined.push({ type: 'text', value: `\n${source.slice(itemStart, textStart)}` }, ...text.children);
  }
  paragraph.children.push(...joined);
  const last = items.at(-1)?.position?.end;
  if (paragraph.position && last) paragraph.position.end = last;
  return true;
}

import type { Html, Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { type BlockCursor, type BlockSyntax, readBlockSyntaxes, useBlockSyntax } from './block-syntax.ts';
import { BLOCK_LEVEL_ELEMENTS, type HtmlBlock, readHtmlBlock } from './html-block.ts';
import { leadingWhitespace } from './source-fragment.ts';

/**
 * Raw HTML blocks as Python-Markdown reads them (part of Python-Markdown itself, not an extension).
 *
 * ```md
 * <div class="note">
 * Raw, **not** Markdown.
 *
 * Still raw: the block ends at its closing tag, not at a blank line.
 * </div>
 * **Markdown** again, although no blank line separates it.
 * ```
 *
 * CommonMark ends an HTML block at the first blank line, so the text after it becomes Markdown,
 * and it runs on past the closing tag until a blank line, so the text after it stays raw.
 * Python-Markdown does the opposite on both counts: a block starting with a block-level tag runs
 * to its matching closing tag, and what follows the tag is Markdown. The `html` node is made to
 * span exactly that. An element that never closes is left as CommonMark reads it, with a warning
 * (Python-Markdown would swallow the rest of the page).
 */
export function remarkRawHtml(this: Processor) {
  useBlockSyntax(this, rawHtmlSyntax());
  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
  };
}

function rawHtmlSyntax(): BlockSyntax {
  return {
    name: 'raw-html',
    priority: 200,
    read(cursor) {
      const block = htmlBlockAt(cursor);
      if (!block || block.tagName === 'hr') return false;
      if (!block.close) {
        warnUnclosed(cursor, block);
        return false;
      }
      return takeRawHtml(cursor, block.close.end);
    },
  };
}

/** The block-level element an `html` node starts with, read as far as the node's parent goes. */
export function htmlBlockAt(cursor: BlockCursor): HtmlBlock | undefined {
  if (cursor.node.type !== 'html' || !cursor.text.startsWith('<')) return undefined;
  const block = readHtmlBlock(cursor.fragment.lines, { line: cursor.line, index: cursor.indent }, cursor.end);
  return block && BLOCK_LEVEL_ELEMENTS.has(block.tagName) ? block : undefined;
}

/** Replaces the node and what follows up to `end` with one raw `html` node; false if nothing changes. */
export function takeRawHtml(cursor: BlockCursor, end: { line: number; index: number }): boolean {
  const { node, fragment } = cursor;
  const nodeEnd = node.position!.end;
  const lines: string[] = [];
  for (let line = cursor.line; line <= end.line; line++) {
    const full = fragment.lines[line - 1] ?? '';
    const from =
      line === cursor.line ? cursor.indent : Math.min(cursor.indent, leadingWhitespace(full).length);
    lines.push(full.slice(from, line === end.line ? end.index : undefined));
  }
  const lastLine = fragment.lines[end.line - 1] ?? '';
  const nothingAfter = lastLine.slice(end.index).trim() === '';
  if (nodeEnd.line === end.line && nothingAfter) return false;
  const html: Html = {
    type: 'html',
    value: lines.join('\n'),
    position: {
      start: cursor.engine.point(fragment, cursor.line, cursor.indent + 1, 'start'),
      end: cursor.engine.point(fragment, end.line, end.index + 1, 'end'),
    },
  };
  cursor.take({ line: end.line, column: end.index }, [html]);
  return true;
}

function warnUnclosed(cursor: BlockCursor, block: HtmlBlock): void {
  const place = cursor.engine.point(cursor.fragment, cursor.line, cursor.indent + 1);
  cursor.engine.file.message(
    `\`<${block.tagName}>\` is never closed; MkDocs would show the rest of the page as raw HTML, so close it with \`</${block.tagName}>\``,
    { place, ruleId: 'html-unclosed', source: 'proven-kb' },
  );
}

import type { Root, RootContent } from 'mdast';
import type { Properties } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { HtmlElement } from './mdast-block-extensions.ts';
import { type BlockCursor, type BlockSyntax, readBlockSyntaxes, useBlockSyntax } from './block-syntax.ts';
import { BLOCK_LEVEL_ELEMENTS, type HtmlBlock } from './html-block.ts';
import { htmlBlockAt, takeRawHtml } from './remark-raw-html.ts';
import { type LinePart, leadingWhitespace, subFragment } from './source-fragment.ts';

/** Block-level elements whose content Python-Markdown parses as inline Markdown only. */
// prettier-ignore
const SPAN_ELEMENTS = new Set([
  'address', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'legend', 'li', 'p', 'summary', 'td', 'th',
]);
/** Block-level elements whose content is never parsed. */
const RAW_ELEMENTS = new Set(['canvas', 'math', 'option', 'pre', 'script', 'style', 'textarea', 'hr']);

/**
 * Python-Markdown's `md_in_html`: Markdown inside a block-level HTML element that asks for it.
 *
 * ```md
 * <div class="grid" markdown="1">
 * **Parsed** as Markdown, with or without a blank line after the tag.
 *
 * - lists, code, other containers
 * </div>
 * <p markdown="span">Only *inline* Markdown.</p>
 * ```
 *
 * Each becomes an `htmlElement` node (`tagName`, its attributes as `data.hProperties` without
 * `markdown`) whose content is real mdast: blocks for `markdown="1"` / `markdown` / `"block"` on
 * a block element, phrasing for `markdown="span"` or an element that holds only text (`p`,
 * `li`, `h1`…). CommonMark would make the whole element one raw HTML block when no blank line
 * follows the tag. The element runs to its matching closing tag; nested elements without the
 * attribute stay raw HTML, as in Python-Markdown.
 */
export function remarkMdInHtml(this: Processor) {
  useBlockSyntax(this, mdInHtmlSyntax());
  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
  };
}

function mdInHtmlSyntax(): BlockSyntax {
  return {
    name: 'md_in_html',
    priority: 210,
    read(cursor) {
      const block = htmlBlockAt(cursor);
      if (!block) return false;
      const properties = attributes(block.attributes);
      if (!('markdown' in properties)) return false;
      const { markdown, ...rest } = properties;
      const mode = contentMode(block.tagName, String(markdown));
      if (mode === 'off') return block.close ? takeRawHtml(cursor, block.close.end) : false;
      const close = block.close ?? unclosed(cursor, block);
      const content = contentFragment(cursor, block, close.start);
      const children: RootContent[] =
        mode === 'block' ? cursor.engine.blocks(content) : cursor.engine.phrasing(content);
      const element: HtmlElement = {
        type: 'htmlElement',
        tagName: block.tagName,
        children,
        data: { hName: block.tagName, hProperties: rest, kbAttributes: rest, kbFromHtml: true },
        position: {
          start: cursor.engine.point(cursor.fragment, cursor.line, cursor.indent + 1, 'start'),
          end: cursor.engine.point(cursor.fragment, close.end.line, close.end.index + 1, 'end'),
        },
      };
      cursor.take({ line: close.end.line, column: close.end.index }, [element]);
      return true;
    },
  };
}

/** Python-Markdown's reading of the `markdown` attribute for a tag: `block`, `span`, or `off`. */
function contentMode(tagName: string, value: string): 'block' | 'span' | 'off' {
  const asked = value === '' || value === 'markdown' ? '1' : value;
  const spanOnly = SPAN_ELEMENTS.has(tagName);
  const blockable = !spanOnly && !RAW_ELEMENTS.has(tagName) && BLOCK_LEVEL_ELEMENTS.has(tagName);
  if ((asked === '1' && blockable) || (asked === 'block' && (blockable || spanOnly))) return 'block';
  if ((asked === '1' && spanOnly) || (asked === 'span' && (blockable || spanOnly))) return 'span';
  return 'off';
}

/** The attributes as hast properties, parsed as a browser parses them. */
function attributes(source: string): Properties {
  const [element] = fromHtml(`<div${source}></div>`, { fragment: true }).children;
  return element?.type === 'element' ? element.properties : {};
}

/** An element never closed runs to the end of its container, as Python-Markdown closes it at the end. */
function unclosed(cursor: BlockCursor, block: HtmlBlock): NonNullable<HtmlBlock['close']> {
  cursor.engine.file.message(
    `\`<${block.tagName} markdown>\` is never closed; its Markdown runs to the end of the page, so close it with \`</${block.tagName}>\``,
    {
      place: cursor.engine.point(cursor.fragment, cursor.line, cursor.indent + 1),
      ruleId: 'html-unclosed',
      source: 'proven-kb',
    },
  );
  const end = { line: cursor.end.line, index: cursor.end.column };
  return { start: end, end };
}

/** The text between the tags, without the indentation of the container the element is in. */
function contentFragment(cursor: BlockCursor, block: HtmlBlock, closeStart: { line: number; index: number }) {
  const parts: LinePart[] = [];
  for (let line = block.openEnd.line; line <= closeStart.line; line++) {
    const full = cursor.fragment.lines[line - 1] ?? '';
    const start =
      line === block.openEnd.line
        ? block.openEnd.index
        : Math.min(cursor.indent, leadingWhitespace(full).length);
    parts.push({
      line,
      start,
      ...(line === closeStart.line ? { end: Math.max(closeStart.index, start) } : {}),
    });
  }
  return subFragment(cursor.fragment, parts);
}

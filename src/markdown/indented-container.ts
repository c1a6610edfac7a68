import type { PhrasingContent, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { BlockCursor } from './block-syntax.ts';
import { type LinePart, subFragment } from './source-fragment.ts';

/**
 * The body of a container whose marker line is `cursor.line` (an admonition, a details block, a
 * tab, a definition): the lines after it indented four columns (or a tab) deeper than the marker,
 * with the blank lines among them, as Python-Markdown's block processors collect it. CommonMark
 * reads such a body as a lazy continuation of the marker's paragraph or, after a blank line, as
 * indented code; here it is cut out of the source, parsed on its own with every block syntax, and
 * its positions sent back to the file.
 */
export function readIndentedBody(
  cursor: BlockCursor,
  firstParts: LinePart[] = [],
): { children: RootContent[]; lastLine: number } {
  const parts = [...firstParts, ...indentedLines(cursor.fragment.lines, cursor.line, cursor.indent)];
  const lastLine = parts.at(-1)?.line ?? cursor.line;
  const children = parts.length > 0 ? cursor.engine.blocks(subFragment(cursor.fragment, parts)) : [];
  return { children, lastLine };
}

/** The lines after `markerLine` indented four columns deeper than `indent`, blank ones among them. */
export function indentedLines(lines: string[], markerLine: number, indent: number): LinePart[] {
  const parts: LinePart[] = [];
  for (let line = markerLine + 1; line <= lines.length; line++) {
    const text = lines[line - 1]!;
    if (text.trim() === '') {
      parts.push({ line, start: text.length });
      continue;
    }
    const start = bodyStart(text, indent);
    if (start === undefined) break;
    parts.push({ line, start });
  }
  while (parts.length > 0 && isBlank(lines, parts.at(-1)!)) parts.pop();
  return parts;
}

/** Where a body line's text starts: after the container's indentation and four more columns. */
function bodyStart(text: string, indent: number): number | undefined {
  if (!/^[ \t]*$/.test(text.slice(0, indent))) return undefined;
  let width = 0;
  let index = indent;
  while (width < 4 && (text[index] === ' ' || text[index] === '\t')) {
    // Python-Markdown expands tabs to four columns before reading blocks.
    width = text[index] === '\t' ? width + 4 - (width % 4) : width + 1;
    index++;
  }
  return width >= 4 ? index : undefined;
}

function isBlank(lines: string[], part: LinePart): boolean {
  return (lines[part.line - 1] ?? '').slice(part.start).trim() === '';
}

/** Inline Markdown of characters `[start, end)` of the marker line's text (a title), positioned in the file. */
export function markerPhrasing(cursor: BlockCursor, start: number, end: number): PhrasingContent[] {
  const offset = cursor.indent;
  return cursor.engine.phrasing(
    subFragment(cursor.fragment, [{ line: cursor.line, start: offset + start, end: offset + end }]),
  );
}

/** From the marker to the end of the container's last line, in the file. */
export function containerPosition(cursor: BlockCursor, lastLine: number): Position {
  const { engine, fragment } = cursor;
  const lastText = fragment.lines[lastLine - 1] ?? '';
  return {
    start: engine.point(fragment, cursor.line, cursor.indent + 1, 'start'),
    end: engine.point(fragment, lastLine, lastText.length + 1, 'end'),
  };
}

import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { DefinitionDescription, DefinitionList, DefinitionTerm } from './mdast-block-extensions.ts';
import { type BlockCursor, type BlockSyntax, readBlockSyntaxes, useBlockSyntax } from './block-syntax.ts';
import { containerPosition, indentedLines } from './indented-container.ts';
import { type LinePart, leadingWhitespace, subFragment } from './source-fragment.ts';

/** A definition's first line: a colon, one to three spaces, the text. */
const DEFINITION = /^:[ ]{1,3}/;
/** A line after it that is not indented: then the whole rest of the block belongs to the definition. */
const NOT_INDENTED = /^[ ]{0,3}[^ :]/;

/**
 * Python-Markdown's `def_list`: definition lists.
 *
 * ```md
 * Coroutine
 * :   A function that can pause at `await`.
 *
 *     More paragraphs, indented four spaces.
 *
 * Task
 *
 * :   After a blank line, the definition's text is wrapped in a paragraph.
 * ```
 *
 * Terms and definitions become `definitionList` > `definitionTerm` / `definitionDescription`
 * nodes, rendered `<dl><dt>…</dt><dd>…</dd></dl>`. The definition's body is real mdast; a
 * definition right under its term, alone, holds its text without a paragraph, as in MkDocs.
 */
export function remarkDefList(this: Processor) {
  useBlockSyntax(this, defListSyntax());
  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
  };
}

function defListSyntax(): BlockSyntax {
  return {
    name: 'def_list',
    priority: 25,
    opens: (text) => DEFINITION.test(text),
    read(cursor) {
      const { node } = cursor;
      const marker = DEFINITION.exec(cursor.text);
      if (node.type !== 'paragraph' || !marker) return false;
      // Terms on the lines right above, in the same block: the engine emitted them just before.
      const sameBlock = cursor.line > node.position!.start.line;
      const before = cursor.previous;
      if (!sameBlock && before === undefined) return false;
      let terms: DefinitionTerm[] = [];
      let loose = false;
      if (before?.type === 'paragraph') {
        cursor.dropPrevious();
        terms = termsOf(before);
        loose = !sameBlock;
      } else if (before?.type === 'definitionList' && !sameBlock) {
        const last = before.children.at(-1);
        loose = last?.type === 'definitionDescription' && !isPhrasing(last);
      }
      const { parts, lastLine } = definitionParts(cursor, marker[0].length);
      const children = cursor.engine.blocks(subFragment(cursor.fragment, parts));
      const [only] = children;
      const description: DefinitionDescription = {
        type: 'definitionDescription',
        // Python-Markdown keeps a tight definition's one paragraph as bare text.
        children: !loose && children.length === 1 && only?.type === 'paragraph' ? only.children : children,
        data: { hName: 'dd' },
        position: containerPosition(cursor, lastLine),
      };
      const list = cursor.previous;
      if (list?.type === 'definitionList') {
        list.children.push(...terms, description);
        if (list.position) list.position.end = description.position!.end;
        cursor.take({ line: lastLine }, []);
        return true;
      }
      const start = terms[0]?.position?.start ?? description.position!.start;
      const created: DefinitionList = {
        type: 'definitionList',
        children: [...terms, description],
        data: { hName: 'dl' },
        position: { start, end: description.position!.end },
      };
      cursor.take({ line: lastLine }, [created]);
      return true;
    },
  };
}

/** The definition's lines: the rest of the marker line, then its indented (or lazy) continuation. */
function definitionParts(cursor: BlockCursor, markerLength: number): { parts: LinePart[]; lastLine: number } {
  const { fragment, line, indent, node } = cursor;
  const parts: LinePart[] = [{ line, start: indent + markerLength }];
  const next = fragment.lines[line]?.slice(indent);
  let after = line;
  if (next !== undefined && NOT_INDENTED.test(next) && line < node.position!.end.line) {
    // Python-Markdown then takes the whole rest of the block, unindented lines and all.
    for (after = line + 1; after <= node.position!.end.line; after++) {
      const text = fragment.lines[after - 1] ?? '';
      parts.push({ line: after, start: Math.min(indent, leadingWhitespace(text).length) });
    }
    after--;
  }
  const indented = indentedLines(fragment.lines, after, indent);
  parts.push(...indented);
  return { parts, lastLine: parts.at(-1)!.line };
}

function isPhrasing(description: DefinitionDescription): boolean {
  return description.children.every((child) => !BLOCKS.has(child.type));
}

// prettier-ignore
const BLOCKS = new Set([
  'paragraph', 'heading', 'code', 'list', 'blockquote', 'table', 'html', 'thematicBreak',
  'admonition', 'tabbedSet', 'htmlElement', 'definitionList', 'math',
]);

/** One term per line of the paragraph. */
function termsOf(paragraph: Paragraph): DefinitionTerm[] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type === 'break') {
      lines.push([]);
      continue;
    }
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines.at(-1)!.push(child);
      continue;
    }
    child.value.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push([]);
      // Pieces after the first have lost their place: no position rather than a wrong one.
      lines.at(-1)!.push(index === 0 ? { ...child, value: piece } : { type: 'text', value: piece });
    });
  }
  return lines
    .map(trimLine)
    .filter((line) => line.length > 0)
    .map((line): DefinitionTerm => {
      const start = line[0]?.position?.start;
      const end = line.at(-1)?.position?.end ?? line[0]?.position?.end;
      return {
        type: 'definitionTerm',
        children: line as RootContent[],
        data: { hName: 'dt' },
        ...(start && end ? { position: { start, end } } : {}),
      };
    });
}

function trimLine(line: PhrasingContent[]): PhrasingContent[] {
  const first = line[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = line.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return line.filter((child) => child.type !== 'text' || child.value !== '');
}

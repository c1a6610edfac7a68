import type { Parent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { Admonition } from './mdast-extensions.ts';

const MARKER = /^(!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+"(.*)")?[ \t]*$/;
const IN_SHORT_TITLE = /^in short$/i;

/**
 * Material-for-MkDocs admonitions.
 *
 * ```md
 * !!! info "In short"
 *     Body indented four spaces (or a tab): paragraphs, lists, code.
 * ??? note "Closed until clicked"
 * ???+ tip "Open, but collapsible"
 * ```
 *
 * Each becomes an `admonition` node whose body is parsed as Markdown, rendered as
 * `<aside class="admonition note">` (or `<details>` with a `<summary>` when collapsible).
 * The first `!!! info "In short"` is the article's short answer: it gets the class
 * `in-short` and the flag `inShort`, which the document model reads.
 *
 * Works from the source lines, because an indented body right after the marker
 * parses as a lazy paragraph continuation, and after a blank line as indented code.
 */
export function remarkAdmonitions(this: Processor) {
  const parse = (text: string): Root => this.parse(text) as Root;
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const lines = source.split(/\r?\n/);
    const state = { count: 0, inShortSeen: false, lineStarts: lineStarts(source) };
    transformChildren(tree, lines, parse, state);
  };
}

interface State {
  count: number;
  /** Only the first "In short" admonition is the short answer. */
  inShortSeen: boolean;
  /** Offset in the file of the first character of each line, to give shifted points their offset. */
  lineStarts: number[];
}

function transformChildren(
  parent: Parent,
  lines: string[],
  parse: (text: string) => Root,
  state: State,
): void {
  const out: RootContent[] = [];
  const children = [...parent.children];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const startLine = child.position?.start.line;
    const match =
      child.type === 'paragraph' && startLine ? MARKER.exec(lines[startLine - 1]?.trim() ?? '') : null;
    if (!match || !startLine) {
      out.push(child);
      continue;
    }
    const indent = leadingWhitespace(lines[startLine - 1] ?? '');
    const body = collectBody(lines, startLine, indent);
    const lastLine = startLine + body.length;
    let endLine = child.position?.end.line ?? lastLine;
    while (i + 1 < children.length && (children[i + 1]!.position?.start.line ?? Infinity) <= lastLine) {
      i++;
      endLine = Math.max(endLine, children[i]!.position?.end.line ?? 0);
    }
    const subtree = parse(body.map((line) => line.text).join('\n'));
    shiftPositions(subtree, startLine, body, state.lineStarts);
    transformChildren(subtree, lines, parse, state);
    const admonition = makeAdmonition(match, subtree.children, state);
    // From the marker to the end of the body, so that findings about the admonition have a place.
    if (child.position) {
      const lastText = lines[lastLine - 1] ?? '';
      const endOffset = (state.lineStarts[lastLine - 1] ?? 0) + lastText.length;
      admonition.position = {
        start: { ...child.position.start },
        end: { line: lastLine, column: lastText.length + 1, offset: endOffset },
      };
    }
    out.push(admonition);
    // Unindented lines right after the body were parsed as lazy continuation of the marker's
    // paragraph; like Python-Markdown, they follow the admonition (and may start another one).
    if (endLine > lastLine) {
      const rest = lines.slice(lastLine, endLine).map((line) => dedent(line, indent));
      const restTree = parse(rest.map((line) => line.text).join('\n'));
      shiftPositions(restTree, lastLine, rest, state.lineStarts);
      children.splice(i + 1, 0, ...restTree.children);
    }
  }
  parent.children = out;
}

interface BodyLine {
  text: string;
  /** Characters removed from the start of the source line. */
  removed: number;
}

/** The admonition's body: the lines after the marker indented deeper than it, dedented. */
function collectBody(lines: string[], markerLine: number, indent: string): BodyLine[] {
  const body: BodyLine[] = [];
  for (let n = markerLine; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '') {
      body.push({ text: '', removed: 0 });
      continue;
    }
    if (!line.startsWith(indent)) break;
    const rest = line.slice(indent.length);
    const step = rest.startsWith('\t') ? 1 : rest.startsWith('    ') ? 4 : 0;
    if (step === 0) break;
    body.push({ text: rest.slice(step), removed: indent.length + step });
  }
  while (body.length > 0 && body.at(-1)!.text === '') body.pop();
  return body;
}

/** Moves positions of a body parsed on its own back to where they are in the file. */
function shiftPositions(
  node: Root | RootContent,
  markerLine: number,
  body: BodyLine[],
  starts: number[],
): void {
  const position = node.position;
  if (position) {
    for (const point of [position.start, position.end]) {
      const removed = body[point.line - 1]?.removed ?? 0;
      point.line += markerLine;
      point.column += removed;
      // hast-util-raw (rehype-raw in Astro's pipeline) asserts that a point with a line has an offset.
      point.offset = (starts[point.line - 1] ?? 0) + point.column - 1;
    }
  }
  if ('children' in node) for (const child of node.children) shiftPositions(child, markerLine, body, starts);
}

function makeAdmonition(match: RegExpExecArray, children: RootContent[], state: State): Admonition {
  const [, marker, kind = 'note', explicitTitle] = match;
  const title = explicitTitle ?? kind.charAt(0).toUpperCase() + kind.slice(1);
  const collapsible = marker === '???' ? 'closed' : marker === '???+' ? 'open' : undefined;
  const inShort = !state.inShortSeen && kind === 'info' && IN_SHORT_TITLE.test(title);
  if (inShort) state.inShortSeen = true;
  const titleId = `admonition-${++state.count}`;
  const classes = ['admonition', kind, ...(inShort ? ['in-short'] : [])];
  const titleNode = {
    type: 'paragraph' as const,
    children: [{ type: 'text' as const, value: title }],
    data: {
      hName: collapsible ? 'summary' : 'p',
      hProperties: { className: ['admonition-title'], id: titleId },
    },
  };
  return {
    type: 'admonition',
    kind,
    title,
    collapsible,
    inShort,
    children: [titleNode, ...children],
    data: {
      hName: collapsible ? 'details' : 'aside',
      hProperties: {
        className: classes,
        // The short answer weighs more in search than the body (pagefind's weights: body 1, h1 7).
        ...(inShort ? { dataPagefindWeight: '5' } : {}),
        ...(collapsible ? {} : { 'aria-labelledby': titleId }),
        ...(collapsible === 'open' ? { open: true } : {}),
      },
    },
  };
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (const match of source.matchAll(/\r?\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** Removes the indentation of the container the marker sits in (lazy lines may have less). */
function dedent(line: string, indent: string): BodyLine {
  const removed = Math.min(indent.length, leadingWhitespace(line).length);
  return { text: line.slice(removed), removed };
}

function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

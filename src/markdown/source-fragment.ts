import type { Point, Position } from 'unist';

/** Where one line of a fragment is in the file: its line, and how many characters precede it there. */
export interface LineOrigin {
  /** The file line, counted from 1. */
  line: number;
  /** Characters of the file line before the fragment line's first character. */
  removed: number;
}

/**
 * Text cut out of a Markdown file (an admonition's body, a tab, the inside of a `<div markdown>`)
 * to be parsed on its own, with the way back from its lines to the file's. Text that is not in the
 * file at all (an included snippet) has no lines there: every point in it goes to `collapsed`, the
 * place in the file that brought it in.
 */
export interface Fragment {
  lines: string[];
  origin: LineOrigin[] | { collapsed: Position };
}

/** A piece of one fragment line: the line (from 1) and the characters `[start, end)` of it. */
export interface LinePart {
  line: number;
  start: number;
  end?: number;
}

/** The whole file as a fragment: its lines, each where it is. */
export function fileFragment(source: string): Fragment {
  const lines = source.split(/\r?\n/);
  return { lines, origin: lines.map((_, index) => ({ line: index + 1, removed: 0 })) };
}

/** Text from elsewhere (a snippet file), every point of which is placed at `place` in the file. */
export function collapsedFragment(text: string, place: Position): Fragment {
  return { lines: text.split(/\r?\n/), origin: { collapsed: place } };
}

/** A fragment made of pieces of another fragment's lines, keeping the way back to the file. */
export function subFragment(parent: Fragment, parts: LinePart[]): Fragment {
  const lines = parts.map((part) => (parent.lines[part.line - 1] ?? '').slice(part.start, part.end));
  const origin = parent.origin;
  if (!Array.isArray(origin)) return { lines, origin };
  return {
    lines,
    origin: parts.map((part) => {
      const at = origin[part.line - 1] ?? origin.at(-1) ?? { line: 1, removed: 0 };
      return { line: at.line, removed: at.removed + part.start };
    }),
  };
}

/** Offsets in the file of the first character of each line. */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (const match of source.matchAll(/\r?\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/**
 * Moves a point of a fragment to the file. Offsets are set too: hast-util-raw (rehype-raw)
 * asserts that a point with a line has an offset.
 */
export function pointInFile(
  fragment: Fragment,
  point: Point,
  starts: number[],
  side: 'start' | 'end',
): Point {
  const origin = fragment.origin;
  if (!Array.isArray(origin)) return { ...origin.collapsed[side] };
  const at = origin[point.line - 1] ?? origin.at(-1);
  if (!at) return { ...point };
  const column = point.column + at.removed;
  return { line: at.line, column, offset: (starts[at.line - 1] ?? 0) + column - 1 };
}

/** A fragment's position moved to the file. */
export function positionInFile(fragment: Fragment, position: Position, starts: number[]): Position {
  return {
    start: pointInFile(fragment, position.start, starts, 'start'),
    end: pointInFile(fragment, position.end, starts, 'end'),
  };
}

/** Leading spaces and tabs of a line. */
export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

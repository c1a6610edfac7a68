import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import {
  type Fragment,
  type LinePart,
  fileFragment,
  leadingWhitespace,
  lineStarts,
  pointInFile,
  positionInFile,
  subFragment,
} from './source-fragment.ts';

/**
 * One Python-Markdown block syntax that CommonMark reads differently (an admonition, a tab, a
 * `<div markdown>`…): how to recognise it among the nodes remark made, and what to make of it.
 */
export interface BlockSyntax {
  /** A unique name, so that a processor copied by unified does not register it twice. */
  name: string;
  /** Python-Markdown's priority for the block processor: higher reads first. */
  priority: number;
  /**
   * Whether a line of a paragraph, without its container's indentation, starts the syntax.
   * Python-Markdown starts it on any line of a block, so the paragraph is split before that line.
   */
  opens?: (text: string) => boolean;
  /** Reads the syntax at the cursor and calls `cursor.take`; true when it took the node. */
  read: (cursor: BlockCursor) => boolean;
  /** Runs once on the file's root after all of it was read (snippets' `auto_append`). */
  end?: (root: Root, engine: BlockEngine) => void;
}

/** What the syntaxes can ask of the run on one file. */
export interface BlockEngine {
  file: VFile;
  /** Parses a fragment as blocks with every syntax read; positions are the file's. */
  blocks: (fragment: Fragment) => RootContent[];
  /** Parses a fragment as the content of one paragraph (a title, a label); positions are the file's. */
  phrasing: (fragment: Fragment) => PhrasingContent[];
  /** A fragment's point (line and column from 1), in the file. */
  point: (fragment: Fragment, line: number, column: number, side?: 'start' | 'end') => Point;
  /** Lets link reference and footnote labels defined in `text` be used in fragments. */
  addLabels: (text: string) => void;
}

/** A node met while reading, with what a syntax needs to decide whether it is its own. */
export interface BlockCursor {
  engine: BlockEngine;
  node: RootContent;
  fragment: Fragment;
  /** The line to read: the node's first line, or the line of a paragraph that a syntax opens. */
  line: number;
  /** Characters before the node on that line: the indentation of the container it is in. */
  indent: number;
  /** That line's text after the indentation. */
  text: string;
  /** The node emitted just before in the same parent, if any (positions already in the file). */
  readonly previous: RootContent | undefined;
  /** Takes back the node emitted just before (a definition list's terms become part of it). */
  dropPrevious: () => RootContent | undefined;
  /** Where the parent ends in the fragment: its last line, and the characters of that line it holds. */
  end: { line: number; column: number };
  /**
   * Replaces the node, and the nodes after it up to fragment line `end.line` (up to character
   * `end.column` of that line, the whole line if omitted), with `nodes`. What remains of those
   * lines (lazy continuation lines, text after a closing tag) is parsed again and read next.
   */
  take: (end: { line: number; column?: number }, nodes: RootContent[]) => void;
}

declare module 'unified' {
  interface Data {
    /** Block syntaxes registered by the plugins in use, by name. */
    blockSyntaxes?: Record<string, BlockSyntax>;
    /** Roots already read, so that only the first registered plugin's transformer does the work. */
    blockSyntaxRoots?: WeakSet<Root>;
  }
}

/** Registers a block syntax on the processor (from a plugin's attacher). */
export function useBlockSyntax(processor: Processor, syntax: BlockSyntax): void {
  processor.data('blockSyntaxes', { ...processor.data('blockSyntaxes'), [syntax.name]: syntax });
  if (!processor.data('blockSyntaxRoots')) processor.data('blockSyntaxRoots', new WeakSet());
}

/**
 * Reads every registered block syntax in the tree, once per tree.
 *
 * Containers nest in any order (a tab inside an admonition inside a list item, a fenced block
 * inside a tab), so the body of each must be read with all of the syntaxes, not only its own.
 * Each plugin registers its syntax in its attacher and calls this in its transformer: the first
 * transformer to run reads all of them, the later ones find the tree done.
 */
export function readBlockSyntaxes(processor: Processor, tree: Root, file: VFile): void {
  const roots = processor.data('blockSyntaxRoots');
  if (!roots || roots.has(tree)) return;
  roots.add(tree);
  const syntaxes = Object.values(processor.data('blockSyntaxes') ?? {}).sort(
    (a, b) => b.priority - a.priority || a.name.localeCompare(b.name),
  );
  const source = String(file.value);
  const run = createRun(processor, file, source, syntaxes);
  const fragment = fileFragment(source);
  run.walk(tree, fragment, endOfFragment(fragment));
  for (const syntax of syntaxes) syntax.end?.(tree, run.engine);
}

interface End {
  line: number;
  /** Characters of the line included. */
  column: number;
}

/** Nodes whose children are blocks that may hold a syntax, and that are walked into. */
const WALKED = new Set(['list', 'listItem', 'footnoteDefinition']);

/** A line prefix a container's content may follow: indentation, or a list item's marker. */
const CONTAINER_PREFIX = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?$/;

function createRun(processor: Processor, file: VFile, source: string, syntaxes: BlockSyntax[]) {
  const starts = lineStarts(source);
  const done = new WeakSet<object>();
  const labels = new Set<string>();
  const opening = syntaxes.filter((syntax) => syntax.opens);

  const addLabels = (text: string): void => {
    for (const match of text.matchAll(/^[ \t>]*\[([^\]\n]+)\]:/gm)) labels.add(match[1]!);
  };
  addLabels(source);

  /** Parses a fragment alone, positions its own; labels defined elsewhere in the file still resolve. */
  const parse = (fragment: Fragment): Root => {
    const text = fragment.lines.join('\n');
    if (labels.size > 0 && text.includes('[')) {
      // micromark only makes `[x][label]` a reference, and `[^label]` a footnote call, when the
      // definition is in the same parse: append stand-ins and drop them afterwards.
      const stand = [...labels].map((label) => `[${label}]: ${label.startsWith('^') ? 'x' : '#'}`);
      const tree = processor.parse(`${text}\n\n${stand.join('\n')}\n`) as Root;
      const count = fragment.lines.length;
      const straddles = tree.children.some(
        (child) => (child.position?.start.line ?? 0) <= count && (child.position?.end.line ?? 0) > count,
      );
      if (!straddles) {
        tree.children = tree.children.filter((child) => (child.position?.start.line ?? 0) <= count);
        return tree;
      }
    }
    return processor.parse(text) as Root;
  };

  const finish = (node: RootContent | Root, fragment: Fragment): void => {
    if (done.has(node)) return;
    if (node.position) node.position = positionInFile(fragment, node.position, starts);
    if ('children' in node) for (const child of node.children) finish(child, fragment);
  };

  const engine: BlockEngine = {
    file,
    blocks(fragment) {
      const tree = parse(fragment);
      walk(tree, fragment, endOfFragment(fragment));
      return tree.children;
    },
    phrasing(fragment) {
      const tree = parse(fragment);
      const [only] = tree.children;
      if (tree.children.length === 1 && only?.type === 'paragraph') {
        for (const child of only.children) finish(child, fragment);
        return only.children;
      }
      // Not a paragraph alone (`1. Setup` would be a list): the text as it is.
      const last = fragment.lines.length;
      return [
        {
          type: 'text',
          value: fragment.lines.join('\n').trim(),
          position: {
            start: pointInFile(fragment, { line: 1, column: 1 }, starts, 'start'),
            end: pointInFile(
              fragment,
              { line: last, column: (fragment.lines[last - 1] ?? '').length + 1 },
              starts,
              'end',
            ),
          },
        },
      ];
    },
    point(fragment, line, column, side = 'start') {
      return pointInFile(fragment, { line, column }, starts, side);
    },
    addLabels,
  };

  /**
   * Where a syntax may start in `node` on `line`: the text after the container's indentation.
   * Later lines of a paragraph open a syntax only at that indentation, or, at the top of a
   * document or body, at none (Python-Markdown's markers start a line of the block).
   */
  const lineAt = (
    fragment: Fragment,
    node: RootContent,
    line: number,
    atRoot: boolean,
  ): { indent: number; text: string } | undefined => {
    const start = node.position?.start;
    if (!start) return undefined;
    const indent = start.column - 1;
    const full = fragment.lines[line - 1] ?? '';
    if (line === start.line) {
      return CONTAINER_PREFIX.test(full.slice(0, indent)) ? { indent, text: full.slice(indent) } : undefined;
    }
    const leading = leadingWhitespace(full).length;
    return leading === indent || (atRoot && leading === 0)
      ? { indent: leading, text: full.slice(leading) }
      : undefined;
  };

  /** Reads the children of `parent`, all of them in `fragment`, which ends at `end`. */
  function walk(parent: Parent, parentFragment: Fragment, end: End): void {
    let fragment = parentFragment;
    let queue: RootContent[] = [...parent.children];
    const out: RootContent[] = [];
    const atRoot = parent.type === 'root';

    const emitText = (node: RootContent, from: number, to: number): void => {
      // Lines of a paragraph before or between syntaxes, parsed again on their own.
      const start = node.position!.start;
      const parts: LinePart[] = [];
      for (let line = from; line <= to; line++) {
        parts.push({ line, start: line === start.line ? start.column - 1 : 0 });
      }
      const piece = subFragment(fragment, parts);
      const nodes = parse(piece).children;
      for (const child of nodes) {
        finish(child, piece);
        done.add(child);
      }
      out.push(...nodes);
    };

    const tryRead = (node: RootContent, line: number, indent: number, text: string): boolean => {
      let taken = false;
      const cursor: BlockCursor = {
        engine,
        node,
        fragment,
        line,
        indent,
        text,
        get previous() {
          return out.at(-1);
        },
        dropPrevious: () => out.pop(),
        end: { ...end },
        take(until, nodes) {
          taken = true;
          const stop: End = {
            line: until.line,
            column: until.column ?? (fragment.lines[until.line - 1] ?? '').length,
          };
          let furthest = node.position!.end;
          while (queue.length > 0 && startsBefore(queue[0]!, stop)) {
            const next = queue.shift()!;
            if (next.position && after(next.position.end, furthest)) furthest = next.position.end;
          }
          for (const made of nodes) done.add(made);
          out.push(...nodes);
          if (!after(furthest, { line: stop.line, column: stop.column + 1 })) return;
          // Lines the nodes took in that the syntax does not own (lazy continuation lines, text
          // after a closing tag): parse the rest of the parent again from there, as Python-Markdown
          // hands them back as blocks of their own.
          const parts: LinePart[] = [];
          const firstLine = fragment.lines[stop.line - 1] ?? '';
          if (stop.column < firstLine.length) parts.push({ line: stop.line, start: stop.column });
          for (let n = stop.line + 1; n <= end.line; n++) {
            const text = fragment.lines[n - 1] ?? '';
            parts.push({
              line: n,
              start: Math.min(indent, leadingWhitespace(text).length),
              ...(n === end.line ? { end: Math.max(end.column, 0) } : {}),
            });
          }
          const rest = subFragment(fragment, parts);
          fragment = rest;
          queue = parse(rest).children;
          end = endOfFragment(rest);
        },
      };
      for (const syntax of syntaxes) {
        if (syntax.read(cursor)) return true;
        if (taken) throw new Error(`block syntax ${syntax.name} took a node but did not say so`);
      }
      return false;
    };

    while (queue.length > 0) {
      const node = queue.shift()!;
      if (done.has(node) || !node.position) {
        finish(node, fragment);
        out.push(node);
        continue;
      }
      if (node.type === 'paragraph' && opening.length > 0) {
        readParagraph(node);
        continue;
      }
      const at = lineAt(fragment, node, node.position.start.line, atRoot);
      if (at && tryRead(node, node.position.start.line, at.indent, at.text)) continue;
      if (node.type === 'blockquote') {
        // The quote's content, without its `>` markers, read as a document of its own (what a
        // document holds at its top, a block quote holds).
        (node as Parent).children = engine.blocks(quoteContent(fragment, node.position));
        node.position = positionInFile(fragment, node.position, starts);
      } else if (WALKED.has(node.type) && 'children' in node) {
        walk(node, fragment, {
          line: node.position.end.line,
          column: node.position.end.column - 1,
        });
        node.position = positionInFile(fragment, node.position, starts);
      } else {
        finish(node, fragment);
      }
      done.add(node);
      out.push(node);
    }
    parent.children = out;

    /** A paragraph, split before every line a syntax opens, as Python-Markdown splits blocks. */
    function readParagraph(node: RootContent): void {
      const { start, end: last } = node.position!;
      let textStart = start.line;
      for (let line = start.line; line <= last.line; line++) {
        const at = lineAt(fragment, node, line, atRoot);
        if (!at || !opening.some((syntax) => syntax.opens!(at.text))) continue;
        if (line > textStart) emitText(node, textStart, line - 1);
        textStart = line;
        if (tryRead(node, line, at.indent, at.text)) return;
      }
      if (textStart === start.line) {
        finish(node, fragment);
        done.add(node);
        out.push(node);
      } else {
        emitText(node, textStart, last.line);
      }
    }
  }

  return { engine, walk };
}

/** A block quote's lines without the `>` that marks them (and the space after it); lazy lines as they are. */
function quoteContent(fragment: Fragment, position: Position): Fragment {
  const parts: LinePart[] = [];
  for (let line = position.start.line; line <= position.end.line; line++) {
    const text = fragment.lines[line - 1] ?? '';
    const from = line === position.start.line ? position.start.column - 1 : 0;
    const marker = /^[ \t]*> ?/.exec(text.slice(from));
    parts.push({
      line,
      start: from + (marker ? marker[0].length : leadingWhitespace(text.slice(from)).length),
      ...(line === position.end.line ? { end: position.end.column - 1 } : {}),
    });
  }
  return subFragment(fragment, parts);
}

function endOfFragment(fragment: Fragment): End {
  const line = Math.max(fragment.lines.length, 1);
  return { line, column: (fragment.lines[line - 1] ?? '').length };
}

/** Whether a node starts before the character after `end`. */
function startsBefore(node: RootContent, end: End): boolean {
  const start = node.position?.start;
  if (!start) return false;
  return start.line < end.line || (start.line === end.line && start.column <= end.column);
}

/** Whether point `a` is after point `b`. */
function after(a: Point, b: { line: number; column: number }): boolean {
  return a.line > b.line || (a.line === b.line && a.column > b.column);
}

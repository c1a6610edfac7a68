import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from './shiki-highlight-options.ts';

/** A marker in one line: the annotation's number and the columns it covers. */
interface Marker {
  number: number;
  start: number;
  end: number;
}

const MARKER = /\((\d+)\)(!)?/g;

/**
 * A shiki transformer that finds Material's code-annotation markers: `(1)` inside a comment,
 * and `(1)!`, which stands for its whole comment. Each becomes
 * `<span class="code-annotation" data-annotation="1">…</span>` around the characters it covers,
 * so the code's text is unchanged; rehypeCodeAnnotations then links the markers of a block
 * that has an annotation list and unwraps the others.
 *
 * Material finds markers in Pygments' comment tokens; here a block that holds something like
 * `(1)` is tokenized once more with TextMate scopes, and only markers inside `comment.*`
 * scopes count, so `f(1)` in code is never a marker. `hasList(code)` tells which blocks have an
 * annotation list, when the caller knows: only those are tokenized again (`sleep(0)` is common,
 * and a second tokenization costs as much as the first).
 */
export function annotationMarkerTransformer(
  hasList: (code: string) => boolean = () => true,
): ShikiTransformer {
  const blocks = new WeakMap<object, Map<number, Marker[]>>();
  return {
    name: 'material-code-annotations',
    preprocess(code, options) {
      if (!/\(\d+\)/.test(code) || !hasList(code)) return;
      const { tokens } = this.codeToTokens(code, { ...options, includeExplanation: 'scopeName' });
      const lines = new Map<number, Marker[]>();
      const texts = code.split('\n');
      for (const [index, lineTokens] of tokens.entries()) {
        const lineStart = lineTokens[0]?.offset ?? 0;
        const comments = commentRuns(lineTokens, lineStart);
        const markers = findMarkers(texts[index] ?? '', comments);
        if (markers.length > 0) lines.set(index + 1, markers);
      }
      if (lines.size > 0) blocks.set(this.meta, lines);
    },
    line(line, number) {
      const markers = blocks.get(this.meta)?.get(number);
      // Right to left, so that the columns of the markers still to wrap stay where they were.
      for (const marker of [...(markers ?? [])].reverse()) wrapColumns(line, marker);
    },
  };
}

type LineToken = {
  offset: number;
  content: string;
  explanation?: Array<{ content: string; scopes: Array<{ scopeName: string }> }> | undefined;
};

/** The column ranges of a line that TextMate scopes call a comment, adjacent parts joined. */
function commentRuns(tokens: LineToken[], lineStart: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const token of tokens) {
    let column = token.offset - lineStart;
    for (const part of token.explanation ?? [{ content: token.content, scopes: [] }]) {
      const end = column + part.content.length;
      if (part.scopes.some((scope) => scope.scopeName.startsWith('comment'))) {
        const last = runs.at(-1);
        if (last && last[1] === column) last[1] = end;
        else runs.push([column, end]);
      }
      column = end;
    }
  }
  return runs;
}

function findMarkers(text: string, comments: Array<[number, number]>): Marker[] {
  const markers: Marker[] = [];
  for (const match of text.matchAll(MARKER)) {
    const start = match.index;
    const end = start + match[0].length;
    const comment = comments.find(([from, to]) => from <= start && end <= to);
    if (!comment) continue;
    const number = Number(match[1]);
    // `(1)!` stands for the whole comment, which Material then no longer shows.
    if (match[2]) markers.push({ number, start: comment[0], end: comment[1] });
    else markers.push({ number, start, end: start + match[0].length });
  }
  return markers;
}

/** Wraps the line's characters from `start` to `end` in the marker's element, splitting spans at the edges. */
function wrapColumns(line: Element, marker: Marker): void {
  const children = splitAt(splitAt(line.children, marker.end), marker.start);
  const inside: ElementContent[] = [];
  const out: ElementContent[] = [];
  let column = 0;
  let wrapper: Element | undefined;
  for (const child of children) {
    const length = textLength(child);
    if (column >= marker.start && column + length <= marker.end && length > 0) {
      if (!wrapper) {
        wrapper = {
          type: 'element',
          tagName: 'span',
          properties: { className: ['code-annotation'], dataAnnotation: String(marker.number) },
          children: inside,
        };
        out.push(wrapper);
      }
      inside.push(child);
    } else out.push(child);
    column += length;
  }
  line.children = out;
}

/** The children with the one that straddles `column` cut in two there. */
function splitAt(children: ElementContent[], column: number): ElementContent[] {
  const out: ElementContent[] = [];
  let position = 0;
  for (const child of children) {
    const length = textLength(child);
    if (column > position && column < position + length) {
      const [before, after] = cut(child, column - position);
      out.push(before, after);
    } else out.push(child);
    position += length;
  }
  return out;
}

function cut(node: ElementContent, at: number): [ElementContent, ElementContent] {
  if (node.type === 'text')
    return [
      { ...node, value: node.value.slice(0, at) },
      { ...node, value: node.value.slice(at) },
    ];
  if (node.type !== 'element') return [node, node];
  const [head, tail] = [
    { ...node, children: [] as ElementContent[] },
    { ...node, children: [] as ElementContent[] },
  ];
  let position = 0;
  for (const child of node.children) {
    const length = textLength(child);
    if (position + length <= at) head.children.push(child);
    else if (position >= at) tail.children.push(child);
    else {
      const [before, after] = cut(child, at - position);
      head.children.push(before);
      tail.children.push(after);
    }
    position += length;
  }
  return [head, tail];
}

function textLength(node: ElementContent): number {
  if (node.type === 'text') return node.value.length;
  if (node.type !== 'element') return 0;
  return node.children.reduce((sum, child) => sum + textLength(child), 0);
}

import type { Nodes, Root } from 'mdast';

/**
 * How deep block quotes, list items, Material's indented blocks and HTML elements may nest.
 * Real articles stay under ten; past this the parser slows down with every level and the tree's
 * walkers run out of stack, so a deeper file is reported instead of read.
 */
export const MAX_NESTING = 50;

/** Where a document first nests deeper than the limit: the marker that opens one level too many. */
export interface TooDeep {
  line: number;
  column: number;
}

type Container = { kind: 'quote' } | { kind: 'indented'; width: number };

const QUOTE = / {0,3}> ?/y;
const LIST_ITEM = /( {0,3})([-+*]|\d{1,9}[.)])( +|$)/y;
/** Material's `!!! note`, `??? note`, `???+ note` and `=== "Tab"`, whose content is indented four spaces. */
const INDENTED_BLOCK = /( {0,3})(?:!!!|\?\?\?\+?|===)(?=[ \t])/y;
const THEMATIC_BREAK = / {0,3}([-*_])(?: *\1){2,} *$/y;
const FENCE = / {0,3}(`{3,}|~{3,})/y;

/**
 * Finds the first line whose block containers nest deeper than `limit`, reading only the
 * markers at the start of each line (`>`, list bullets, Material's block openers, fences), so it
 * takes time in proportion to the text however the text nests. It follows CommonMark's
 * container rules closely enough never to count fewer levels than the parser makes.
 */
export function findDeepContainers(text: string, limit = MAX_NESTING): TooDeep | undefined {
  const open: Container[] = [];
  let fence: { marker: string; depth: number } | undefined;
  let previousBlank = true;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = raw.includes('\t') ? expandTabs(raw) : raw;
    const blank = line.trim() === '';
    let at = 0;
    let matched = 0;
    for (const container of open) {
      if (container.kind === 'quote') {
        QUOTE.lastIndex = at;
        if (!QUOTE.test(line)) break;
        at = QUOTE.lastIndex;
      } else if (!blank) {
        if (indentAt(line, at) < container.width) break;
        at += container.width;
      }
      matched++;
    }
    if (fence && matched >= fence.depth) {
      // Inside a fenced block nothing opens; only its closing fence matters.
      FENCE.lastIndex = at;
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence.marker[0] && close[1]!.length >= fence.marker.length)
        fence = undefined;
      previousBlank = blank;
      continue;
    }
    fence = undefined;
    const started: Container[] = [];
    for (;;) {
      const marker = at;
      const next = containerAt(line, at);
      if (!next) break;
      started.push(next.container);
      at = next.end;
      if (matched + started.length > limit)
        return { line: index + 1, column: marker + indentAt(line, marker) + 1 };
      if (next.last) break;
    }
    // An unmatched container stays open only for a lazy continuation line of its paragraph.
    const lazy = started.length === 0 && !blank && !previousBlank;
    if (!lazy) open.length = matched;
    open.push(...started);
    FENCE.lastIndex = at;
    const opening = FENCE.exec(line);
    if (opening) fence = { marker: opening[1]!, depth: open.length };
    previousBlank = blank;
  }
  return undefined;
}

/** Elements that never hold others, and those a new sibling of the same name closes (`<p>`, `<li>`…). */
const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);
const SELF_CLOSING_SIBLINGS = new Set('p li dt dd tr td th option'.split(' '));
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * Finds the first raw HTML element that opens a level deeper than `limit` in the tree's HTML,
 * counted across its HTML nodes as a browser would nest them (void elements hold nothing; an
 * element left open is closed by its parent's end tag). The renderer reads raw HTML into a tree
 * and walks it, which a deep enough nesting overflows.
 */
export function findDeepHtml(tree: Root, limit = MAX_NESTING): TooDeep | undefined {
  const stack: string[] = [];
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]!);
      continue;
    }
    if (node.type !== 'html') continue;
    for (const match of node.value.matchAll(TAG)) {
      const [, closing, rawName, selfClosing] = match;
      if (rawName === undefined) continue;
      const name = rawName.toLowerCase();
      if (closing) {
        const at = stack.lastIndexOf(name);
        if (at !== -1) stack.length = at;
        continue;
      }
      if (selfClosing || VOID_ELEMENTS.has(name)) continue;
      if (SELF_CLOSING_SIBLINGS.has(name) && stack.at(-1) === name) stack.pop();
      stack.push(name);
      if (stack.length > limit) return placeIn(node, node.value.slice(0, match.index));
    }
  }
  return undefined;
}

/** The file position of a point `before` characters into an HTML node's value. */
function placeIn(node: Nodes, before: string): TooDeep {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const lines = before.split('\n');
  return lines.length === 1
    ? { line: start.line, column: start.column + before.length }
    : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}

/** The container a line opens at `at`, if any, and where its content starts. */
function containerAt(
  line: string,
  at: number,
): { container: Container; end: number; last?: true } | undefined {
  QUOTE.lastIndex = at;
  if (QUOTE.test(line)) return { container: { kind: 'quote' }, end: QUOTE.lastIndex };
  THEMATIC_BREAK.lastIndex = at;
  if (THEMATIC_BREAK.test(line)) return undefined;
  LIST_ITEM.lastIndex = at;
  const item = LIST_ITEM.exec(line);
  if (item) {
    // Five spaces or more after the marker: the content starts after one, the rest is code.
    const spaces = item[3]!.length;
    const width = item[1]!.length + item[2]!.length + (spaces === 0 || spaces > 4 ? 1 : spaces);
    return { container: { kind: 'indented', width }, end: Math.min(at + width, line.length) };
  }
  INDENTED_BLOCK.lastIndex = at;
  const block = INDENTED_BLOCK.exec(line);
  // The rest of the line is the block's title: nothing more opens on it.
  if (block)
    return { container: { kind: 'indented', width: block[1]!.length + 4 }, end: line.length, last: true };
  return undefined;
}

function indentAt(line: string, from: number): number {
  let end = from;
  while (line.charCodeAt(end) === 32) end++;
  return end - from;
}

function expandTabs(line: string): string {
  let out = '';
  for (const char of line) out += char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char;
  return out;
}

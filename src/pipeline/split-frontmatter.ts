import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document } from 'yaml';

/** Where the frontmatter ends, and its parsed YAML document. */
export interface FrontmatterBlock {
  /** The YAML text between the fences. */
  yaml: string;
  /** 1-based line of the first YAML line. */
  startLine: number;
  /** 1-based line of the closing `---`. */
  endLine: number;
  document: Document;
  lineCounter: LineCounter;
}

/** The outcome of looking for frontmatter at the top of a file. */
export type FrontmatterSplit =
  { kind: 'none' } | { kind: 'unclosed' } | { kind: 'found'; block: FrontmatterBlock };

/** Finds the `---` fenced YAML frontmatter at the start of `text` and parses it with positions. */
export function splitFrontmatter(text: string): FrontmatterSplit {
  if (!/^---[ \t]*\n/.test(text)) return { kind: 'none' };
  const lines = text.split('\n');
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
  if (close === -1) return { kind: 'unclosed' };
  const yaml = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { kind: 'found', block: { yaml, startLine: 2, endLine: close + 1, document, lineCounter } };
}

/**
 * The file position of a top-level key's value (or, with `index`, of that item of its list value),
 * else of the key, else of the block's start.
 */
export function positionOfField(
  block: FrontmatterBlock,
  key: string | undefined,
  index?: number,
): { line: number; column: number } {
  const contents = block.document.contents;
  if (key !== undefined && isMap(contents)) {
    const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const item = index !== undefined && isSeq(pair?.value) ? pair.value.items[index] : undefined;
    const node = (item ?? pair?.value ?? pair?.key) as { range?: [number, number, number] } | undefined;
    if (node?.range) return toFilePosition(block, node.range[0]);
  }
  return { line: block.startLine - 1, column: 1 };
}

/** Converts an offset in the YAML text into a 1-based line and column in the file. */
export function toFilePosition(block: FrontmatterBlock, offset: number): { line: number; column: number } {
  const { line, col } = block.lineCounter.linePos(offset);
  return { line: line + block.startLine - 1, column: col };
}

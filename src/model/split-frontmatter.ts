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

/** The 1-based line of the `---` that closes the frontmatter; 0 without frontmatter, -1 when it never closes. */
export function frontmatterEndLine(text: string): number {
  if (!/^---[ \t]*\n/.test(text)) return 0;
  const close = text.split('\n').findIndex((line, index) => index > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
  return close === -1 ? -1 : close + 1;
}

/** Finds the `---` fenced YAML frontmatter at the start of `text` and parses it with positions. */
export function splitFrontmatter(text: string): FrontmatterSplit {
  const end = frontmatterEndLine(text);
  if (end === 0) return { kind: 'none' };
  if (end === -1) return { kind: 'unclosed' };
  const lines = text.split('\n');
  const close = end - 1;
  const yaml = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { kind: 'found', block: { yaml, startLine: 2, endLine: close + 1, document, lineCounter } };
}

/** Where the frontmatter and each of its top-level fields sit in the file: plain data, cacheable. */
export interface FrontmatterPlaces {
  /** 1-based line of the first YAML line. */
  startLine: number;
  /** 1-based line of the closing `---`. */
  endLine: number;
  /** Per top-level key: where its value starts (else the key), and where each item of a list value starts. */
  fields: Record<string, { value: Place; items: Place[] }>;
}

type Place = { line: number; column: number };

/** Records where the block's fields are, so that later checks need not keep the YAML document. */
export function placesOf(block: FrontmatterBlock): FrontmatterPlaces {
  const fields: FrontmatterPlaces['fields'] = {};
  const contents = block.document.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      if (!isScalar(pair.key)) continue;
      const node = (pair.value ?? pair.key) as { range?: [number, number, number] } | null;
      if (!node?.range) continue;
      const items = isSeq(pair.value)
        ? pair.value.items.flatMap((item) => {
            const range = (item as { range?: [number, number, number] } | null)?.range;
            return range ? [toFilePosition(block, range[0])] : [];
          })
        : [];
      fields[String(pair.key.value)] = { value: toFilePosition(block, node.range[0]), items };
    }
  }
  return { startLine: block.startLine, endLine: block.endLine, fields };
}

/**
 * The file position of a top-level key's value (or, with `index`, of that item of its list value),
 * else of the line that opens the frontmatter.
 */
export function positionOfField(places: FrontmatterPlaces, key: string | undefined, index?: number): Place {
  const field = key === undefined ? undefined : places.fields[key];
  const item = index === undefined ? undefined : field?.items[index];
  return item ?? field?.value ?? { line: places.startLine - 1, column: 1 };
}

/** Blanks the frontmatter lines so that body positions stay those of the file. */
export function blankLines(text: string, throughLine: number): string {
  if (throughLine <= 0) return text;
  const lines = text.split('\n');
  for (let index = 0; index < throughLine && index < lines.length; index++) lines[index] = '';
  return lines.join('\n');
}

/** Converts an offset in the YAML text into a 1-based line and column in the file. */
export function toFilePosition(block: FrontmatterBlock, offset: number): { line: number; column: number } {
  const { line, col } = block.lineCounter.linePos(offset);
  return { line: line + block.startLine - 1, column: col };
}

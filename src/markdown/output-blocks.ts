import type { Code, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Fence languages that mark a block as the output of the example before it. */
export const OUTPUT_LANGUAGES: ReadonlySet<string> = new Set(['output', 'text', 'console']);

/** True for a paragraph that only says `Output:` or `**Output:**`. */
export function isOutputLabel(node: RootContent | undefined): node is Paragraph {
  return node?.type === 'paragraph' && /^output:$/i.test(toString(node).trim());
}

/** Where the output block of the example at `index` sits among `siblings`, if it has one. */
export function findOutputBlock(
  siblings: readonly RootContent[],
  index: number,
): { code: Code; index: number; labelIndex: number | undefined } | undefined {
  const next = siblings[index + 1];
  if (next?.type === 'code' && OUTPUT_LANGUAGES.has(next.lang ?? '')) {
    return { code: next, index: index + 1, labelIndex: undefined };
  }
  const afterLabel = siblings[index + 2];
  if (isOutputLabel(next) && afterLabel?.type === 'code') {
    return { code: afterLabel, index: index + 2, labelIndex: index + 1 };
  }
  return undefined;
}

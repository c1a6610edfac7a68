import type { Code, List, Parent, Root, RootContent } from 'mdast';
import { visit } from './visit-tree.ts';
import type { VFile } from 'vfile';
import { findOutputBlock } from './output-blocks.ts';

/** A code block with annotations: its code, and the id of the list that holds them. */
export interface CodeAnnotationRecord {
  code: string;
  listId: string;
}

declare module 'vfile' {
  interface DataMap {
    /** The annotated code blocks of the page, in order, for rehypeCodeAnnotations. */
    codeAnnotations: CodeAnnotationRecord[];
  }
}

/** Options of {@link remarkCodeAnnotations}. */
export interface CodeAnnotationOptions {
  /** Material's `content.code.annotate` feature: every block may have annotations, not only `.annotate` ones. */
  all?: boolean;
}

/**
 * Material's code annotations, the Markdown half.
 *
 * ````md
 * ```py
 * await asyncio.sleep(1)  # (1)
 * ```
 *
 * 1.  Gives the event loop a chance to run other tasks.
 * ````
 *
 * An ordered list right after a code block that holds a marker such as `(1)` is the block's
 * annotation list. It gets the class `code-annotations`, an id, and ids on its items. The
 * code node is not touched (examples run its text as it is). When an output block follows
 * the list, the list moves after it, so that the example still finds its output; the HTML
 * step (rehypeCodeAnnotations) puts it back under the code and links the markers to it.
 */
export function remarkCodeAnnotations(options: CodeAnnotationOptions = {}) {
  return (tree: Root, file: VFile) => {
    const parents: Parent[] = [];
    visit(tree, (node) => {
      if ('children' in node && node.children.some((child) => child.type === 'code')) parents.push(node);
    });
    const records: CodeAnnotationRecord[] = [];
    for (const parent of parents) annotate(parent, options, records);
    if (records.length > 0) file.data.codeAnnotations = records;
  };
}

function annotate(parent: Parent, options: CodeAnnotationOptions, records: CodeAnnotationRecord[]): void {
  const children = parent.children as RootContent[];
  for (let index = 0; index < children.length; index++) {
    const code = children[index];
    const list = children[index + 1];
    if (code?.type !== 'code' || list?.type !== 'list' || !list.ordered) continue;
    if (!(options.all || annotateClass(code)) || !hasMarker(code.value, list.children.length)) continue;
    const listId = `code-annotations-${records.length + 1}`;
    markList(list, listId);
    records.push({ code: code.value, listId });
    children.splice(index + 1, 1);
    const output = findOutputBlock(children, index);
    children.splice(output ? output.index + 1 : index + 1, 0, list);
  }
}

/** `{ .py .annotate }` on the fence asks for annotations without the site-wide feature. */
function annotateClass(code: Code): boolean {
  return /(^|[\s{])\.annotate(?=[\s}]|$)/.test(`${code.lang ?? ''} ${code.meta ?? ''}`);
}

/** A marker `(n)` whose number names an item of the list; whether it sits in a comment is for the highlighter to say. */
function hasMarker(code: string, items: number): boolean {
  return [...code.matchAll(/\((\d+)\)/g)].some((match) => {
    const number = Number(match[1]);
    return number >= 1 && number <= items;
  });
}

function markList(list: List, id: string): void {
  list.data = {
    ...list.data,
    hProperties: { ...list.data?.hProperties, className: ['code-annotations'], id },
  };
  for (const [index, item] of list.children.entries())
    item.data = { ...item.data, hProperties: { ...item.data?.hProperties, id: `${id}-${index + 1}` } };
}

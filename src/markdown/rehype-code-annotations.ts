import type { Element, ElementContent, Parent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from './visit-tree.ts';
import type { VFile } from 'vfile';
import { hasClass } from './rehype-code-line-anchors.ts';
import './remark-code-annotations.ts';

/**
 * Material's code annotations, the HTML half; runs after shiki.
 *
 * ```html
 * <pre …><code>… <span class="code-annotation" data-annotation="1"><span>(1)</span></span>
 *   →  <a class="code-annotation" href="#code-annotations-1-1" data-annotation="1"
 *         aria-label="Annotation 1" title="Gives the event loop a chance to run other tasks."><span>(1)</span></a>
 * <ol class="code-annotations" id="code-annotations-1">…  (moved right after the <pre>)
 * ```
 *
 * Material turns the list into tooltips with JavaScript; here every marker is a link to its
 * item in the list, which stays under the code, so the annotations read without JavaScript,
 * with a keyboard and in print, and hovering a marker shows the text. The marker keeps the
 * characters it covers (`(1)`, or `# (1)!`), hidden by the stylesheet behind a numbered
 * badge, so the code's text, and what the copy button copies, is the code as written.
 * A block is matched to its list by its text (remarkCodeAnnotations recorded both); markers
 * of blocks without a list, and lists whose markers were all in code rather than comments,
 * go back to plain code and a plain list.
 */
export function rehypeCodeAnnotations() {
  return (tree: Root, file: VFile) => {
    const records = file.data.codeAnnotations ?? [];
    let next = 0;
    const blocks: Array<{ pre: Element; parent: Parent; listId: string | undefined }> = [];
    visit(tree, 'element', (pre: Element, _index, parent) => {
      if (pre.tagName !== 'pre' || !parent) return;
      const record = records[next];
      const text = toText(pre, { whitespace: 'pre' }).replace(/\r?\n$/, '');
      const listId = record && text === record.code.replace(/\r?\n$/, '') ? record.listId : undefined;
      if (listId) next++;
      blocks.push({ pre, parent, listId });
    });
    const lists = findLists(tree);
    for (const { pre, parent, listId } of blocks) {
      const list = listId ? lists.get(listId) : undefined;
      const linked = list ? linkMarkers(pre, list.element, listId!) : 0;
      if (!list) {
        unwrapMarkers(pre);
        continue;
      }
      // Back under its code: the list was after the output block only for the Markdown's sake.
      if (nextElement(parent, pre) !== list.element) {
        list.parent.children.splice(list.parent.children.indexOf(list.element), 1);
        parent.children.splice(parent.children.indexOf(pre) + 1, 0, list.element);
      }
      if (linked === 0) plainList(list.element);
    }
  };
}

/** The element after `node` among its parent's children, whitespace skipped. */
function nextElement(parent: Parent, node: Element): Element | undefined {
  const after = parent.children.slice(parent.children.indexOf(node) + 1);
  return after.find((child): child is Element => child.type === 'element');
}

function findLists(tree: Root): Map<string, { element: Element; parent: Parent }> {
  const lists = new Map<string, { element: Element; parent: Parent }>();
  visit(tree, 'element', (element: Element, _index, parent) => {
    if (element.tagName === 'ol' && hasClass(element, 'code-annotations') && parent)
      lists.set(String(element.properties['id']), { element, parent });
  });
  return lists;
}

/** Turns the markers that name an item of the list into links to it; unwraps the rest. Returns how many were linked. */
function linkMarkers(pre: Element, list: Element, listId: string): number {
  const items = list.children.filter(
    (child): child is Element => child.type === 'element' && child.tagName === 'li',
  );
  let linked = 0;
  replaceMarkers(pre, (marker) => {
    const number = Number(marker.properties['dataAnnotation']);
    const item = items[number - 1];
    if (!item) return marker.children;
    linked++;
    const title = toText(item).replace(/\s+/g, ' ').trim();
    return [
      {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['code-annotation'],
          href: `#${listId}-${number}`,
          dataAnnotation: String(number),
          ariaLabel: `Annotation ${number}`,
          title,
        },
        children: marker.children,
      },
    ];
  });
  return linked;
}

/** A list none of whose items a marker names is an ordinary list after all. */
function plainList(list: Element): void {
  delete list.properties['className'];
  delete list.properties['id'];
  for (const item of list.children) if (item.type === 'element') delete item.properties['id'];
}

function unwrapMarkers(pre: Element): void {
  replaceMarkers(pre, (marker) => marker.children);
}

function replaceMarkers(node: Element, replace: (marker: Element) => ElementContent[]): void {
  node.children = node.children.flatMap((child) => {
    if (child.type !== 'element') return [child];
    if (child.tagName === 'span' && hasClass(child, 'code-annotation')) return replace(child);
    replaceMarkers(child, replace);
    return [child];
  });
}

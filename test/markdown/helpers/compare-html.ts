import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';

/**
 * HTML in one canonical form, to compare ours with Python-Markdown's: whitespace between
 * elements dropped, attributes sorted, the same serialiser for both (so `&amp;`/`&#x26;`,
 * `<br />`/`<br>` and `disabled=""`/`disabled` no longer differ).
 */
export function canonicalHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  return toHtml(canonical(tree), { allowDangerousHtml: true });
}

/** The visible text of HTML, whitespace collapsed: what the page parity test compares. */
export function visibleText(html: string): string {
  return toText(fromHtml(html, { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim();
}

const BLOCKS = new Set(['ul', 'ol', 'li', 'p', 'div', 'pre', 'table', 'blockquote', 'details', 'dl']);

function canonical<T extends Root | Element>(node: T): T {
  // A line break before a nested block is layout, not text (`item⏎<ul>` and `item<ul>`).
  for (const [index, child] of node.children.entries()) {
    const next = node.children[index + 1];
    if (child.type === 'text' && next?.type === 'element' && BLOCKS.has(next.tagName))
      child.value = child.value.replace(/\n+$/, '');
  }
  node.children = node.children
    .filter((child) => !(child.type === 'text' && child.value.trim() === '') && child.type !== 'comment')
    .map((child): RootContent =>
      child.type === 'element' ? canonical(sortProperties(child)) : child,
    ) as T['children'];
  return node;
}

function sortProperties(element: Element): Element {
  element.properties = Object.fromEntries(
    Object.entries(element.properties).sort(([a], [b]) => a.localeCompare(b)),
  );
  return element;
}

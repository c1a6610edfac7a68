import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/** Elements between which whitespace means nothing. */
const BLOCKS = new Set([
  'div',
  'p',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'pre',
  'details',
  'summary',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'input',
  'label',
  'section',
]);

/**
 * HTML in a form two renderers can be compared in: attributes and classes sorted, whitespace
 * between blocks dropped and runs of it collapsed, code blocks without trailing newlines, and
 * Pygments-free highlighting's `pre.highlight` as a bare `pre`; one block element per line.
 */
export function normalizeHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  clean(tree, false);
  return toHtml(tree, { allowDangerousHtml: true })
    .replace(
      /<(\/?)(div|p|ul|ol|li|dl|dt|dd|pre|details|summary|table|tr|h\d|hr|section)([ >])/g,
      '\n<$1$2$3',
    )
    .replace(/\n+/g, '\n')
    .trim();
}

function clean(node: Nodes, inPre: boolean): void {
  if (!('children' in node)) return;
  const children = [];
  for (const child of node.children) {
    if (child.type === 'comment') continue;
    if (child.type === 'text') {
      if (inPre) {
        children.push(child);
        continue;
      }
      const value = child.value.replace(/\s+/g, ' ');
      if (value === ' ' && isBlockContext(node)) continue;
      children.push({ ...child, value });
      continue;
    }
    if (child.type === 'element') tidy(child);
    clean(child, inPre || (child.type === 'element' && child.tagName === 'pre'));
    children.push(child);
  }
  node.children = children as never;
  if (!inPre) trimAroundBlocks(node);
  if (node.type === 'element' && node.tagName === 'code' && inPre) {
    const last = node.children.at(-1);
    if (last?.type === 'text') last.value = last.value.replace(/\n+$/, '');
  }
}

function isBlockContext(node: Nodes): boolean {
  return node.type === 'root' || (node.type === 'element' && BLOCKS.has(node.tagName));
}

function tidy(element: Element): void {
  const properties = element.properties;
  if (Array.isArray(properties['className'])) {
    const classes = properties['className']
      .map(String)
      .filter((name) => !(element.tagName === 'pre' && name === 'highlight'));
    if (classes.length > 0) properties['className'] = classes.sort();
    else delete properties['className'];
  }
  element.properties = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b)));
}

/** Drops whitespace at the edges of a block and next to the blocks inside it. */
function trimAroundBlocks(node: Nodes): void {
  if (!('children' in node) || !isBlockContext(node)) return;
  const isBlock = (child: Nodes | undefined): boolean =>
    child === undefined || (child.type === 'element' && BLOCKS.has(child.tagName));
  node.children.forEach((child, index) => {
    if (child.type !== 'text') return;
    if (isBlock(node.children[index - 1])) child.value = child.value.replace(/^\s+/, '');
    if (isBlock(node.children[index + 1])) child.value = child.value.replace(/\s+$/, '');
  });
  node.children = node.children.filter((child) => child.type !== 'text' || child.value !== '') as never;
}

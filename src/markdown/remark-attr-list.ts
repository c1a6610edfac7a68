import type { Properties } from 'hast';
import type { Data, Nodes, Parent, Root, RootContent, Text } from 'mdast';
import { find, html } from 'property-information';
import type { Processor } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { readBlockSyntaxes } from './block-syntax.ts';
import { BLOCK_LEVEL_ELEMENTS } from './html-block.ts';

const BASE = String.raw`\{:?[ ]*([^}\n ][^}\n]*)[ ]*\}`;
/** After a heading, a table cell or a definition term: at the end of its one line, after a space. */
const AT_LINE_END = new RegExp(String.raw`[ ]+${BASE}[ ]*$`);
/** After a paragraph or a list item: on a line of its own at the end. */
const ON_LAST_LINE = new RegExp(String.raw`\n[ ]*${BASE}[ ]*$`);
/** After an inline element: right after it, no space between. */
const RIGHT_AFTER = new RegExp(`^${BASE}`);
/** Python-Markdown's attribute list scanner, tried in this order at each position. */
const TOKENS = [/^[^ =]+=".*?"/, /^[^ =]+='.*?'/, /^[^ =]+=[^ =]+/, /^[^ =]+/, /^ /];
/** Characters not allowed in an XML name (without `:`), replaced by `_`. */
const NOT_NAME =
  /[^A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd:\-.0-9\u00b7\u0300-\u036f\u203f-\u2040]+/g;

/** mdast nodes that are inline elements in Python-Markdown's tree, which a list right after them targets. */
// prettier-ignore
const INLINE_ELEMENTS = new Set([
  'emphasis', 'strong', 'delete', 'link', 'linkReference', 'image', 'imageReference', 'inlineCode', 'abbreviation',
]);

/**
 * Python-Markdown's `attr_list`: attributes written in braces, set on the element they follow.
 *
 * ```md
 * ## Cancelling a task {#cancel .important}
 *
 * A paragraph that gets an id.
 * {: #intro }
 *
 * [Read more](more.md){: target="_blank" } and ![Diagram](loop.svg){ width="300" }.
 * ```
 *
 * The list is read where Python-Markdown reads it, and nowhere else (elsewhere it stays text):
 * at the end of a heading's line, a table cell's or a definition term's; on a line of its own
 * ending a paragraph (the list item's, when the list is tight); right after an inline element
 * (emphasis, link, image, code…). `#id`, `.class` (classes add up) and `key="value"` become
 * `data.hProperties`; the heading-id step keeps an id set this way.
 */
export function remarkAttrList(this: Processor) {
  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
    visitParents(tree, (node, ancestors) => {
      if (!('children' in node)) return;
      readBlockList(node, ancestors.at(-1), ancestors.at(-2));
      readInlineLists(node);
    });
  };
}

/** A list closing a block-level element's text, set on that element (or on the tight list item). */
function readBlockList(node: Parent, parent: Nodes | undefined, grandparent: Nodes | undefined): void {
  const pattern = blockPattern(node);
  const last = node.children.at(-1);
  if (!pattern || last?.type !== 'text') return;
  const match = pattern.exec(last.value);
  if (!match) return;
  let target: Nodes | Parent = node;
  if (node.type === 'paragraph' && parent?.type === 'listItem' && grandparent?.type === 'list') {
    // A tight list item holds its text directly in Python-Markdown, so the item gets the attributes.
    if (!isLoose(grandparent)) target = parent;
  }
  setAttributes(target, match[1]!);
  last.value = last.value.slice(0, match.index);
  if (node.type === 'heading') last.value = last.value.replace(/#+$/, '').trimEnd();
  if (last.value === '') node.children.pop();
}

function blockPattern(node: Parent): RegExp | undefined {
  switch (node.type) {
    case 'heading':
    case 'tableCell':
    case 'definitionTerm':
      return AT_LINE_END;
    case 'paragraph':
    case 'definitionDescription':
      return ON_LAST_LINE;
    case 'htmlElement':
      return BLOCK_LEVEL_ELEMENTS.has((node as RootContent & { tagName: string }).tagName)
        ? ON_LAST_LINE
        : undefined;
    default:
      return undefined;
  }
}

/** Lists right after inline elements, set on those elements. */
function readInlineLists(node: Parent): void {
  node.children.forEach((child, index) => {
    if (!INLINE_ELEMENTS.has(child.type)) return;
    const next = node.children[index + 1];
    if (next?.type !== 'text') return;
    const match = RIGHT_AFTER.exec(next.value);
    if (!match) return;
    setAttributes(child, match[1]!);
    (next as Text).value = next.value.slice(match[0].length);
  });
  node.children = node.children.filter((child) => child.type !== 'text' || child.value !== '');
}

/** Sets the attributes of a list (`#id .class key=value`) on a node, as `data.hProperties`. */
export function setAttributes(node: { data?: Data | undefined }, list: string): void {
  const data = (node.data ??= {});
  const properties: Properties = { ...data.hProperties };
  const written: Properties = { ...data.kbAttributes };
  for (const [name, value] of parseAttributeList(list)) {
    if (name === '.') {
      const classes = properties['className'];
      const existing = Array.isArray(classes) ? classes : classes ? String(classes).split(' ') : [];
      properties['className'] = [...existing, value];
      written['className'] = properties['className'];
    } else {
      const property = find(html, name.replace(NOT_NAME, '_')).property;
      properties[property] = value;
      written[property] = value;
    }
  }
  data.hProperties = properties;
  data.kbAttributes = written;
}

/**
 * The attributes of a list, in order: `['.', class]`, `['id', id]` or `[name, value]`, as
 * Python-Markdown's scanner reads them (it stops at the first character it cannot read).
 */
export function parseAttributeList(list: string): [string, string][] {
  // Smart punctuation may have run before and curled the quotes.
  let rest = list.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  const attributes: [string, string][] = [];
  while (rest !== '') {
    const token = TOKENS.map((pattern) => pattern.exec(rest)?.[0]).find((found) => found !== undefined);
    if (token === undefined) break;
    rest = rest.slice(token.length);
    if (token === ' ') continue;
    const equals = token.indexOf('=');
    if (equals === -1) {
      if (token.startsWith('.')) attributes.push(['.', token.slice(1)]);
      else if (token.startsWith('#')) attributes.push(['id', token.slice(1)]);
      else attributes.push([token, token]);
      continue;
    }
    const value = token.slice(equals + 1);
    const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
    attributes.push([token.slice(0, equals), quote ? trimChar(value, quote) : value]);
  }
  return attributes;
}

/** Python's `str.strip(char)`. */
function trimChar(value: string, char: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value[start] === char) start++;
  while (end > start && value[end - 1] === char) end--;
  return value.slice(start, end);
}

/** Whether mdast-util-to-hast wraps this list's items' text in paragraphs. */
function isLoose(list: Nodes): boolean {
  if (list.type !== 'list') return true;
  return Boolean(list.spread) || list.children.some((item) => Boolean(item.spread));
}

import type { Heading, List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { SeeAlsoItem } from '../model/link-graph.ts';
import { setAstroFrontmatter } from './astro-frontmatter.ts';

const SEE_ALSO = /^see also$/i;

/**
 * Lifts the article's "See also" section out of the body, so that the layout can show it
 * with each target's current title (read from the target article, not copied in the link).
 *
 * ```md
 * ## See also
 *
 * * [Timeouts](timeouts.md)                          →  { url: '/topic/timeouts/', text: 'Timeouts', before: '', after: '' }
 * * External: [asyncio docs](https://docs.python.org/)  →  { url: 'https://…', text: 'asyncio docs', before: 'External:', after: '' }
 * ```
 *
 * The items are stored as `seeAlso` in Astro's frontmatter and the heading and list are
 * removed. Only a section that is a single list of one-link items is lifted; any other
 * "See also" section stays in the body as written. Runs after {@link remarkMkdocsLinks}.
 */
export function remarkSeeAlso() {
  return (tree: Root, file: VFile) => {
    const start = tree.children.findIndex(isSeeAlsoHeading);
    if (start === -1) return;
    const heading = tree.children[start] as Heading;
    let end = start + 1;
    while (end < tree.children.length && !endsSection(tree.children[end]!, heading.depth)) end++;
    const section = tree.children.slice(start + 1, end);
    const lists = section.filter((node): node is List => node.type === 'list');
    const onlyList = lists.length === 1 && section.every((node) => node.type === 'list' || isComment(node));
    const items = onlyList ? lists[0]!.children.map(toItem) : [];
    if (items.length === 0 || items.some((item) => item === undefined)) return;
    setAstroFrontmatter(file, 'seeAlso', items);
    tree.children.splice(start, end - start);
  };
}

function isSeeAlsoHeading(node: RootContent): boolean {
  return node.type === 'heading' && node.depth === 2 && SEE_ALSO.test(toString(node).trim());
}

function endsSection(node: RootContent, depth: number): boolean {
  return node.type === 'heading' && node.depth <= depth;
}

function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim());
}

/** One paragraph holding exactly one link and plain text around it, or undefined. */
function toItem(item: ListItem): SeeAlsoItem | undefined {
  const [paragraph, ...rest] = item.children;
  if (!paragraph || paragraph.type !== 'paragraph' || rest.length > 0) return undefined;
  const linkIndex = paragraph.children.findIndex((child) => child.type === 'link');
  const link = paragraph.children[linkIndex];
  if (!link || link.type !== 'link') return undefined;
  const others = paragraph.children.filter((_, index) => index !== linkIndex);
  if (!others.every((child) => child.type === 'text')) return undefined;
  return {
    url: link.url,
    text: toString(link),
    before: plain(paragraph.children.slice(0, linkIndex)),
    after: plain(paragraph.children.slice(linkIndex + 1)),
  };
}

function plain(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => toString(node))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

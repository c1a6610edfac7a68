import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/** A heading of the page: its level, its id, and its text as a table of contents shows it. */
export interface HeadingFact {
  depth: number;
  id: string;
  text: string;
  line: number;
  column: number;
}

/** Makes a heading's id from the heading; one per document, since ids are made unique on the page. */
export type HeadingSlugger = (heading: Heading) => string;

/**
 * Gives every heading of the tree its id, where remark-rehype puts it on the element
 * (`data.hProperties.id`), so that the ids the checker knows are the ids on the page. A heading
 * that already has an id (set by the author with attr_list) keeps it. Returns the headings in order.
 */
export function assignHeadingIds(tree: Root, slug: HeadingSlugger): HeadingFact[] {
  const headings: HeadingFact[] = [];
  visit(tree, 'heading', (node) => {
    const properties = (node.data ??= {}).hProperties ?? {};
    const preset = properties['id'];
    const id = typeof preset === 'string' ? preset : slug(node);
    node.data.hProperties = { ...properties, id };
    headings.push({
      depth: node.depth,
      id,
      text: toString(node).replace(/\s+/g, ' ').trim(),
      line: node.position?.start.line ?? 0,
      column: node.position?.start.column ?? 0,
    });
  });
  return headings;
}

/**
 * Ids as Astro's Markdown gives them (github-slugger over the heading's text, with Astro's
 * `{` quirk outside code), for sites whose anchors were published that way.
 */
export function createAstroSlugger(): HeadingSlugger {
  const slugger = new GithubSlugger();
  return (heading) => {
    let text = '';
    visit(heading, (child) => {
      if (child.type === 'text') text += child.value.replace(/\{/g, '${');
      else if (child.type === 'inlineCode') text += child.value;
      else if (child.type === 'html' && !/^\n?<.*>\n?$/.test(child.value)) text += child.value;
    });
    return slugger.slug(text);
  };
}

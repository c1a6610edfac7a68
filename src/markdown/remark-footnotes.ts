import type { FootnoteDefinition, FootnoteReference, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Processor } from 'unified';
import { visit } from './visit-tree.ts';
import type { VFile } from 'vfile';
import type { HtmlElement } from './mdast-block-extensions.ts';
import { readBlockSyntaxes } from './block-syntax.ts';
import { htmlElement } from './html-element.ts';

/** Python-Markdown's `footnotes` options, as `mkdocs.yml` gives them. */
export interface FootnotesOptions {
  /** Text whose paragraph the footnotes replace; at the end of the page if it is not there. */
  PLACE_MARKER?: string;
  /** HTML of the link back to the text. */
  BACKLINK_TEXT?: string;
  /** Text of the reference; `{}` is the footnote's number. */
  SUPERSCRIPT_TEXT?: string;
  /** Title of the link back; `{}` (or `%d`) is the footnote's number. */
  BACKLINK_TITLE?: string;
  /** Between `fn`/`fnref` and the label in ids. */
  SEPARATOR?: string;
  /** Number footnotes in the order they are defined (Python-Markdown's default), or else first referenced. */
  USE_DEFINITION_ORDER?: boolean;
}

/**
 * Python-Markdown's `footnotes`, from the footnote nodes GFM's syntax already parses.
 *
 * ```md
 * The loop runs one callback at a time.[^loop]
 *
 * [^loop]: Threads aside.
 * ```
 *
 * References and definitions are rebuilt with MkDocs' ids and structure, instead of
 * remark-rehype's `user-content-fn-…` section, so links to `#fn:loop` keep working:
 *
 * ```html
 * <p>…time.<sup id="fnref:loop"><a class="footnote-ref" href="#fn:loop">1</a></sup></p>
 * <div class="footnote"><hr><ol>
 *   <li id="fn:loop"><p>Threads aside.&#160;<a class="footnote-backref" href="#fnref:loop"
 *     title="Jump back to footnote 1 in the text">↩</a></p></li>
 * </ol></div>
 * ```
 *
 * Every defined footnote is listed, numbered in definition order; a second reference to the
 * same footnote gets `fnref2:loop` and a second link back.
 */
export function remarkFootnotes(this: Processor, options: FootnotesOptions = {}) {
  const separator = options.SEPARATOR ?? ':';
  const superscript = options.SUPERSCRIPT_TEXT ?? '{}';
  const backTitle = (options.BACKLINK_TITLE ?? 'Jump back to footnote {} in the text').replace('%d', '{}');
  const backText = options.BACKLINK_TEXT ?? '&#8617;';
  const marker = options.PLACE_MARKER ?? '///Footnotes Go Here///';

  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
    const definitions = new Map<string, FootnoteDefinition>();
    visit(tree, 'footnoteDefinition', (node) => {
      const label = node.label ?? node.identifier;
      if (!definitions.has(label)) definitions.set(label, node);
    });
    if (definitions.size === 0) return;
    const labelOf = new Map([...definitions].map(([label, node]) => [node.identifier, label]));
    const order =
      options.USE_DEFINITION_ORDER === false
        ? referenceOrder(tree, labelOf, definitions)
        : [...definitions.keys()];
    const numbers = new Map(order.map((label, index) => [label, index + 1]));

    visit(tree, 'footnoteDefinition', (_, index, parent) => {
      parent!.children.splice(index!, 1);
      return index;
    });
    const items = new Map(
      order.map((label) => [
        label,
        htmlElement('li', [...definitions.get(label)!.children], { id: `fn${separator}${label}` }),
      ]),
    );
    placeFooter(
      tree,
      htmlElement('div', [htmlElement('hr', []), htmlElement('ol', [...items.values()])], {
        className: ['footnote'],
      }),
      marker,
    );

    // References, in the text and in the footnotes themselves, in page order.
    const references = new Map<string, string[]>();
    visit(tree, 'footnoteReference', (node: FootnoteReference, index, parent) => {
      const label = labelOf.get(node.identifier);
      if (label === undefined || !parent || index === undefined) return;
      const ids = references.get(label) ?? [];
      const id = `fnref${ids.length === 0 ? '' : ids.length + 1}${separator}${label}`;
      references.set(label, [...ids, id]);
      const text = superscript.replace('{}', String(numbers.get(label)));
      const link = htmlElement('a', [{ type: 'text', value: text }], {
        className: ['footnote-ref'],
        href: `#fn${separator}${label}`,
      });
      parent.children[index] = {
        ...htmlElement('sup', [link], { id }),
        ...(node.position ? { position: node.position } : {}),
      };
    });

    for (const [label, item] of items) {
      const backlinks = (references.get(label) ?? [`fnref${separator}${label}`]).map((id) =>
        htmlElement('a', [{ type: 'html', value: backText }], {
          className: ['footnote-backref'],
          href: `#${id}`,
          title: backTitle.replace('{}', String(numbers.get(label))),
        }),
      );
      const last = item.children.at(-1);
      if (last?.type === 'paragraph') last.children.push({ type: 'text', value: '\u00a0' }, ...backlinks);
      else item.children.push({ type: 'paragraph', children: backlinks } satisfies Paragraph);
    }
  };
}

/** Labels in the order their first reference comes, then those never referenced. */
function referenceOrder(
  tree: Root,
  labelOf: Map<string, string>,
  definitions: Map<string, FootnoteDefinition>,
): string[] {
  const order = new Set<string>();
  visit(tree, 'footnoteReference', (node) => {
    const label = labelOf.get(node.identifier);
    if (label !== undefined) order.add(label);
  });
  for (const label of definitions.keys()) order.add(label);
  return [...order];
}

/** Puts the footnotes where the marker's paragraph is, or at the end of the page. */
function placeFooter(tree: Root, footer: HtmlElement, marker: string): void {
  let placed = false;
  visit(tree, 'paragraph', (node, index, parent) => {
    if (placed || !parent || index === undefined || !toString(node).includes(marker)) return;
    parent.children.splice(index, 1, footer);
    placed = true;
  });
  if (!placed) tree.children.push(footer);
}

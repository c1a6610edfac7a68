import type { Paragraph, Root } from 'mdast';
import type { Processor } from 'unified';
import { CONTINUE, EXIT, visit } from './visit-tree.ts';
import type { VFile } from 'vfile';
import type { Admonition } from './mdast-extensions.ts';
import { type BlockSyntax, readBlockSyntaxes, useBlockSyntax } from './block-syntax.ts';
import { containerPosition, markerPhrasing, readIndentedBody } from './indented-container.ts';

/** Python-Markdown's marker: `!!!`, an optional space, type and modifiers, an optional quoted title. */
const MARKER = /^!!! ?([\p{L}\p{N}_-]+(?: +[\p{L}\p{N}_-]+)*)(?: +"(.*?)")? *$/du;
const IN_SHORT_TITLE = /^in short$/i;

/**
 * Python-Markdown's `admonition` extension, as Material for MkDocs uses it.
 *
 * ```md
 * !!! info "In short"
 *     Body indented four spaces (or a tab): paragraphs, lists, code, other containers.
 *
 * !!! tip inline end
 *     No title: the type, capitalised ("Tip"). `!!! note ""` has no title at all.
 * ```
 *
 * Each becomes an `admonition` node whose body is real mdast, rendered as MkDocs renders it:
 *
 * ```html
 * <div class="admonition info kb-in-short"><p class="admonition-title">In short</p><p>…</p></div>
 * <div class="admonition tip inline end"><p class="admonition-title">Tip</p><p>…</p></div>
 * ```
 *
 * The type and modifiers are lower-cased into classes, which Material's stylesheet and the
 * authors' extra CSS select on. The first `!!! info "In short"` is the article's short answer:
 * it gets the class `in-short` and `inShort: true`, which the document model reads.
 */
export function remarkAdmonitions(this: Processor) {
  useBlockSyntax(this, admonitionSyntax());
  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
    markShortAnswer(tree);
  };
}

function admonitionSyntax(): BlockSyntax {
  return {
    name: 'admonition',
    priority: 105,
    opens: (text) => MARKER.test(text),
    read(cursor) {
      const match = cursor.node.type === 'paragraph' ? MARKER.exec(cursor.text) : null;
      if (!match) return false;
      const classes = match[1]!.toLowerCase().split(/ +/);
      const kind = classes[0]!;
      const explicit = match[2];
      const title = explicit ?? capitalize(kind);
      const { children, lastLine } = readIndentedBody(cursor);
      const titleNodes: Paragraph[] = [];
      if (title !== '') {
        const [start, end] = match.indices?.[2] ?? [0, 0];
        titleNodes.push({
          type: 'paragraph',
          children:
            explicit === undefined ? [{ type: 'text', value: title }] : markerPhrasing(cursor, start, end),
          data: { hProperties: { className: ['admonition-title'] } },
        });
      }
      const admonition: Admonition = {
        type: 'admonition',
        kind,
        title,
        collapsible: undefined,
        inShort: false,
        children: [...titleNodes, ...children],
        data: { hName: 'div', hProperties: { className: ['admonition', ...classes] } },
        position: containerPosition(cursor, lastLine),
      };
      cursor.take({ line: lastLine }, [admonition]);
      return true;
    },
  };
}

/** Python's `str.capitalize`: the first character upper case, the others lower case. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** Marks the first `!!! info "In short"` as the article's short answer. */
function markShortAnswer(tree: Root): void {
  visit(tree, 'admonition', (node) => {
    if (node.kind !== 'info' || node.collapsible || !IN_SHORT_TITLE.test(node.title)) return CONTINUE;
    node.inShort = true;
    const properties = (node.data ??= {}).hProperties ?? {};
    const classes = Array.isArray(properties['className']) ? properties['className'] : [];
    node.data.hProperties = {
      ...properties,
      className: [...classes, 'kb-in-short'],
      // The short answer weighs more in search than the body (pagefind's weights: body 1, h1 7).
      dataPagefindWeight: '5',
    };
    return EXIT;
  });
}

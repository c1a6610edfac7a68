import type { Paragraph, Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { Admonition } from './mdast-extensions.ts';
import { type BlockSyntax, readBlockSyntaxes, useBlockSyntax } from './block-syntax.ts';
import { containerPosition, markerPhrasing, readIndentedBody } from './indented-container.ts';
import { capitalize } from './remark-admonitions.ts';

/**
 * pymdownx.details' marker: `???` (closed) or `???+` (open), then classes and a quoted title, or
 * classes alone (the title is then the first one, capitalised), or a quoted title alone.
 */
const MARKER =
  /^\?{3}(\+)? ?(?:([\p{L}\p{N}_-]+(?: +[\p{L}\p{N}_-]+)*?)?(?: +"(.*?)")|([\p{L}\p{N}_-]+(?: +[\p{L}\p{N}_-]+)*?)) *$/du;

/**
 * pymdownx.details: collapsible admonitions.
 *
 * ```md
 * ??? question "Why does the loop block?"
 *     Body indented four spaces, closed until the reader opens it.
 *
 * ???+ note
 *     Open at first, and the reader may close it.
 * ```
 *
 * Each becomes an `admonition` node with `collapsible: 'closed' | 'open'`, rendered as
 * pymdownx renders it (no `admonition` class, a bare `summary`):
 *
 * ```html
 * <details class="question"><summary>Why does the loop block?</summary><p>…</p></details>
 * <details class="note" open><summary>Note</summary><p>…</p></details>
 * ```
 */
export function remarkDetails(this: Processor) {
  useBlockSyntax(this, detailsSyntax());
  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
  };
}

function detailsSyntax(): BlockSyntax {
  return {
    name: 'pymdownx.details',
    priority: 105,
    opens: (text) => MARKER.test(text),
    read(cursor) {
      const match = cursor.node.type === 'paragraph' ? MARKER.exec(cursor.text) : null;
      if (!match) return false;
      const open = match[1] !== undefined;
      const words = (match[4] ?? match[2] ?? '').toLowerCase().split(/ +/).filter(Boolean);
      const quoted = match[4] === undefined;
      const title = quoted ? (match[3] ?? '') : capitalize(words[0] ?? '');
      const { children, lastLine } = readIndentedBody(cursor);
      const [start, end] = match.indices?.[3] ?? [0, 0];
      const summary: Paragraph = {
        type: 'paragraph',
        children: quoted
          ? title === ''
            ? []
            : markerPhrasing(cursor, start, end)
          : [{ type: 'text', value: title }],
        data: { hName: 'summary' },
      };
      const details: Admonition = {
        type: 'admonition',
        kind: words[0] ?? '',
        title,
        collapsible: open ? 'open' : 'closed',
        inShort: false,
        children: [summary, ...children],
        data: {
          hName: 'details',
          hProperties: { ...(words.length > 0 ? { className: words } : {}), ...(open ? { open: true } : {}) },
        },
        position: containerPosition(cursor, lastLine),
      };
      cursor.take({ line: lastLine }, [details]);
      return true;
    },
  };
}

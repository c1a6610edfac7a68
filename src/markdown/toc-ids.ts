import type { Heading, Nodes, Root } from 'mdast';
import { visit } from './visit-tree.ts';
import { tocHeadingText } from './toc-heading-text.ts';
import { DEFAULT_TOC_SLUGIFY, slugifyHeading, type TocSlugify } from './toc-slugify.ts';

/** How one page's heading ids are made: `toc`'s options, and what the page already holds. */
export interface TocIdsOptions {
  /** How heading text becomes an id (Python-Markdown's default `slugify`). */
  slugify?: TocSlugify | undefined;
  /** What joins words (`-`). */
  separator?: string | undefined;
  /** The Markdown the page was parsed from, so that `&amp;` and the like drop out as they do in MkDocs. */
  source?: string | undefined;
  /**
   * Ids already on the page before any heading gets one (an attr_list `{#id}` anywhere on
   * it, even further down), which headings' ids must avoid.
   */
  reserved?: Iterable<string> | undefined;
  /** Footnote identifiers in the order they are defined: a reference in a heading reads as its number. */
  footnotes?: readonly string[] | undefined;
}

/** One page's heading ids, handed out in document order. */
export interface TocIds {
  /**
   * The id of the next heading: the id it already has (`data.hProperties.id`, as attr_list
   * sets it) kept as it is, else its slug, made unique with `_1`, `_2`…
   */
  idFor(heading: Heading): string;
}

/** Makes the id-giver of one page; call `idFor` for each heading in document order. */
export function createTocIds(options: TocIdsOptions = {}): TocIds {
  const used = new Set(options.reserved ?? []);
  const slugify = options.slugify ?? DEFAULT_TOC_SLUGIFY;
  const separator = options.separator ?? '-';
  const context = { source: options.source, footnotes: options.footnotes };
  return {
    idFor(heading) {
      const explicit = explicitId(heading);
      if (explicit !== undefined) {
        used.add(explicit);
        return explicit;
      }
      return unique(slugifyHeading(tocHeadingText(heading, context), separator, slugify), used);
    },
  };
}

/**
 * Every heading's id on a page, in document order, as Python-Markdown's `toc` gives them:
 * ids set anywhere on the page are reserved first, and footnote references read as numbers.
 */
export function headingIdsOf(
  tree: Root,
  options: Omit<TocIdsOptions, 'reserved' | 'footnotes'> = {},
): Map<Heading, string> {
  const reserved = new Set<string>();
  const footnotes: string[] = [];
  const headings: Heading[] = [];
  visit(tree, (node: Nodes) => {
    const id = explicitId(node);
    if (id !== undefined) reserved.add(id);
    if (node.type === 'footnoteDefinition' && !footnotes.includes(node.identifier))
      footnotes.push(node.identifier);
    if (node.type === 'heading') headings.push(node);
  });
  const ids = createTocIds({ ...options, reserved, footnotes });
  return new Map(headings.map((heading) => [heading, ids.idFor(heading)]));
}

/** Python-Markdown's `unique()`: an empty id or one in use gets `_1`, and an `_N` ending counts up. */
export function unique(id: string, used: Set<string>): string {
  let candidate = id;
  while (candidate === '' || used.has(candidate)) {
    const counted = /^(.*)_([0-9]+)$/u.exec(candidate);
    candidate = counted ? `${counted[1]}_${BigInt(counted[2]!) + 1n}` : `${candidate}_1`;
  }
  used.add(candidate);
  return candidate;
}

function explicitId(node: Nodes): string | undefined {
  // `hProperties` is mdast-util-to-hast's field: the HTML attributes a node will render with.
  const id = (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties?.['id'];
  return typeof id === 'string' ? id : undefined;
}

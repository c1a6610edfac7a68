import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from './visit-tree.ts';
import type { HtmlElement, TableOfContents } from './mdast-block-extensions.ts';
import { htmlElement } from './html-element.ts';

/** Python-Markdown's `toc` options that shape the table of contents, as `mkdocs.yml` gives them. */
export interface TableOfContentsOptions {
  /** A title before the list, in `span.toctitle`. */
  title?: string;
  /** The title's class (Python-Markdown 3.5). */
  title_class?: string;
  /** The deepest level listed (`3`), or the levels listed (`"2-4"`). */
  toc_depth?: number | string;
}

interface Entry {
  level: number;
  id: string;
  name: string;
  children: Entry[];
}

/**
 * Fills each `tableOfContents` node (where `[TOC]` stood) with the page's table of contents as
 * Python-Markdown renders it: nested `ul` > `li` > `a[href="#id"]`, from the headings that have
 * an id (`data.hProperties.id`), within `toc_depth`. A heading's `data-toc-label` attribute, set
 * with attr_list, names it in the list instead of its text, and is taken off the heading.
 *
 * ```html
 * <div class="toc"><ul><li><a href="#setup">Setup</a><ul><li><a href="#install">Install</a></li></ul></li></ul></div>
 * ```
 *
 * Runs after the step that sets heading ids (this module makes none: one slugger, one place).
 */
export function remarkTableOfContents(options: TableOfContentsOptions = {}) {
  const [top, bottom] = depthRange(options.toc_depth);
  return (tree: Root) => {
    const nodes: TableOfContents[] = [];
    visit(tree, 'tableOfContents', (node) => void nodes.push(node));
    if (nodes.length === 0) return;
    const flat: Entry[] = [];
    visit(tree, 'heading', (heading: Heading) => {
      const properties = heading.data?.hProperties;
      const id = properties?.['id'];
      if (typeof id !== 'string' || heading.depth < top || heading.depth > bottom) return;
      const label = properties?.['dataTocLabel'];
      if (label !== undefined) delete properties!['dataTocLabel'];
      const name = typeof label === 'string' ? label : toString(heading).trim();
      flat.push({ level: heading.depth, id, name, children: [] });
    });
    const list = listOf(nest(flat));
    for (const node of nodes) {
      node.children = [
        ...(options.title
          ? [
              htmlElement('span', [{ type: 'text', value: options.title }], {
                className: [options.title_class ?? 'toctitle'],
              }),
            ]
          : []),
        structuredClone(list),
      ];
    }
  };
}

/** The levels to list: `3` means 1 to 3, `"2-4"` 2 to 4. */
function depthRange(depth: number | string | undefined): [number, number] {
  if (typeof depth === 'string' && depth.includes('-')) {
    const [top = '1', bottom = '6'] = depth.split('-');
    return [Number(top), Number(bottom)];
  }
  return [1, depth === undefined ? 6 : Number(depth)];
}

/** Python-Markdown's `nest_toc_tokens`: each heading under the closest shallower one before it. */
function nest(flat: Entry[]): Entry[] {
  const ordered: Entry[] = [];
  const [first, ...rest] = flat;
  if (!first) return ordered;
  let last = first;
  let levels = [first.level];
  let parents: Entry[] = [];
  ordered.push(first);
  for (const entry of rest) {
    if (entry.level < levels.at(-1)!) {
      levels.pop();
      let pop = 0;
      for (const parent of [...parents].reverse()) {
        if (entry.level <= parent.level) pop++;
        else break;
      }
      if (pop > 0) {
        levels = levels.slice(0, -pop);
        parents = parents.slice(0, -pop);
      }
      levels.push(entry.level);
    }
    if (entry.level === levels.at(-1)) {
      (parents.at(-1)?.children ?? ordered).push(entry);
    } else {
      last.children.push(entry);
      parents.push(last);
      levels.push(entry.level);
    }
    last = entry;
  }
  return ordered;
}

function listOf(entries: Entry[]): HtmlElement {
  return htmlElement(
    'ul',
    entries.map((entry) =>
      htmlElement('li', [
        htmlElement('a', [{ type: 'text', value: entry.name }], { href: `#${entry.id}` }),
        ...(entry.children.length > 0 ? [listOf(entry.children)] : []),
      ]),
    ),
  );
}

import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { visit } from './visit-tree.ts';
import type { VFile } from 'vfile';
import type { HtmlElement, Tab, TabbedSet } from './mdast-block-extensions.ts';
import { type BlockSyntax, readBlockSyntaxes, useBlockSyntax } from './block-syntax.ts';
import { containerPosition, markerPhrasing, readIndentedBody } from './indented-container.ts';
import { htmlElement } from './html-element.ts';

/** pymdownx.tabbed's options, as `mkdocs.yml` gives them. */
export interface TabbedOptions {
  /** Labels in a row of their own and panels after them (Material's recommended style). */
  alternate_style?: boolean;
}

/** `===`, then `!` (start a new set) and/or `+` (select this tab), then the quoted label. */
const MARKER = /^={3}(!|\+|\+!|!\+)? +"(.*?)" *$/d;

/**
 * pymdownx.tabbed: content tabs.
 *
 * ```md
 * === "Python"
 *     ```py
 *     print("hello")
 *     ```
 * === "Node.js"
 *     Consecutive tabs form one set; `===!` starts a new set, `===+` selects the tab.
 * ```
 *
 * Each set becomes a `tabbedSet` node holding a `tab` node per panel (its body real mdast, so code
 * in a tab runs like any other example), rendered as pymdownx renders it, so that the tabs switch
 * with CSS alone (`src/styles/tabbed.css`):
 *
 * ```html
 * <div class="tabbed-set" data-tabs="1:2">
 *   <input name="__tabbed_1" type="radio" id="__tabbed_1_1" checked><label for="__tabbed_1_1">Python</label>
 *   <div class="tabbed-content">…</div>
 *   …
 * </div>
 * ```
 *
 * With `alternate_style`, the inputs come first, then `div.tabbed-labels` with the labels, then
 * `div.tabbed-content` with a `div.tabbed-block` per panel. Sets are numbered in page order, so
 * ids are unique on the page. `===+` is read as newer pymdownx releases read it.
 */
export function remarkTabbed(this: Processor, options: TabbedOptions = {}) {
  const alternate = options.alternate_style === true;
  useBlockSyntax(this, tabbedSyntax(alternate));
  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
    numberTabs(tree);
  };
}

function tabbedSyntax(alternate: boolean): BlockSyntax {
  return {
    name: 'pymdownx.tabbed',
    priority: 105,
    opens: (text) => MARKER.test(text),
    read(cursor) {
      const match = cursor.node.type === 'paragraph' ? MARKER.exec(cursor.text) : null;
      if (!match) return false;
      const special = match[1] ?? '';
      const [start, end] = match.indices?.[2] ?? [0, 0];
      const { children, lastLine } = readIndentedBody(cursor);
      const position = containerPosition(cursor, lastLine);
      const tab: Tab = {
        type: 'tab',
        title: match[2] ?? '',
        selected: special.includes('+'),
        children,
        data: { hName: 'div', hProperties: { className: [alternate ? 'tabbed-block' : 'tabbed-content'] } },
        position,
      };
      const label = htmlElement('label', markerPhrasing(cursor, start, end));
      const input = htmlElement('input', []);
      const previous = cursor.previous;
      if (previous?.type === 'tabbedSet' && previous.alternate === alternate && !special.includes('!')) {
        addTab(previous, input, label, tab);
        if (previous.position) previous.position.end = position.end;
        cursor.take({ line: lastLine }, []);
        return true;
      }
      const set: TabbedSet = {
        type: 'tabbedSet',
        alternate,
        children: alternate
          ? [
              htmlElement('div', [], { className: ['tabbed-labels'] }),
              htmlElement('div', [], { className: ['tabbed-content'] }),
            ]
          : [],
        data: {
          hName: 'div',
          hProperties: { className: alternate ? ['tabbed-set', 'tabbed-alternate'] : ['tabbed-set'] },
        },
        position: { start: position.start, end: position.end },
      };
      addTab(set, input, label, tab);
      cursor.take({ line: lastLine }, [set]);
      return true;
    },
  };
}

function addTab(set: TabbedSet, input: HtmlElement, label: HtmlElement, tab: Tab): void {
  if (!set.alternate) {
    set.children.push(input, label, tab);
    return;
  }
  const labels = set.children.at(-2) as HtmlElement;
  const panels = set.children.at(-1) as HtmlElement;
  set.children.splice(set.children.length - 2, 0, input);
  labels.children.push(label);
  panels.children.push(tab);
}

/**
 * Numbers the sets in page order, as pymdownx counts them while it parses, and checks the last
 * tab marked `+` of each set, or else its first.
 */
function numberTabs(tree: Root): void {
  let count = 0;
  visit(tree, 'tabbedSet', (set) => {
    count++;
    const inputs: HtmlElement[] = [];
    const labels: HtmlElement[] = [];
    const tabs: Tab[] = [];
    for (const child of set.children) {
      if (child.type === 'tab') tabs.push(child);
      if (child.type !== 'htmlElement') continue;
      if (child.tagName === 'input') inputs.push(child);
      if (child.tagName === 'label') labels.push(child);
      for (const inner of child.children) {
        if (inner.type === 'tab') tabs.push(inner);
        if (inner.type === 'htmlElement' && inner.tagName === 'label') labels.push(inner);
      }
    }
    const marked = tabs.findLastIndex((tab) => tab.selected);
    const selected = marked === -1 ? 0 : marked;
    tabs.forEach((tab, index) => {
      const id = `__tabbed_${count}_${index + 1}`;
      tab.selected = index === selected;
      inputs[index]!.data = {
        hName: 'input',
        hProperties: { type: 'radio', name: `__tabbed_${count}`, id, checked: index === selected },
      };
      labels[index]!.data = { hName: 'label', hProperties: { htmlFor: [id] } };
    });
    const data = (set.data ??= {});
    data.hProperties = { ...data.hProperties, dataTabs: `${count}:${tabs.length}` };
  });
}

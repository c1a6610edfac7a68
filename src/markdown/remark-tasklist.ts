import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Data, List, ListItem, Node, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from './visit-tree.ts';

/** The options of `pymdownx.tasklist` as `mkdocs.yml` gives them. */
export interface TasklistOptions {
  /** Wrap the checkbox in a label with an indicator that CSS draws (Material's style); default false. */
  custom_checkbox?: boolean;
  /** Leave the checkbox enabled (clicks change nothing saved); default false. */
  clickable_checkbox?: boolean;
}

/** The checkbox of a task list item: a phrasing node that renders as the checkbox pymdownx writes. */
export interface TaskListControl extends Node {
  type: 'taskListControl';
  checked: boolean;
  data?: Data;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    taskListControl: TaskListControl;
  }
  interface RootContentMap {
    taskListControl: TaskListControl;
  }
}

/**
 * pymdownx.tasklist: task lists with the markup MkDocs writes.
 *
 * ```md
 * - [x] Start the loop          <ul class="task-list">
 * - [ ] Close it            →     <li class="task-list-item"><label class="task-list-control">
 *                                   <input type="checkbox" disabled checked aria-label="Start the loop">
 *                                   <span class="task-list-indicator"></span></label> Start the loop</li>
 * ```
 *
 * GFM's task list syntax has read `[ ]` and `[x]` into `checked`; this replaces remark-rehype's
 * checkbox with pymdownx's: `task-list` on the list, `task-list-item` on the item, and with
 * `custom_checkbox` the label and indicator that Material's stylesheet draws. The checkbox
 * is named after its item, so a screen reader says what is done.
 */
export function remarkTasklist(options: TasklistOptions = {}) {
  return (tree: Root) => {
    visit(tree, 'list', (list: List) => {
      let tasks = false;
      for (const item of list.children) if (convert(item, options)) tasks = true;
      if (tasks) addClass(list, 'task-list');
    });
  };
}

function convert(item: ListItem, options: TasklistOptions): boolean {
  if (typeof item.checked !== 'boolean') return false;
  const checked = item.checked;
  delete item.checked;
  addClass(item, 'task-list-item');
  const first = item.children[0];
  if (first?.type !== 'paragraph') return true;
  const label = toString(first).trim();
  const control: TaskListControl = {
    type: 'taskListControl',
    checked,
    data: controlElement(checked, label, options),
  };
  const space: PhrasingContent = { type: 'text', value: ' ' };
  first.children.unshift(control, space);
  return true;
}

function controlElement(checked: boolean, label: string, options: TasklistOptions): Data {
  const input = checkbox(checked, label, options);
  if (!options.custom_checkbox) return { hName: 'input', hProperties: input.properties, hChildren: [] };
  return {
    hName: 'label',
    hProperties: { className: ['task-list-control'] },
    hChildren: [input, h('span', { className: ['task-list-indicator'] })],
  };
}

function checkbox(checked: boolean, label: string, options: TasklistOptions): Element {
  return h('input', {
    type: 'checkbox',
    disabled: !options.clickable_checkbox,
    checked,
    ariaLabel: label.length > 100 ? `${label.slice(0, 97)}...` : label,
  });
}

function addClass(node: List | ListItem, name: string): void {
  const data = (node.data ??= {});
  const properties = (data.hProperties ??= {});
  const existing = properties['className'];
  properties['className'] = [...(Array.isArray(existing) ? existing : []), name];
}

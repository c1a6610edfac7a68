import type { Code, Parent, Root, RootContent } from 'mdast';
import { visit } from './visit-tree.ts';
import { parseFenceMeta } from './fence-meta.ts';
import type { CodeFigure } from './mdast-extensions.ts';

/** The element the renderer leaves where an example's verification line goes; the page fills it. */
export const SLOT_ELEMENT = 'kb-slot';

/**
 * Wraps code in figures, following the roles the document model gave the code blocks: an
 * example with its caption, copy button and a slot for the line that says what verified it,
 * and the output block that belongs to it, styled as output.
 *
 * ````md
 * ```ts title="Example 1"        →  <figure class="kb-code-example" data-lang="ts">
 * console.log(1)                       <figcaption>Example 1</figcaption> <pre>…</pre> <button>… <kb-slot>
 * ```
 *
 * **Output:**                     →  (dropped by the page renderer: the figure says it)
 *
 * ```text                         →  <figure class="kb-code-output"><figcaption>Output</figcaption> <pre>…
 * 1
 * ```
 * ````
 */
export function remarkCodeFigures() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if ('children' in node && node.type !== 'codeFigure') wrapChildren(node as Parent);
    });
  };
}

function wrapChildren(parent: Parent): void {
  const children = parent.children as RootContent[];
  if (!children.some((child) => child.type === 'code')) return;
  parent.children = children.map((child) => {
    if (child.type !== 'code') return child;
    return child.data?.kbRole === 'output' ? outputFigure(child) : exampleFigure(child);
  });
}

function exampleFigure(code: Code): CodeFigure {
  const meta = parseFenceMeta(code.meta);
  const language = code.lang ?? 'text';
  const children: CodeFigure['children'] = [];
  if (meta.title) children.push(caption(meta.title));
  children.push(code, copyButton());
  if (code.data?.kbCode !== undefined) children.push(slot(code.data.kbCode));
  return {
    type: 'codeFigure',
    role: 'example',
    children,
    ...(code.position ? { position: code.position } : {}),
    data: { hName: 'figure', hProperties: { className: ['kb-code-example'], dataLang: language } },
  };
}

function outputFigure(code: Code): CodeFigure {
  // Shiki has no `output` grammar; plain text keeps the block unhighlighted.
  code.lang = 'text';
  return {
    type: 'codeFigure',
    role: 'output',
    children: [caption('Output'), code],
    ...(code.position ? { position: code.position } : {}),
    data: { hName: 'figure', hProperties: { className: ['kb-code-output'] } },
  };
}

function caption(text: string): CodeFigure['children'][number] {
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: text }],
    data: { hName: 'figcaption' },
  };
}

function slot(codeIndex: number): CodeFigure['children'][number] {
  return {
    type: 'paragraph',
    children: [],
    data: { hName: SLOT_ELEMENT, hProperties: { dataCode: String(codeIndex) } },
  };
}

/** Hidden until the copy script runs: without JavaScript it could do nothing. */
function copyButton(): CodeFigure['children'][number] {
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: 'Copy' }],
    data: {
      hName: 'button',
      hProperties: {
        type: 'button',
        className: ['kb-copy-button'],
        hidden: true,
        ariaLabel: 'Copy code to clipboard',
      },
    },
  };
}

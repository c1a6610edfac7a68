import type { Code, Parent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseFenceMeta } from '../pipeline/fence-meta.ts';
import { findOutputBlock, OUTPUT_LANGUAGES } from '../pipeline/output-blocks.ts';
import type { CodeFigure } from './mdast-extensions.ts';

/**
 * Wraps fenced code in figures: an example with its caption and copy button, and the
 * output block that follows it, styled as output.
 *
 * ````md
 * ```ts title="Example 1"        →  <figure class="code-example" data-lang="ts">
 * console.log(1)                       <figcaption>Example 1</figcaption> <pre>…</pre> <button>…
 * ```
 *
 * **Output:**                     →  (dropped: the figure says it)
 *
 * ```text                         →  <figure class="code-output"><figcaption>Output</figcaption> <pre>…
 * 1
 * ```
 * ````
 *
 * An output block is a `output`/`text`/`console` fence right after an example, or any
 * fence after a paragraph that is only `Output:`.
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
  const out: RootContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'code') {
      out.push(child);
      continue;
    }
    out.push(exampleFigure(child));
    const output = OUTPUT_LANGUAGES.has(child.lang ?? '') ? undefined : findOutputBlock(children, i);
    if (output) {
      out.push(outputFigure(output.code));
      i = output.index;
    }
  }
  parent.children = out;
}

function exampleFigure(code: Code): CodeFigure {
  const { title } = parseFenceMeta(code.meta);
  const language = code.lang ?? 'text';
  const children: CodeFigure['children'] = [];
  if (title) children.push(caption(title));
  children.push(code, copyButton());
  return {
    type: 'codeFigure',
    role: 'example',
    children,
    ...(code.position ? { position: code.position } : {}),
    data: { hName: 'figure', hProperties: { className: ['code-example'], dataLang: language } },
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
    data: { hName: 'figure', hProperties: { className: ['code-output'] } },
  };
}

function caption(text: string): CodeFigure['children'][number] {
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: text }],
    data: { hName: 'figcaption' },
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
        className: ['copy-button'],
        hidden: true,
        ariaLabel: 'Copy code to clipboard',
      },
    },
  };
}

import type { Code, Parent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseFenceMeta } from './fence-meta.ts';
import { findOutputBlock, OUTPUT_LANGUAGES } from './output-blocks.ts';
import type { CodeFigure } from './mdast-extensions.ts';

/** What the build proved about examples, for the line each example shows under its code. */
export interface Verification {
  /** `verified`: every example that runs passed in this build; `skipped`: the build did not run them. */
  status: 'verified' | 'skipped' | 'unverified';
  /** The runtime each runnable fence language ran on, e.g. `{ ts: 'Node.js 24.9.0' }`. */
  runtimes: Record<string, string>;
}

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
 * fence after a paragraph that is only `Output:`. With `verification`, each runnable example
 * also says whether it was verified and on which runtime (`<p class="verification verified">`).
 */
export function remarkCodeFigures(options: { verification?: Verification } = {}) {
  return (tree: Root) => {
    visit(tree, (node) => {
      if ('children' in node && node.type !== 'codeFigure')
        wrapChildren(node as Parent, options.verification);
    });
  };
}

function wrapChildren(parent: Parent, verification: Verification | undefined): void {
  const children = parent.children as RootContent[];
  if (!children.some((child) => child.type === 'code')) return;
  const out: RootContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'code') {
      out.push(child);
      continue;
    }
    out.push(exampleFigure(child, verification));
    const output = OUTPUT_LANGUAGES.has(child.lang ?? '') ? undefined : findOutputBlock(children, i);
    if (output) {
      out.push(outputFigure(output.code));
      i = output.index;
    }
  }
  parent.children = out;
}

function exampleFigure(code: Code, verification: Verification | undefined): CodeFigure {
  const meta = parseFenceMeta(code.meta);
  const language = code.lang ?? 'text';
  const children: CodeFigure['children'] = [];
  if (meta.title) children.push(caption(meta.title));
  children.push(code, copyButton());
  const runtime = verification?.runtimes[language.toLowerCase()];
  if (verification && runtime)
    children.push(verificationNote(verification.status, runtime, meta.flags.has('norun')));
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

function verificationNote(
  status: Verification['status'],
  runtime: string,
  norun: boolean,
): CodeFigure['children'][number] {
  const [state, text] = norun
    ? ['not-run', 'Shown only: this example is not run']
    : status === 'verified'
      ? ['verified', `Verified on ${runtime}`]
      : status === 'skipped'
        ? ['unverified', 'Not verified: this build skipped the examples']
        : ['unverified', 'Not verified yet (development server)'];
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: text }],
    data: { hProperties: { className: ['verification', state] } },
  };
}

import { NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { normaliseText } from './text-blocks.ts';

/** What pymdownx.highlight's options make of a code block: its title, line numbers, highlighted lines. */
export interface CodeBlock {
  title: string;
  /** The number shown beside each line when lines are numbered (`linenums`), `''` where none is shown. */
  numbers?: string[];
  /** The lines `hl_lines` highlights, counted from 1. */
  highlighted: number[];
}

/** MkDocs' code blocks: `div.highlight` (Pygments), with its `.filename`, `.linenos` and `.hll` lines. */
export function mkdocsCodeBlocks(content: HTMLElement): CodeBlock[] {
  return content.querySelectorAll('div.highlight').map((block) => {
    // Pygments' column of numbers: one line per code line, blank where a step skips it.
    const column = block.querySelector('.linenos');
    const numbers = column?.text.replace(/\n$/, '').split('\n').map(normaliseText);
    const highlighted: number[] = [];
    let line = 1;
    // Pygments wraps each highlighted line, its newline included, in `span.hll`.
    const walk = (node: Node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === NodeType.ELEMENT_NODE && (child as HTMLElement).classList.contains('hll'))
          highlighted.push(line);
        if (child.nodeType === NodeType.TEXT_NODE) line += (child.text.match(/\n/g) ?? []).length;
        else walk(child);
      }
    };
    const code = block.querySelector('td.code code') ?? block.querySelector('pre code');
    if (code) walk(code);
    return {
      title: normaliseText(block.querySelector('.filename')?.text ?? ''),
      ...(numbers ? { numbers } : {}),
      highlighted,
    };
  });
}

/** Our code blocks: shiki's `pre.astro-code`, captioned by its figure, numbered and highlighted by line. */
export function ourCodeBlocks(content: HTMLElement): CodeBlock[] {
  return content.querySelectorAll('pre.astro-code').map((pre) => {
    const figure = pre.parentNode;
    const caption = figure?.classList.contains('kb-code-example')
      ? figure.querySelector(':scope > figcaption')
      : null;
    const lines = pre.querySelectorAll('span.line');
    // Drawn by CSS from each line's `data-linenos`.
    const numbered = pre.querySelector('.linenos') !== null;
    const numbers = lines.map((line) =>
      normaliseText(line.querySelector('.linenos')?.getAttribute('data-linenos') ?? ''),
    );
    const highlighted = lines.flatMap((line, index) => (line.classList.contains('hll') ? [index + 1] : []));
    return {
      title: normaliseText(caption?.text ?? ''),
      ...(numbered ? { numbers } : {}),
      highlighted,
    };
  });
}

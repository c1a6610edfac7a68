import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import katex from 'katex';
import type { Root } from 'mdast';
import type { Point } from 'unist';
import type { Processor } from 'unified';
import { visit } from './visit-tree.ts';
import type { VFile } from 'vfile';
import { arithmatexFromMarkdown, arithmatexSyntax } from './arithmatex-syntax.ts';
import type { InlineMath, Math } from './mdast-inline.ts';

/** The options of `pymdownx.arithmatex` as `mkdocs.yml` gives them. */
export interface ArithmatexOptions {
  /** `dollar` (`$…$`) and `round` (`\(…\)`); both by default. */
  inline_syntax?: string[];
  /** `dollar` (`$$…$$`), `square` (`\[…\]`) and `begin` (`\begin{env}…\end{env}`); all by default. */
  block_syntax?: string[];
  /** No space just inside `$…$` (so prices stay text); default true. */
  smart_dollar?: boolean;
  /** The element around inline math; default `span`. */
  inline_tag?: string;
  /** The element around block math; default `div`. */
  block_tag?: string;
  /** Accepted and ignored: MkDocs leaves math to a script, here it is rendered when the page is built. */
  generic?: boolean;
  /** The delimiters the source is shown with when it cannot be rendered; default `\(` `\)`. */
  tex_inline_wrap?: [string, string];
  /** The same for blocks; default `\[` `\]`. */
  tex_block_wrap?: [string, string];
}

/**
 * pymdownx.arithmatex: TeX math, rendered when the site is built.
 *
 * ```md
 * The loop runs $n \log n$ times.        →  <span class="arithmatex"><span class="katex">…</span></span>
 *
 * $$
 * T(n) = \sum_{i=1}^{n} t_i              →  <div class="arithmatex"><span class="katex-display">…</span></div>
 * $$
 * ```
 *
 * MkDocs writes the TeX into the page (`\(…\)`, `\[…\]`) for MathJax or KaTeX to typeset in
 * the browser; here KaTeX typesets it into HTML and MathML at build time, so a page needs
 * no script, only KaTeX's stylesheet (the document model notes that the page needs it). TeX that
 * KaTeX cannot read is reported with `file.message` (rule `math-invalid`) at its place and
 * shown as its source, in `<code>`. `\gdef` carries over within a page, as with MathJax.
 */
export function remarkArithmatex(this: Processor, options: ArithmatexOptions = {}) {
  const syntax = {
    inline: new Set(options.inline_syntax ?? ['dollar', 'round']),
    block: new Set(options.block_syntax ?? ['dollar', 'square', 'begin']),
    smartDollar: options.smart_dollar !== false,
  };
  const data = this.data();
  (data.micromarkExtensions ??= []).push(arithmatexSyntax(syntax));
  (data.fromMarkdownExtensions ??= []).push(arithmatexFromMarkdown(syntax));
  const inlineWrap = options.tex_inline_wrap ?? ['\\(', '\\)'];
  const blockWrap = options.tex_block_wrap ?? ['\\[', '\\]'];

  return (tree: Root, file: VFile) => {
    // One set of macros per page: `\gdef` in one formula is known to the formulas after it.
    const macros: Record<string, string> = {};
    visit(tree, (node) => {
      if (node.type !== 'inlineMath' && node.type !== 'math') return;
      const display = node.type === 'math';
      const tag = (display ? options.block_tag : options.inline_tag) ?? (display ? 'div' : 'span');
      try {
        node.data = {
          hName: tag,
          hProperties: { className: ['arithmatex'] },
          hChildren: typeset(node.value, display, macros),
        };
      } catch (error) {
        if (!(error instanceof katex.ParseError)) throw error;
        const [open, close] = display ? blockWrap : inlineWrap;
        file.message(`\`${oneLine(node.value)}\` is not valid TeX: ${error.rawMessage}`, {
          place: errorPlace(node, error.position, file),
          ruleId: 'math-invalid',
          source: 'pymdownx.arithmatex',
        });
        node.data = {
          hName: tag,
          hProperties: { className: ['arithmatex', 'arithmatex-error'] },
          hChildren: [
            {
              type: 'element',
              tagName: 'code',
              properties: {},
              children: [{ type: 'text', value: `${open}${node.value}${close}` }],
            },
          ],
        };
      }
    });
  };
}

/** KaTeX's HTML and MathML for one formula, as hast. */
function typeset(tex: string, displayMode: boolean, macros: Record<string, string>): ElementContent[] {
  const html = katex.renderToString(tex, {
    displayMode,
    output: 'htmlAndMathml',
    throwOnError: true,
    // LaTeX-compatibility warnings would go to the console; the formula still renders.
    strict: 'ignore',
    globalGroup: true,
    macros,
  });
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}

function oneLine(tex: string): string {
  const flat = tex.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/** Where in the file KaTeX's error is: the formula's start moved by the error's offset in the TeX. */
function errorPlace(node: InlineMath | Math, position: number | undefined, file: VFile): Point | undefined {
  const start = node.position?.start;
  if (!start || position === undefined || start.offset === undefined) return start;
  const source = String(file.value);
  const delimiter = /^(\$\$|\\\[|\\\(|\$)/.exec(source.slice(start.offset))?.[0].length ?? 0;
  const lines = node.value.slice(0, position).split('\n');
  if (lines.length === 1) return { line: start.line, column: start.column + delimiter + position };
  // Later lines may sit in a container (a list item, an admonition) whose prefix the TeX lacks.
  const line = start.line + lines.length - 1;
  const texLine = node.value.split('\n')[lines.length - 1] ?? '';
  const fileLine = source.split(/\r?\n/)[line - 1] ?? texLine;
  return { line, column: fileLine.length - texLine.length + lines.at(-1)!.length + 1 };
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { render } from './render.ts';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { PYTHON_MARKDOWN, renderWithPythonMarkdown } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { canonicalHtml, visibleText } from './helpers/compare-html.ts';
import { renderInline } from './helpers/render-inline.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

const MATERIAL = { 'pymdownx.arithmatex': { generic: true } };
const source = await readFile(path.join(import.meta.dirname, 'fixtures/arithmatex.md'), 'utf8');

async function ours(markdown: string, extensions: Record<string, Record<string, unknown>> = MATERIAL) {
  return renderInline(markdown, { remark: inlineExtensionPlugins(extensions).remarkPlugins });
}

interface Formula {
  tag: string;
  tex: string;
}

/**
 * Each `.arithmatex` element's tag and TeX, and the page with each replaced by a placeholder.
 * MkDocs writes the TeX wrapped in `\(…\)` or `\[…\]`; KaTeX keeps it in its MathML annotation.
 */
function formulas(html: string): { formulas: Formula[]; rest: string } {
  const tree = fromHtml(html, { fragment: true });
  const found: Formula[] = [];
  visit(tree, 'element', (element: Element, index, parent) => {
    const classes = element.properties['className'];
    if (!Array.isArray(classes) || !classes.includes('arithmatex') || !parent || index === undefined) return;
    let annotation: Element | undefined;
    visit(element, 'element', (child: Element) => {
      if (child.tagName === 'annotation') annotation = child;
    });
    const tex = annotation ? toText(annotation) : toText(element).replace(/^\\[([]|\\[)\]]$/g, '');
    found.push({ tag: element.tagName, tex: tex.trim() });
    parent.children[index] = {
      type: 'element',
      tagName: element.tagName,
      properties: {},
      children: [{ type: 'text', value: 'MATH' }],
    };
    return 'skip';
  });
  return { formulas: found, rest: canonicalHtml(toHtml(tree)) };
}

describe('pymdownx.arithmatex, typeset with KaTeX', () => {
  it.skipIf(!oracle)(
    'finds the same math as MkDocs, with the same TeX, and leaves the rest alike',
    async () => {
      const theirs = formulas(await renderWithPythonMarkdown(source, MATERIAL));
      const mine = formulas((await ours(source)).html);
      expect(mine.formulas).toEqual(theirs.formulas);
      expect(mine.formulas).toHaveLength(8);
      expect(mine.rest).toBe(theirs.rest);
    },
  );

  it('writes KaTeX HTML and MathML inside the elements MkDocs writes, with no delimiters left', async () => {
    const { html, file } = await ours('Costs $O(n^2)$.\n\n$$\nT(n) = 2T(n/2) + n\n$$\n');
    expect(html).toMatch(
      /^<p>Costs <span class="arithmatex"><span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">/,
    );
    expect(html).toContain('<div class="arithmatex"><span class="katex-display">');
    expect(visibleText(html)).not.toMatch(/\$|\\\(|\\\[/);
    expect(file.messages).toEqual([]);
    // The document model notes that the page needs KaTeX's stylesheet.
    const { facts } = await render('Costs $O(n^2)$.\n', { extensions: MATERIAL });
    expect(facts.needs).toEqual({ math: true, diagrams: false });
  });

  it('reports TeX that KaTeX cannot read where KaTeX stopped, and shows the source', async () => {
    const { html, file } = await ours('Fine $x$.\n\n- Broken $\\frac{1}$ here.\n');
    expect(
      file.messages.map((message) => [message.line, message.column, message.ruleId, message.reason]),
    ).toEqual([
      [
        3,
        // The formula starts at column 10; KaTeX stops at its end, where the `}` is missing.
        19,
        'math-invalid',
        "`\\frac{1}` is not valid TeX: Unexpected end of input in a macro argument, expected '}'",
      ],
    ]);
    expect(html).toContain('<span class="arithmatex arithmatex-error"><code>\\(\\frac{1}\\)</code></span>');
  });

  it('never looks inside code and stays text when the extension is not enabled', async () => {
    const code = await ours('`$x$` and\n\n    $$y$$\n');
    expect(code.html).not.toContain('katex');
    const off = await ours('Costs $O(n^2)$ and \\(x\\).\n\n$$\ny\n$$\n', {});
    expect(off.html).toBe('<p>Costs $O(n^2)$ and (x).</p>\n<p>$$\ny\n$$</p>');
    if (oracle)
      expect(canonicalHtml(off.html)).toBe(
        canonicalHtml(await renderWithPythonMarkdown('Costs $O(n^2)$ and \\(x\\).\n\n$$\ny\n$$\n', {})),
      );
  });

  it('keeps macros defined with \\gdef for the rest of the page only', async () => {
    const page = await ours('$\\gdef\\cost{O(n)}$ then $\\cost$.');
    expect(page.file.messages).toEqual([]);
    const other = await ours('$\\cost$');
    expect(other.file.messages.map((message) => message.ruleId)).toEqual(['math-invalid']);
  });
});

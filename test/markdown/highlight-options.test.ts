import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { PYTHON_MARKDOWN, renderWithPythonMarkdown } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { renderInline } from './helpers/render-inline.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

type Extensions = Record<string, Record<string, unknown>>;

/** Material's documented highlight set-up. */
const MATERIAL: Extensions = {
  'pymdownx.highlight': { anchor_linenums: true, line_spans: '__span', pygments_lang_class: true },
  'pymdownx.superfences': {},
};

async function ours(markdown: string, extensions: Extensions = MATERIAL): Promise<string> {
  const steps = inlineExtensionPlugins(extensions);
  const rendered = await renderInline(markdown, {
    remark: steps.remarkPlugins,
    rehype: steps.rehypePlugins,
    shiki: { transformers: steps.shikiTransformers },
  });
  return rendered.html;
}

function elements(html: string, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

const hasClass = (element: Element, name: string) =>
  Array.isArray(element.properties['className']) && element.properties['className'].includes(name);

/** The numbers each line shows, as `data-linenos` holds them (pymdownx's inline style). */
const lineNumbers = (html: string) =>
  elements(html, (element) => hasClass(element, 'linenos')).map((element) => [
    String(element.properties['dataLinenos']),
    hasClass(element, 'special'),
  ]);

/** The ids of line anchors and line spans, in order. */
const lineIds = (html: string) =>
  elements(html, (element) => /^__(codelineno|span)-/.test(String(element.properties['id'] ?? ''))).map(
    (element) => String(element.properties['id']),
  );

/** The text of each highlighted line. */
const highlightedLines = (html: string) =>
  elements(html, (element) => hasClass(element, 'hll')).map((element) =>
    toText(element, { whitespace: 'pre' }).replace(/\n$/, ''),
  );

const BLOCKS = [
  '```py linenums="5" hl_lines="2 4-5"',
  'import asyncio',
  'async def main():',
  '    await asyncio.sleep(0)',
  '    print("tick")',
  '    print("tock")',
  '```',
  '',
  '```js linenums="1 2 3"',
  ...Array.from({ length: 10 }, (_, index) => `step(${index + 1});`),
  '```',
  '',
  '```ts',
  'const done = true;',
  '```',
  '',
].join('\n');

describe('pymdownx.highlight options through shiki', () => {
  it.skipIf(!oracle)('numbers lines as pymdownx does (start, step, special)', async () => {
    const extensions = { ...MATERIAL, 'pymdownx.highlight': { linenums_style: 'pymdownx-inline' } };
    const theirs = await renderWithPythonMarkdown(BLOCKS, extensions);
    expect(lineNumbers(await ours(BLOCKS, extensions))).toEqual(lineNumbers(theirs));
  });

  it.skipIf(!oracle)(
    'highlights the lines hl_lines names, counted from the first line of the block',
    async () => {
      const theirs = await renderWithPythonMarkdown(BLOCKS, MATERIAL);
      const mine = await ours(BLOCKS);
      expect(highlightedLines(mine)).toEqual(highlightedLines(theirs));
      expect(highlightedLines(mine)).toEqual(['async def main():', '    print("tick")', '    print("tock")']);
    },
  );

  it.skipIf(!oracle)('gives lines the ids MkDocs gives them, so old links to lines still work', async () => {
    const theirs = await renderWithPythonMarkdown(BLOCKS, MATERIAL);
    const mine = await ours(BLOCKS);
    expect(new Set(lineIds(mine))).toEqual(new Set(lineIds(theirs)));
    expect(lineIds(mine)).toContain('__codelineno-0-5');
    expect(lineIds(mine)).toContain('__span-2-1');
  });

  it('keeps the code as its text: numbers and anchors add no characters', async () => {
    const html = await ours(BLOCKS);
    const blocks = elements(html, (element) => element.tagName === 'pre').map((pre) =>
      toText(pre, { whitespace: 'pre' }),
    );
    expect(blocks[0]).toBe(
      'import asyncio\nasync def main():\n    await asyncio.sleep(0)\n    print("tick")\n    print("tock")',
    );
    expect(blocks[2]).toBe('const done = true;');
    // Line-number links stay out of the tab order and away from screen readers.
    for (const link of elements(html, (element) => element.tagName === 'a' && 'href' in element.properties))
      expect(link.properties).toMatchObject({ ariaHidden: 'true', tabIndex: -1 });
  });

  it('numbers every block with the global `linenums: true`, none with `false`', async () => {
    const on = await ours('```py\na\nb\n```\n', { 'pymdownx.highlight': { linenums: true } });
    expect(lineNumbers(on)).toEqual([
      ['1 ', false],
      ['2 ', false],
    ]);
    const off = await ours('```py linenums="1"\na\n```\n', { 'pymdownx.highlight': { linenums: false } });
    expect(lineNumbers(off)).toEqual([]);
  });

  it('does nothing to fences without options', async () => {
    const html = await ours('```py\nx = 1\n```\n');
    expect(html).not.toMatch(/linenos|hll/);
  });
});

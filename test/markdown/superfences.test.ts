import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';
import { render } from './render.ts';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { remarkAdmonitions } from '../../src/markdown/remark-admonitions.ts';
import { PYTHON_MARKDOWN } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { renderWithPythonNames } from './helpers/python-markdown-names.ts';
import { canonicalHtml, visibleText } from './helpers/compare-html.ts';
import { renderInline } from './helpers/render-inline.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

/** Material's documented Mermaid set-up, as the mkdocs.yml reader hands it over. */
const MERMAID = {
  'pymdownx.superfences': {
    custom_fences: [
      { name: 'mermaid', class: 'mermaid', format: '!!python/name:pymdownx.superfences.fence_code_format' },
    ],
  },
};

async function ours(markdown: string, extensions: Record<string, Record<string, unknown>> = MERMAID) {
  const steps = inlineExtensionPlugins(extensions);
  return renderInline(markdown, { remark: [remarkAdmonitions, ...steps.remarkPlugins] });
}

/** Each code block's text, and whether it sits in a list item and in an admonition. */
function codeBlocks(html: string): Array<{ text: string; inListItem: boolean; inAdmonition: boolean }> {
  const blocks: Array<{ text: string; inListItem: boolean; inAdmonition: boolean }> = [];
  visitParents(fromHtml(html, { fragment: true }), 'element', (element: Element, ancestors) => {
    if (element.tagName !== 'pre') return;
    const parents = ancestors.filter((node): node is Element => node.type === 'element');
    const classes = (node: Element) =>
      Array.isArray(node.properties['className']) ? node.properties['className'] : [];
    blocks.push({
      text: toText(element, { whitespace: 'pre' }).replace(/\n$/, ''),
      inListItem: parents.some((node) => node.tagName === 'li'),
      inAdmonition: parents.some((node) => classes(node).includes('admonition')),
    });
  });
  return blocks;
}

describe('pymdownx.superfences', () => {
  it.skipIf(!oracle)('reads fences nested in lists and admonitions where MkDocs does', async () => {
    const source = await readFile(path.join(import.meta.dirname, 'fixtures/superfences/nested.md'), 'utf8');
    const extensions = { ...MERMAID, admonition: {} };
    const theirs = codeBlocks(await renderWithPythonNames(source, extensions));
    const mine = codeBlocks((await ours(source)).html);
    expect(mine).toEqual(theirs);
    expect(mine.map((block) => [block.inListItem, block.inAdmonition])).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [false, true],
      [true, true],
    ]);
  });

  const diagram = '```mermaid\nsequenceDiagram\n    Loop->>Task: run() & wait <done>\n```\n';

  it.skipIf(!oracle)(
    'writes a Mermaid fence as MkDocs does, less the inner <code> that Astro would highlight',
    async () => {
      const theirs = await renderWithPythonNames(diagram, MERMAID);
      const { html } = await ours(diagram);
      expect(canonicalHtml(html)).toBe(
        canonicalHtml(
          theirs.replace(
            /<pre class="mermaid"><code>([\s\S]*)<\/code><\/pre>/,
            '<pre class="mermaid">$1</pre>',
          ),
        ),
      );
      expect(visibleText(html)).toBe(visibleText(theirs));
      expect(html).toBe(
        '<pre class="mermaid">sequenceDiagram\n    Loop->>Task: run() &#x26; wait &#x3C;done></pre>',
      );
    },
  );

  it('keeps a diagram out of the code: not a `code` node, flagged for the Mermaid script', async () => {
    // The document model notes that the page needs the diagram script, and finds no example.
    const { facts } = await render(diagram, { extensions: MERMAID });
    expect(facts.needs).toEqual({ math: false, diagrams: true });
    expect(facts.code).toEqual([]);
    const highlighted = await renderInline(diagram, {
      remark: inlineExtensionPlugins(MERMAID).remarkPlugins,
      shiki: {},
    });
    expect(highlighted.html).toMatch(/^<pre class="mermaid">sequenceDiagram/);
    expect(highlighted.html).not.toContain('astro-code');
  });

  it('writes fence_div_format as a <div>, and warns about formats it cannot write', async () => {
    const extensions = {
      'pymdownx.superfences': {
        custom_fences: [
          { name: 'flow', class: 'diagram', format: '!!python/name:pymdownx.superfences.fence_div_format' },
          { name: 'math', class: 'arithmatex', format: '!!python/name:custom.module.my_format' },
        ],
      },
    };
    const { html, file } = await ours('```flow\na -> b\n```\n\n```math\nx\n```\n', extensions);
    expect(html).toBe('<div class="diagram">a -> b</div>\n<pre><code class="language-math">x\n</code></pre>');
    expect(file.messages.map((message) => [message.line, message.ruleId, message.reason])).toEqual([
      [
        5,
        'markdown-unsupported',
        '`math` fences use the format `custom.module.my_format`, which is not supported: shown as code',
      ],
    ]);
  });

  it('leaves mermaid fences as code when no custom fence names them, as MkDocs does', async () => {
    const { html } = await ours(diagram, { 'pymdownx.superfences': {} });
    expect(html).toMatch(/^<pre><code class="language-mermaid">/);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render as renderPage } from './render.ts';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { PYTHON_MARKDOWN, renderWithPythonMarkdown } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { canonicalHtml, visibleText } from './helpers/compare-html.ts';
import { renderInline } from './helpers/render-inline.ts';
import { MATERIAL_INLINE_EXTENSIONS as MATERIAL } from './helpers/material-extensions.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

async function render(markdown: string, extensions: Record<string, Record<string, unknown>>) {
  const steps = inlineExtensionPlugins(extensions, { features: ['content.code.annotate'] });
  return renderInline(markdown, {
    remark: steps.remarkPlugins,
    rehype: steps.rehypePlugins,
    shiki: { transformers: steps.shikiTransformers },
  });
}

const SYNTAX = [
  'Marks ==a==, ^^b^^, ^c^, ~~d~~, ~e~, keys ++ctrl+c++, emoji :smile: :material-check:,',
  'math $x$ and \\(y\\).',
  '',
  '- [ ] a task',
  '- [x] a done task',
  '',
  '$$',
  'z',
  '$$',
  '',
].join('\n');

describe('inlineExtensionPlugins', () => {
  it('leaves every syntax as text when no extension is enabled, as MkDocs does', async () => {
    const { html } = await render(SYNTAX, {});
    expect(html).not.toMatch(/<(mark|ins|sup|del|sub|kbd|svg|input)\b|katex/);
    if (oracle) expect(canonicalHtml(html)).toBe(canonicalHtml(await renderWithPythonMarkdown(SYNTAX, {})));
  });

  it('turns on only the extensions the record names', async () => {
    const { html } = await render(SYNTAX, { 'pymdownx.mark': {} });
    expect(html).toContain('<mark>a</mark>');
    expect(html).not.toMatch(/<(ins|sup|del|sub|kbd|svg|input)\b|katex/);
  });

  it('renders a whole article with Material’s set-up, with no syntax left on the page', async () => {
    const source = await readFile(
      path.join(import.meta.dirname, 'fixtures/inline-extensions/article.md'),
      'utf8',
    );
    const { html, file } = await render(source, MATERIAL);
    expect(file.messages).toEqual([]);
    const text = visibleText(html.replace(/<pre class="mermaid">[\s\S]*?<\/pre>/, ''));
    for (const syntax of [
      '==',
      '^^',
      '~~',
      '++',
      ':octicons',
      ':material',
      ':white_check_mark:',
      '$',
      '[x]',
      '[ ]',
    ])
      expect(text, syntax).not.toContain(syntax);
    expect(html).toContain('<pre class="mermaid">sequenceDiagram');
    expect(html).toContain('<span class="line hll" id="__span-0-4">');
    expect(html).toContain('<a class="code-annotation" href="#code-annotations-1-1"');
    // The document model notes what the page needs besides its HTML.
    const { facts } = await renderPage(source, { extensions: MATERIAL });
    expect(facts.needs).toEqual({ math: true, diagrams: true });
  });

  it('runs its remark steps in the documented order', () => {
    const names = (extensions: Record<string, Record<string, unknown>>) =>
      inlineExtensionPlugins(extensions)
        .remarkPlugins.map((entry) => (Array.isArray(entry) ? entry[0] : entry))
        .map((plugin) => (plugin as { name: string }).name);
    const material = [
      'remarkGfmSyntax',
      'remarkTilde',
      'remarkMark',
      'remarkCaret',
      'remarkKeys',
      'remarkEmoji',
      'remarkArithmatex',
      'remarkTasklist',
      'remarkCustomFences',
      'remarkCodeAnnotations',
    ];
    expect(names(MATERIAL)).toEqual(material);
    // Material's other recommendations: smart emphasis with the syntax, inline code's language
    // prefix before code steps; bare addresses are links with magiclink (GFM's syntax says so).
    expect(
      names({
        ...MATERIAL,
        'pymdownx.betterem': { smart_enable: 'all' },
        'pymdownx.inlinehilite': {},
        'pymdownx.magiclink': {},
      }),
    ).toEqual([
      'remarkGfmSyntax',
      'remarkBetterEm',
      ...material.slice(1, 8),
      'remarkInlineHilite',
      ...material.slice(8),
    ]);
  });
});

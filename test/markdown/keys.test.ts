import { describe, expect, it } from 'vitest';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { PYTHON_MARKDOWN, renderWithPythonMarkdown } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { canonicalHtml } from './helpers/compare-html.ts';
import { renderInline } from './helpers/render-inline.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

type Extensions = Record<string, Record<string, unknown>>;

async function ours(markdown: string, options: Record<string, unknown> = {}): Promise<string> {
  const steps = inlineExtensionPlugins({ 'pymdownx.keys': options });
  return (await renderInline(markdown, { remark: steps.remarkPlugins })).html;
}

const CASES: Array<[string, Record<string, unknown>]> = [
  ['Stop the loop with ++ctrl+c++, reload with ++cmd+shift+r++.', {}],
  ['Aliases and labels: ++ctrl+alt+del++, ++pgdn++, ++f12++, ++win+l++.', {}],
  ["Quoted keys: ++ctrl+\"Any Key\"++ and ++'it\\'s'+enter++.", {}],
  ['Unknown keys stay text: ++ctrl+banana++ and ++""+a++.', {}],
  ['No spaces: ++ctrl +c++ and ++ctrl+ c++.', {}],
  ['Lazy end: ++a++b++ and +++ctrl++.', {}],
  [
    'Options: ++PgDn+ctrl++ and ++my-key++.',
    { separator: '', strict: true, class: 'k x', camel_case: true, key_map: { 'my-key': 'Mine' } },
  ],
];

describe('pymdownx.keys', () => {
  it.skipIf(!oracle).each(CASES)('renders as Python-Markdown does: %s', async (markdown, options) => {
    const theirs = await renderWithPythonMarkdown(markdown, { 'pymdownx.keys': options } as Extensions);
    expect(canonicalHtml(await ours(markdown, options))).toBe(canonicalHtml(theirs));
  });

  it('writes pymdownx.keys markup, with no `++` left', async () => {
    expect(await ours('++ctrl+alt+del++')).toBe(
      '<p><span class="keys"><kbd class="key-control">Ctrl</kbd><span>+</span><kbd class="key-alt">Alt</kbd><span>+</span><kbd class="key-delete">Del</kbd></span></p>',
    );
  });

  it('never looks inside code or escapes', async () => {
    const html = await ours('`++ctrl++` \\++ctrl++\n\n    ++ctrl++\n');
    expect(html).not.toContain('<kbd');
    expect(html).toContain('<code>++ctrl++</code>');
  });

  it('stays text when the extension is not enabled', async () => {
    const steps = inlineExtensionPlugins({});
    expect((await renderInline('++ctrl+c++', { remark: steps.remarkPlugins })).html).toBe(
      '<p>++ctrl+c++</p>',
    );
  });
});

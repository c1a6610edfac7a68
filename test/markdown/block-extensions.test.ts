import type { Code, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { blockExtensionLatePlugins, blockExtensionPlugins } from '../../src/markdown/block-extensions.ts';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const fixtures = await readBlockFixtures('material', {});
const ALL = {
  'pymdownx.snippets': { base_path: 'test/markdown/fixtures/snippet-files' },
  md_in_html: {},
  admonition: {},
  'pymdownx.details': {},
  'pymdownx.tabbed': {},
  def_list: {},
  abbr: {},
  attr_list: {},
  footnotes: {},
  toc: {},
};

/** The names of the plugins in a list, in order. */
function names(plugins: ReturnType<typeof blockExtensionPlugins>): string[] {
  return plugins
    .map((plugin) => (Array.isArray(plugin) ? plugin[0] : plugin))
    .map((plugin) => (plugin as { name: string }).name);
}

describe('a Material article with every block extension', () => {
  testBlockFixtures(fixtures.filter((fixture) => fixture.name === 'article'));

  it('shows none of the extensions’ raw syntax', async () => {
    const fixture = fixtures.find((each) => each.name === 'article')!;
    const { html, file } = await renderBlocks(fixture.input, fixture.extensions);
    for (const marker of ['!!!', '???', '===', '[TOC]', '{:', '{#', 'markdown="1"', '*[', '[^', '\n:   ']) {
      expect(html, marker).not.toContain(marker);
    }
    expect(file.messages).toEqual([]);
  });

  it('keeps every example a code node at its line, however deep', async () => {
    const fixture = fixtures.find((each) => each.name === 'article')!;
    const { tree } = await renderBlocks(fixture.input, fixture.extensions);
    const lines = fixture.input.split('\n');
    const found: [number, string][] = [];
    visit(
      tree,
      'code',
      (node: Code) =>
        void found.push([node.position!.start.line, lines[node.position!.start.line - 1]!.trim()]),
    );
    expect(found).toEqual([
      [15, '```py'],
      [26, '```py'],
    ]);
  });
});

describe('syntax that stays text', () => {
  it('is reported at its line, with what to do', async () => {
    const fixture = fixtures.find((each) => each.name === 'unread-syntax')!;
    const { file } = await renderBlocks(fixture.input, fixture.extensions);
    expect(
      file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`),
    ).toEqual([
      '2:1 markdown-syntax-unread `!!! note` is not read as an admonition here and shows as text; check its indentation and the blank line before it',
      '5:1 markdown-syntax-unread `{: .attached-to-nothing }` is not read as an attribute list here and shows as text; check its indentation and the blank line before it',
      '7:1 markdown-syntax-unread `/// admonition | Blocks` looks like a pymdownx.blocks block, which this site does not read; it shows as text',
    ]);
  });

  it('names the extension to enable when mkdocs.yml lacks it', async () => {
    const { file } = await renderBlocks('=== "Tab"\n    Body.\n', { admonition: {} });
    expect(file.messages.map(String)).toEqual([
      '/kb/docs/topic/article.md:1:1: `=== "Tab"` looks like a tab, but `pymdownx.tabbed` is not enabled in mkdocs.yml, so it shows as text (as in MkDocs)',
    ]);
  });
});

describe('blockExtensionPlugins', () => {
  it('returns the enabled extensions’ plugins in the order they must run', () => {
    expect(names(blockExtensionPlugins(ALL))).toEqual([
      'remarkSnippets',
      'remarkMdInHtml',
      'remarkRawHtml',
      'remarkAdmonitions',
      'remarkDetails',
      'remarkTabbed',
      'remarkDefList',
      'remarkListAfterParagraph',
      'remarkAttrList',
      'remarkAbbr',
      'remarkFootnotes',
      'remarkTocMarker',
      'remarkUnreadSyntax',
    ]);
    expect(names(blockExtensionLatePlugins(ALL))).toEqual(['remarkTableOfContents']);
  });

  it('reads raw HTML blocks and lists after paragraphs as Python-Markdown does even with no extension enabled', () => {
    expect(names(blockExtensionPlugins({}))).toEqual([
      'remarkRawHtml',
      'remarkListAfterParagraph',
      'remarkUnreadSyntax',
    ]);
    expect(names(blockExtensionLatePlugins({}))).toEqual([]);
  });

  it('hands each plugin its options from mkdocs.yml', () => {
    const plugins = blockExtensionPlugins({ 'pymdownx.tabbed': { alternate_style: true } });
    expect(
      plugins.find(
        (plugin) => Array.isArray(plugin) && (plugin[0] as { name: string }).name === 'remarkTabbed',
      ),
    ).toEqual([expect.any(Function), { alternate_style: true }]);
  });

  it('places a link inside nested containers where it is in the file', async () => {
    const source = [
      '- Step', // 1
      '', // 2
      '    !!! note', // 3
      '        === "Tab"', // 4
      '            <div markdown>', // 5
      '            Term', // 6
      '            :   See [the loop](loop.md).', // 7
      '            </div>', // 8
    ].join('\n');
    const { tree } = await renderBlocks(source, ALL);
    const links: [number, number, string][] = [];
    visit(tree, 'link', (node: Link) => {
      const { start, end } = node.position!;
      links.push([start.line, start.column, source.slice(start.offset, end.offset)]);
    });
    expect(links).toEqual([[7, 21, '[the loop](loop.md)']]);
  });

  it('reads syntax inside block quotes, positions included', async () => {
    const source = '> Quote.\n>\n> > === "Tab"\n> >     See [the loop](loop.md).\n';
    const { tree } = await renderBlocks(source, ALL);
    const links: [number, number, string][] = [];
    visit(tree, 'link', (node: Link) => {
      const { start, end } = node.position!;
      links.push([start.line, start.column, source.slice(start.offset, end.offset)]);
    });
    expect(links).toEqual([[4, 13, '[the loop](loop.md)']]);
  });
});

import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { remarkMdInHtml } from '../../src/markdown/remark-md-in-html.ts';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const fixtures = await readBlockFixtures('md-in-html', { md_in_html: {} });

async function transform(source: string): Promise<Root> {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMdInHtml);
  const tree = processor.parse(source);
  await processor.run(tree, source);
  return tree;
}

describe('md_in_html fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  testBlockFixtures(fixtures);
});

describe('md_in_html', () => {
  it('leaves no `markdown` attribute in the HTML', async () => {
    for (const fixture of fixtures) {
      const { html } = await renderBlocks(fixture.input, fixture.extensions);
      expect(html, fixture.name).not.toMatch(/markdown(=|>| )/);
    }
  });

  it('leaves the element raw when md_in_html is not enabled, as MkDocs does', async () => {
    const { html } = await renderBlocks('<div markdown="1">\n**x**\n</div>\n', {});
    expect(html).toBe('<div markdown="1">\n**x**\n</div>');
  });

  it('makes real nodes of the content: code at its line, links with their place', async () => {
    const source = '<div markdown="1">\nRead [the guide](guide.md).\n\n```py\nprint("inside")\n```\n</div>\n';
    const tree = await transform(source);
    const found: [string, number, number][] = [];
    visit(tree, (node) => {
      if (node.type === 'code' || node.type === 'link')
        found.push([node.type, node.position!.start.line, node.position!.start.column]);
    });
    expect(found).toEqual([
      ['link', 2, 6],
      ['code', 4, 1],
    ]);
    expect(tree.children.map((node) => node.type)).toEqual(['htmlElement']);
  });

  it('warns at the tag when an element never closes', async () => {
    const { file, html } = await renderBlocks('Text.\n\n<div markdown="1">\n*Open* forever.\n', {
      md_in_html: {},
    });
    expect(html).toBe('<p>Text.</p>\n<div><p><em>Open</em> forever.</p></div>');
    expect(file.messages.map(String)).toEqual([
      '/kb/docs/topic/article.md:3:1: `<div markdown>` is never closed; its Markdown runs to the end of the page, so close it with `</div>`',
    ]);
  });
});

import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { remarkAdmonitions } from '../../src/markdown/remark-admonitions.ts';
import { remarkTabbed } from '../../src/markdown/remark-tabbed.ts';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const EXTENSIONS = { 'pymdownx.tabbed': {}, admonition: {} };
const fixtures = await readBlockFixtures('tabbed', EXTENSIONS);

async function transform(source: string, alternate = false): Promise<Root> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkTabbed, { alternate_style: alternate })
    .use(remarkAdmonitions);
  const tree = processor.parse(source);
  await processor.run(tree, source);
  return tree;
}

describe('tabbed fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
  });

  testBlockFixtures(fixtures);
});

describe('tabs', () => {
  it('leave no `===` marker in the HTML', async () => {
    for (const fixture of fixtures) {
      const { html } = await renderBlocks(fixture.input, fixture.extensions);
      expect(html, fixture.name).not.toContain('===');
    }
  });

  it('stay text when pymdownx.tabbed is not enabled, as MkDocs leaves them', async () => {
    const { html } = await renderBlocks('=== "A"\n    Body.\n', {});
    expect(html).toBe('<p>=== "A"\nBody.</p>');
  });

  it('give every input a unique id on the page, and every label the id of its input', async () => {
    const source = fixtures.find((fixture) => fixture.name === 'nested-tabs')!.input;
    for (const alternate of [false, true]) {
      const { html } = await renderBlocks(`${source}\n${source}`, {
        'pymdownx.tabbed': { alternate_style: alternate },
      });
      const ids = [...html.matchAll(/<input[^>]* id="([^"]+)"/g)].map((match) => match[1]);
      const targets = [...html.matchAll(/<label for="([^"]+)"/g)].map((match) => match[1]);
      expect(ids).toHaveLength(8);
      expect(new Set(ids).size).toBe(8);
      expect(targets.sort()).toEqual([...ids].sort());
    }
  });

  it('carry their title and selection, and their code at its line in the file', async () => {
    const source = [
      '=== "Python"', // 1
      '    ```py', // 2
      '    print("tab one")', // 3
      '    ```', // 4
      '===+ "Node.js"', // 5
      '    !!! note', // 6
      '        ```js', // 7
      '        console.log("tab two");', // 8
      '        ```', // 9
    ].join('\n');
    for (const alternate of [false, true]) {
      const tree = await transform(source, alternate);
      const tabs: [string, boolean][] = [];
      visit(tree, 'tab', (tab) => void tabs.push([tab.title, tab.selected]));
      expect(tabs).toEqual([
        ['Python', false],
        ['Node.js', true],
      ]);
      const code: [string, number, number, string][] = [];
      visit(tree, 'code', (node) => {
        const { start, end } = node.position!;
        code.push([
          node.value,
          start.line,
          start.column,
          source.slice(start.offset, end.offset).split('\n')[0]!,
        ]);
      });
      expect(code).toEqual([
        ['print("tab one")', 2, 5, '```py'],
        ['console.log("tab two");', 7, 9, '```js'],
      ]);
    }
  });
});

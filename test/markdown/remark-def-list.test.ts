import { describe, expect, it } from 'vitest';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const fixtures = await readBlockFixtures('def-list', { def_list: {} });

describe('def_list fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
  });

  testBlockFixtures(fixtures);
});

describe('def_list', () => {
  it('leaves no `:` definition marker as text', async () => {
    for (const fixture of fixtures.filter((each) => each.name !== 'no-term')) {
      const { html } = await renderBlocks(fixture.input, fixture.extensions);
      expect(html, fixture.name).not.toMatch(/(^|>|\n):\s/);
    }
  });

  it('leaves the colon line as text when def_list is not enabled, as MkDocs does', async () => {
    const { html } = await renderBlocks('Term\n:   Definition.\n', {});
    expect(html).toBe('<p>Term\n:   Definition.</p>');
  });

  it('puts code in a definition at its line', async () => {
    const source = 'Queue\n:   Example:\n\n    ```py\n    print("queued")\n    ```\n';
    const { tree } = await renderBlocks(source, { def_list: {} });
    const list = tree.children[0]!;
    expect(list.type).toBe('definitionList');
    const description = 'children' in list ? list.children[1] : undefined;
    const code = description && 'children' in description ? description.children[1] : undefined;
    expect(code).toMatchObject({
      type: 'code',
      value: 'print("queued")',
      position: { start: { line: 4, column: 5 } },
    });
  });
});

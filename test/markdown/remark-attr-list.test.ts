import { describe, expect, it } from 'vitest';
import { parseAttributeList } from '../../src/markdown/remark-attr-list.ts';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const fixtures = await readBlockFixtures('attr-list', { attr_list: {} });

describe('attr_list fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(11);
  });

  testBlockFixtures(fixtures);
});

describe('attr_list', () => {
  it('leaves no `{:` where it applies', async () => {
    for (const fixture of fixtures.filter((each) => each.name !== 'where-it-does-not-apply')) {
      const { html } = await renderBlocks(fixture.input, fixture.extensions);
      expect(html, fixture.name).not.toMatch(/\{:?[ ]*[#.\w]/);
    }
  });

  it('leaves the braces as text when attr_list is not enabled, as MkDocs does', async () => {
    const { html } = await renderBlocks('## Title {#custom}\n', {});
    expect(html).toBe('<h2>Title {#custom}</h2>');
  });

  it('sets a heading id as data.hProperties.id, for the heading-id step to keep', async () => {
    const { tree } = await renderBlocks('## Cancelling {#cancel}\n', { attr_list: {} });
    expect(tree.children[0]).toMatchObject({ type: 'heading', data: { hProperties: { id: 'cancel' } } });
  });

  it('reads quotes curled by smart punctuation', () => {
    expect(parseAttributeList('title=“Two words” .x')).toEqual([
      ['title', 'Two words'],
      ['.', 'x'],
    ]);
  });

  it('stops where Python-Markdown’s scanner stops', () => {
    expect(parseAttributeList('.a =b .c')).toEqual([['.', 'a']]);
  });
});

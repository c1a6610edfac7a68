import { describe, expect, it } from 'vitest';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const fixtures = await readBlockFixtures('list-after-paragraph', { admonition: {} });

describe('a list right after a paragraph, as Python-Markdown reads it', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  testBlockFixtures(fixtures);

  it('warns at the list, saying how to make it one', async () => {
    const { file } = await renderBlocks('Please include:\n- the question\n', {});
    expect(
      file.messages.map((message) => [message.line, message.column, message.ruleId, message.reason]),
    ).toEqual([
      [
        2,
        1,
        'markdown-syntax-unread',
        'this list follows a line of text without a blank line between them, so it is part of that paragraph, as in MkDocs; add a blank line before the list to make it a list',
      ],
    ]);
  });

  it('keeps the list when a blank line comes first', async () => {
    const { html, file } = await renderBlocks('A paragraph.\n\n- an item\n', {});
    expect(html).toContain('<li>an item</li>');
    expect(file.messages).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const fixtures = await readBlockFixtures('raw-html', {});

describe('raw HTML fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });

  testBlockFixtures(fixtures);
});

describe('raw HTML blocks', () => {
  it('warn at an element that never closes', async () => {
    const fixture = fixtures.find((each) => each.name === 'unclosed')!;
    const { file } = await renderBlocks(fixture.input, fixture.extensions);
    expect(file.messages.map((message) => [message.line, message.ruleId, message.reason])).toEqual([
      [
        3,
        'html-unclosed',
        '`<div>` is never closed; MkDocs would show the rest of the page as raw HTML, so close it with `</div>`',
      ],
    ]);
  });
});

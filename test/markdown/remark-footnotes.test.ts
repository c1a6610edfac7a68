import { describe, expect, it } from 'vitest';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const fixtures = await readBlockFixtures('footnotes', { footnotes: {} });

describe('footnotes fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(7);
  });

  testBlockFixtures(fixtures);
});

describe('footnotes', () => {
  it('use MkDocs’ ids, never remark-rehype’s', async () => {
    for (const fixture of fixtures) {
      const { html } = await renderBlocks(fixture.input, fixture.extensions);
      expect(html, fixture.name).not.toMatch(/user-content|data-footnote|\[\^/);
    }
  });

  it('number by first reference with USE_DEFINITION_ORDER off', async () => {
    const input = fixtures.find((each) => each.name === 'numbered-by-definition')!.input;
    const { html } = await renderBlocks(input, { footnotes: { USE_DEFINITION_ORDER: false } });
    expect([...html.matchAll(/<li id="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'fn:later',
      'fn:earlier',
    ]);
    expect(html).toContain('<a class="footnote-ref" href="#fn:later">1</a>');
  });

  it('take the texts and separator from the options', async () => {
    const { html } = await renderBlocks('Text.[^x]\n\n[^x]: Note.\n', {
      footnotes: {
        SEPARATOR: '-',
        SUPERSCRIPT_TEXT: '[{}]',
        BACKLINK_TEXT: 'back',
        BACKLINK_TITLE: 'To note %d',
      },
    });
    expect(html).toBe(
      '<p>Text.<sup id="fnref-x"><a class="footnote-ref" href="#fn-x">[1]</a></sup></p>\n' +
        '<div class="footnote"><hr><ol><li id="fn-x"><p>Note.\u00a0<a class="footnote-backref" href="#fnref-x" title="To note 1">back</a></p></li></ol></div>',
    );
  });
});

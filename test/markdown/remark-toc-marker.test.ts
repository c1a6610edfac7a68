import { describe, expect, it } from 'vitest';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const fixtures = await readBlockFixtures('toc', { toc: {} });

describe('toc fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  testBlockFixtures(fixtures);
});

describe('the [TOC] marker', () => {
  it('never reaches the page when toc is enabled', async () => {
    for (const fixture of fixtures.filter((each) => each.name !== 'marker-not-alone')) {
      const { html } = await renderBlocks(fixture.input, fixture.extensions);
      expect(html, fixture.name).not.toContain('[TOC]');
    }
  });

  it('stays text when toc is not enabled, as MkDocs leaves it', async () => {
    const { html } = await renderBlocks('[TOC]\n\n## One\n', {});
    expect(html).toBe('<p>[TOC]</p>\n<h2>One</h2>');
  });

  it('becomes an empty tableOfContents node until the late plugins fill it', async () => {
    const { tree } = await renderBlocks('[TOC]\n', { toc: {} });
    expect(tree.children[0]).toMatchObject({ type: 'tableOfContents', position: { start: { line: 1 } } });
  });

  it('takes another marker from the options, or none', async () => {
    expect((await renderBlocks('{{toc}}\n\n## One\n', { toc: { marker: '{{toc}}' } })).html).toBe(
      '<div class="toc"><ul><li><a href="#one">One</a></li></ul></div>\n<h2 id="one">One</h2>',
    );
    expect((await renderBlocks('[TOC]\n', { toc: { marker: '' } })).html).toBe('<p>[TOC]</p>');
  });
});

import { describe, expect, it } from 'vitest';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const fixtures = await readBlockFixtures('abbr', { abbr: {} });

describe('abbr fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });

  testBlockFixtures(fixtures);
});

describe('abbr', () => {
  it('leaves no `*[` definition in the HTML', async () => {
    for (const fixture of fixtures) {
      const { html } = await renderBlocks(fixture.input, fixture.extensions);
      expect(html, fixture.name).not.toContain('*[');
    }
  });

  it('leaves definitions as text when abbr is not enabled, as MkDocs does', async () => {
    const { html } = await renderBlocks('The API.\n\n*[API]: Application Programming Interface\n', {});
    expect(html).toBe('<p>The API.</p>\n<p>*[API]: Application Programming Interface</p>');
  });

  it('knows the glossary given in the options, which a definition may replace or remove', async () => {
    const glossary = { API: 'Application Programming Interface', CPU: 'Central Processing Unit' };
    const { html } = await renderBlocks(
      'API, CPU and GIL.\n\n*[API]: A Programming Interface\n*[CPU]: ""\n*[GIL]: Global Interpreter Lock\n',
      {
        abbr: { glossary },
      },
    );
    expect(html).toBe(
      '<p><abbr title="A Programming Interface">API</abbr>, CPU and <abbr title="Global Interpreter Lock">GIL</abbr>.</p>',
    );
  });
});

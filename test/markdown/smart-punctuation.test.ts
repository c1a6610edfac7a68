import { describe, expect, it, vi } from 'vitest';
import { render } from './render.ts';

/** The body's HTML with the site's default extensions, `smarty` among them. */
const html = async (markdown: string) => (await render(markdown)).html;

describe('smart punctuation (smarty)', () => {
  it.each([
    [
      'quotes that pair across emphasis and links',
      "\"It's *done*,\" she said, '[see](https://x.org)'.",
      '“It’s <em>done</em>,” she said, ‘<a href="https://x.org">see</a>’.',
    ],
    [
      'a decade and quotes in quotes',
      "In the '80s he said \"'Quoted' words.\"",
      'In the ’80s he said “‘Quoted’ words.”',
    ],
    ['old-school dashes', 'a -- b --- c', 'a – b — c'],
    ['an en dash before a hyphen', 'a –- b', 'a — b'],
    ['dots in a row and spaced', 'wait... and . . . then', 'wait… and … then'],
    ['backtick quotes', "``quoted''", '“quoted”'],
  ])('curls %s', async (_name, markdown, expected) => {
    // retext-smartypants 6.2 prints each node it merges (an en dash before a hyphen) to the console.
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await html(markdown)).toBe(`<p>${expected}</p>`);
    } finally {
      log.mockRestore();
    }
  });

  it('leaves text with nothing to curl as written, and never code', async () => {
    expect(await html('Plain words, one dot. Then `"code" -- ...` stays.')).toBe(
      '<p>Plain words, one dot. Then <code>"code" -- ...</code> stays.</p>',
    );
  });

  it('reads a quote at the start of each block as opening, whatever ends the block before', async () => {
    expect(await html('# Why "await"?\n\n"Because" it waits.')).toContain('<p>“Because” it waits.</p>');
  });
});

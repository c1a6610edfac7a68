import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { render } from './render.ts';

const EXTENSIONS = { 'pymdownx.highlight': { anchor_linenums: true }, 'pymdownx.superfences': {} };

describe('the page renderer and the fence meta', () => {
  // The renderer re-parses every tree for raw HTML (rehype-raw), which loses what nodes carry in `data`.
  it('draws hl_lines and linenums on the page, not only in a bare remark pipeline', async () => {
    const markdown = ['```python title="Example 1" linenums="3" hl_lines="2"', 'a = 1', 'b = 2', '```'].join(
      '\n',
    );
    // `<pre>` parsed as elements, not raw text, to look into the highlighted lines.
    const html = parse((await render(markdown, { extensions: EXTENSIONS, highlight: true })).html, {
      blockTextElements: { script: true, style: true },
    });
    const lines = html.querySelectorAll('pre.astro-code span.line');
    expect(lines.map((line) => line.classList.contains('hll'))).toEqual([false, true]);
    expect(lines.map((line) => line.querySelector('.linenos')?.getAttribute('data-linenos'))).toEqual([
      '3 ',
      '4 ',
    ]);
    expect(html.querySelector('figcaption')?.text).toBe('Example 1');
    expect(html.toString()).not.toContain('metastring');
  });
});

import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { PYTHON_MARKDOWN, renderWithPythonMarkdown } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { render } from './render.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

const EXTENSIONS = { 'pymdownx.highlight': {}, 'pymdownx.inlinehilite': {}, 'pymdownx.superfences': {} };

/** Each inline code element's text, in order. */
function codeTexts(html: string): string[] {
  return parse(html)
    .querySelectorAll('code')
    .map((code) => code.text);
}

const CASES = [
  'Run it with `#!python asyncio.run(main())`, then `:::js await sleep(10)`.',
  'Three or more colons: `::::ts let x = 1`; plain code: `print()`.',
  'Only a prefix stays as written: `#!python` and `:::`.',
  'An empty language drops the prefix: `#! plain text`.',
  '# Heading with `#!python f()`',
];

describe('pymdownx.inlinehilite', () => {
  it.skipIf(!oracle).each(CASES)('shows the code MkDocs shows: %s', async (markdown) => {
    const theirs = await renderWithPythonMarkdown(markdown, EXTENSIONS);
    const ours = await render(markdown, { extensions: EXTENSIONS });
    // An opening H1 is shown by the layout above the body.
    expect(codeTexts(`${ours.heading ?? ''}${ours.html}`)).toEqual(codeTexts(theirs));
  });

  it('colours the code in the language it names, as code blocks are coloured', async () => {
    const { html } = await render('Call `#!python print("hi")` once.', {
      extensions: EXTENSIONS,
      highlight: true,
    });
    const code = parse(html).querySelector('code.highlight');
    expect(code?.getAttribute('data-inline-language')).toBe('python');
    expect(code?.text).toBe('print("hi")');
    expect(code?.querySelectorAll('span[style*="--shiki-dark"]').length).toBeGreaterThan(1);
  });

  it('leaves the prefix as text when the extension is not enabled, as MkDocs does', async () => {
    const { html } = await render('Call `#!python print()`.', { extensions: { 'pymdownx.highlight': {} } });
    expect(codeTexts(html)).toEqual(['#!python print()']);
  });

  it('gives facts the code without its prefix', async () => {
    const { facts } = await render('!!! info "In short"\n    Call `#!python asyncio.run(main())` once.\n', {
      extensions: { ...EXTENSIONS, admonition: {} },
    });
    expect(facts.inShort?.text).toBe('Call asyncio.run(main()) once.');
  });
});

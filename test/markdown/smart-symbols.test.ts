import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { PYTHON_MARKDOWN, renderWithPythonMarkdown } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { canonicalHtml } from './helpers/compare-html.ts';
import { render } from './render.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

type Extensions = Record<string, Record<string, unknown>>;
const ON: Extensions = { 'pymdownx.smartsymbols': {} };

/** Lines written for these tests: each exercises pymdownx's patterns and their edges. */
const CASES = [
  'Copyright (c) 2026 Field Notes(tm), a name(r) of ours; (C) and (TM) stay.',
  'Values of +/- 3 are =/= 4, sent c/o the team (not cc/o or c/of).',
  'Arrows: request --> response, response <-- request, both <--> ways; but ---> and <--- and x-->y.',
  'Fractions: 1/2 of 3/4, 7/8 and 2/3, not 11/2 or 1/23 or 1/7.',
  'Ordinals: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st, 0th, and not 1th, 2st or 11st.',
  'Never in code: `(c) --> 1/2` but **(c) bold** and [a (tm) link](https://example.org/).',
];

async function ours(markdown: string, extensions: Extensions): Promise<string> {
  return (await render(markdown, { extensions })).html;
}

describe('pymdownx.smartsymbols', () => {
  it.skipIf(!oracle).each(CASES)('renders as Python-Markdown does: %s', async (markdown) => {
    expect(canonicalHtml(await ours(markdown, ON))).toBe(
      canonicalHtml(await renderWithPythonMarkdown(markdown, ON)),
    );
  });

  it('follows the options: a kind set to false stays as typed', async () => {
    const html = await ours('(c) --> 1/2 2nd', {
      'pymdownx.smartsymbols': { arrows: false, ordinal_numbers: false },
    });
    expect(parse(html).text).toBe('© --> ½ 2nd');
  });

  it('keeps heading ids from the text as written, as MkDocs does', async () => {
    const { facts } = await render('## Notes (c) --> 1st\n', { extensions: { ...ON, toc: {} } });
    expect(facts.headings.map((heading) => [heading.id, heading.text])).toEqual([
      ['notes-c-1st', 'Notes © → 1st'],
    ]);
  });

  it('stays as typed when the extension is not enabled', async () => {
    expect(parse(await ours('(c) --> 1/2', {})).text).toBe('(c) --> 1/2');
  });
});

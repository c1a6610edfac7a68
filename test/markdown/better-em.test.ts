import { describe, expect, it } from 'vitest';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { PYTHON_MARKDOWN, renderWithPythonMarkdown } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { canonicalHtml } from './helpers/compare-html.ts';
import { renderInline } from './helpers/render-inline.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

type Extensions = Record<string, Record<string, unknown>>;

/** Lines written for these tests: markers inside, at the edges of and between words. */
const LINES = [
  'Stars in 2*3*4 and a*b*c, **bold**text and text**bold**, and a **real** *one*.',
  'Underscores in snake_case_name, __dunder__ and a__b__c, and _real_ ones.',
  'Across words: *em*phasis and em*phasis*, _em_phasis and em_phasis_.',
  'Punctuation: "*quoted*", (*in brackets*), *end*. and **x**: y.',
];

const SETTINGS: Extensions[] = [
  {},
  { 'pymdownx.betterem': {} },
  { 'pymdownx.betterem': { smart_enable: 'all' } },
  { 'pymdownx.betterem': { smart_enable: 'asterisk' } },
  { 'pymdownx.betterem': { smart_enable: 'none' } },
];

async function ours(markdown: string, extensions: Extensions): Promise<string> {
  return (await renderInline(markdown, { remark: inlineExtensionPlugins(extensions).remarkPlugins })).html;
}

describe('pymdownx.betterem', () => {
  for (const extensions of SETTINGS)
    it.skipIf(!oracle).each(LINES)(
      `renders as Python-Markdown with ${JSON.stringify(extensions)}: %s`,
      async (line) => {
        expect(canonicalHtml(await ours(line, extensions))).toBe(
          canonicalHtml(await renderWithPythonMarkdown(line, extensions)),
        );
      },
    );

  it('keeps asterisks inside words as typed with Material’s `smart_enable: all`', async () => {
    expect(await ours('2*3*4 and **bold**text', { 'pymdownx.betterem': { smart_enable: 'all' } })).toBe(
      '<p>2*3*4 and **bold**text</p>',
    );
  });
});

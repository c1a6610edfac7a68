import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { PYTHON_MARKDOWN, renderWithPythonMarkdown } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { renderInline } from './helpers/render-inline.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

type Extensions = Record<string, Record<string, unknown>>;

const TEXT = [
  'Read https://docs.python.org/3/library/asyncio.html or www.example.org,',
  'write to answers@example.org, or follow <https://example.org/angle>.',
].join('\n');

/** Bare addresses with emphasis markers in them. */
const EMPHASISED = 'See https://example.org/*a*/b, www.example.org/_x_/y or a*b*@example.org.';

/** Each link's address and text, in order. */
function links(html: string): string[] {
  return parse(html)
    .querySelectorAll('a')
    .map((link) => `${link.getAttribute('href')} ${link.text}`);
}

async function ours(extensions: Extensions, text = TEXT): Promise<string> {
  return (await renderInline(text, { remark: inlineExtensionPlugins(extensions).remarkPlugins })).html;
}

describe('bare addresses', () => {
  it('stay text without pymdownx.magiclink; <…> links are core Markdown', async () => {
    expect(links(await ours({}))).toEqual(['https://example.org/angle https://example.org/angle']);
  });

  it('without pymdownx.magiclink, are read for the syntax MkDocs reads in any text', async () => {
    // Never read as addresses, so emphasis inside one is emphasis, as Python-Markdown reads it.
    expect(await ours({}, EMPHASISED)).toBe(
      '<p>See https://example.org/<em>a</em>/b, www.example.org/<em>x</em>/y or a<em>b</em>@example.org.</p>',
    );
  });

  it.skipIf(!oracle)('without pymdownx.magiclink, render as in MkDocs', async () => {
    expect(await ours({}, EMPHASISED)).toBe(await renderWithPythonMarkdown(EMPHASISED, {}));
  });

  it.skipIf(!oracle)('are links or text as in MkDocs, with and without pymdownx.magiclink', async () => {
    for (const extensions of [{}, { 'pymdownx.magiclink': {} }] as Extensions[]) {
      const theirs = links(await renderWithPythonMarkdown(TEXT, extensions));
      // Python-Markdown obfuscates a mailto address with entities; the address is the same.
      expect(links(await ours(extensions)), JSON.stringify(extensions)).toEqual(theirs);
    }
  });
});

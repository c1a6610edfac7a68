import { describe, expect, it } from 'vitest';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { PYTHON_MARKDOWN, renderWithPythonMarkdown } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { canonicalHtml } from './helpers/compare-html.ts';
import { renderInline } from './helpers/render-inline.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

type Extensions = Record<string, Record<string, unknown>>;
const ALL: Extensions = { 'pymdownx.mark': {}, 'pymdownx.caret': {}, 'pymdownx.tilde': {} };

async function ours(markdown: string, extensions: Extensions = ALL): Promise<string> {
  return (await renderInline(markdown, { remark: inlineExtensionPlugins(extensions).remarkPlugins })).html;
}

/** Lines written for these tests: each exercises one rule of pymdownx's patterns. */
const CASES = [
  'Await ==only once== per promise, ^^added^^ in v22, and ~~callbacks~~ promises.',
  'Powers and formulas: 2^10^ tasks, x^2^ + y^2^, H~2~O and CH~3~CH~2~OH.',
  'Nested: ==a *quick* `check`== and ^^new ^sup^ text^^ and ~~old ~sub~ text~~.',
  'Both at once: ^^^both^^^ and ~~~both~~~.',
  'Spaces end a superscript: ^not this^ but ^this\\ one^ and ~this\\ one~.',
  'Smart rules: in==side== words, ^^in^^side, ~~in~~side, and snake_==case==_x.',
  'Lazy pairing: ==first ==second== third== and ==a= b==.',
  'Spaces inside the markers: == loose == and ^^ loose ^^ and ~~ loose ~~.',
  'Escapes: \\==not marked== and \\^^not inserted^^ and \\~~not deleted~~.',
  'Across lines: ==one\nline== and ~~two\nlines~~.',
  'Emphasis around: **==bold mark==** and *^^em insert^^* and ==**bold** inside==.',
  'Links: [==marked link==](tasks.md) and [text](a==b==c.md).',
  'Runs that name nothing: ==== and ^^^^ and ~~~~ stay text.',
];

describe('pymdownx.mark, caret and tilde', () => {
  it.skipIf(!oracle).each(CASES)('renders as Python-Markdown does: %s', async (markdown) => {
    const theirs = await renderWithPythonMarkdown(markdown, ALL);
    expect(canonicalHtml(await ours(markdown))).toBe(canonicalHtml(theirs));
  });

  it('leaves no marker characters behind', async () => {
    const html = await ours('==a== ^^b^^ ^c^ ~~d~~ ~e~');
    expect(html).toBe('<p><mark>a</mark> <ins>b</ins> <sup>c</sup> <del>d</del> <sub>e</sub></p>');
  });

  it('never looks inside code spans, code blocks, URLs or HTML', async () => {
    const markdown = [
      '`==a== ^b^ ~c~`',
      '',
      '<https://example.com/==a==/~b~>',
      '',
      '<span title="==a==">x</span>',
      '',
      '```text',
      '==a== ^^b^^ ~~c~~',
      '```',
    ].join('\n');
    const html = await ours(markdown);
    expect(html).not.toMatch(/<(mark|ins|sup|del|sub)>/);
    expect(html).toContain('<code>==a== ^b^ ~c~</code>');
    expect(html).toContain('==a== ^^b^^ ~~c~~\n</code></pre>');
  });

  it('stays text when the extensions are not enabled, as in MkDocs (GFM strikethrough included)', async () => {
    const markdown = '==a== ^^b^^ ^c^ ~~d~~ ~e~';
    expect(await ours(markdown, {})).toBe(`<p>${markdown}</p>`);
    if (oracle)
      expect(canonicalHtml(await ours(markdown, {}))).toBe(
        canonicalHtml(await renderWithPythonMarkdown(markdown, {})),
      );
  });

  it('follows the options: smart off, and insert or subscript alone', async () => {
    const dumb = {
      'pymdownx.mark': { smart_mark: false },
      'pymdownx.caret': { superscript: false },
      'pymdownx.tilde': { delete: false },
    };
    const markdown = 'in==side==word, ^^ins^^ ^sup^, ~~del~~ ~sub~';
    const html = await ours(markdown, dumb);
    // Without `delete`, pymdownx still tries a subscript at each `~`: `~~del~~` is `<sub>~del</sub>~`.
    expect(html).toBe(
      '<p>in<mark>side</mark>word, <ins>ins</ins> ^sup^, <sub>~del</sub>~ <sub>sub</sub></p>',
    );
    if (oracle)
      expect(canonicalHtml(html)).toBe(canonicalHtml(await renderWithPythonMarkdown(markdown, dumb)));
  });
});

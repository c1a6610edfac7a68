import { describe, expect, it } from 'vitest';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { PYTHON_MARKDOWN, renderWithPythonMarkdown } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { canonicalHtml } from './helpers/compare-html.ts';
import { renderInline } from './helpers/render-inline.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

async function ours(markdown: string, extensions: Record<string, Record<string, unknown>>): Promise<string> {
  return (await renderInline(markdown, { remark: inlineExtensionPlugins(extensions).remarkPlugins })).html;
}

/** Our checkboxes carry an accessible name that Python-Markdown's lack; the rest must match. */
function withoutAriaLabels(html: string): string {
  return html.replace(/ aria-label="[^"]*"/g, '');
}

const TASKS = [
  '- [x] Start the event loop',
  '- [ ] Await *every* task',
  '    - [X] Cancel the timer',
  '',
].join('\n');

describe('pymdownx.tasklist', () => {
  it.skipIf(!oracle).each([{}, { custom_checkbox: true }, { clickable_checkbox: true }])(
    'renders as Python-Markdown does with %o',
    async (options) => {
      const extensions = { 'pymdownx.tasklist': options };
      const theirs = await renderWithPythonMarkdown(TASKS, extensions);
      expect(canonicalHtml(withoutAriaLabels(await ours(TASKS, extensions)))).toBe(canonicalHtml(theirs));
    },
  );

  it("writes Material's checkbox, named after its item", async () => {
    const html = await ours('- [x] Start the *event* loop\n', {
      'pymdownx.tasklist': { custom_checkbox: true },
    });
    expect(html).toBe(
      [
        '<ul class="task-list">',
        '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled checked aria-label="Start the event loop"><span class="task-list-indicator"></span></label> Start the <em>event</em> loop</li>',
        '</ul>',
      ].join('\n'),
    );
  });

  it('keeps loose items and their paragraphs', async () => {
    const html = await ours('1. [ ] First\n\n    More text.\n\n2. [x] Second\n', { 'pymdownx.tasklist': {} });
    expect(html).toContain(
      '<li class="task-list-item">\n<p><input type="checkbox" disabled aria-label="First"> First</p>\n<p>More text.</p>',
    );
  });

  it('leaves `[ ]` as text when the extension is not enabled, as MkDocs does', async () => {
    const html = await ours('- [ ] todo\n- [x] done\n', {});
    expect(html).toBe('<ul>\n<li>[ ] todo</li>\n<li>[x] done</li>\n</ul>');
    if (oracle)
      expect(canonicalHtml(html)).toBe(
        canonicalHtml(await renderWithPythonMarkdown('- [ ] todo\n- [x] done\n', {})),
      );
  });
});

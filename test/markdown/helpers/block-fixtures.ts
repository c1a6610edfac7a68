import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PYTHON_MARKDOWN, renderWithPythonMarkdown } from '../../helpers/python-markdown.ts';
import { requireTool } from '../../helpers/require-tool.ts';
import { normalizeHtml } from './normalize-html.ts';
import { type Extensions, renderBlocks } from './render-blocks.ts';

/** One case: `input.md`, the HTML we render (`output.html`), and optionally its own `extensions.json`, and `differs.md` saying why Python-Markdown renders it otherwise. */
export interface BlockFixture {
  name: string;
  dir: string;
  input: string;
  extensions: Extensions;
  /** Why the case is not compared with Python-Markdown, when it is not. */
  differs: string | undefined;
}

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

/** The extensions Python-Markdown is given besides the ones under test, so that code blocks render comparably. */
const ORACLE_BASE: Extensions = {
  'pymdownx.superfences': {},
  'pymdownx.highlight': { use_pygments: false },
};

/** Our HTML without what the site adds on purpose: the short answer's class and search weight. */
function withoutOwnMarks(html: string): string {
  return html.replace(/ kb-in-short(?=")/g, '').replace(/ data-pagefind-weight="5"/g, '');
}

/** Reads the fixtures of one area (`test/markdown/fixtures/<area>/<case>/`). */
export async function readBlockFixtures(area: string, defaults: Extensions): Promise<BlockFixture[]> {
  const root = path.join(FIXTURES, area);
  const names = (await readdir(root)).sort();
  return Promise.all(
    names.map(async (name) => {
      const dir = path.join(root, name);
      const own = path.join(dir, 'extensions.json');
      const note = path.join(dir, 'differs.md');
      return {
        name,
        dir,
        input: await readFile(path.join(dir, 'input.md'), 'utf8'),
        extensions: existsSync(own) ? (JSON.parse(await readFile(own, 'utf8')) as Extensions) : defaults,
        differs: existsSync(note) ? await readFile(note, 'utf8') : undefined,
      };
    }),
  );
}

const oracle = await requireTool(PYTHON_MARKDOWN, "the fixtures' comparisons with Python-Markdown");

/**
 * Two tests per fixture: our HTML is exactly `output.html` (written on first run outside CI, to be
 * read before it is committed), and, unless `differs.md` says why not, it has the same elements,
 * classes, ids and text as Python-Markdown's with the same extensions.
 */
export function testBlockFixtures(fixtures: BlockFixture[]): void {
  it.each(fixtures)('$name renders as output.html', async (fixture) => {
    const { html } = await renderBlocks(fixture.input, fixture.extensions);
    const output = path.join(fixture.dir, 'output.html');
    if (!existsSync(output) && !process.env['CI']) await writeFile(output, `${html}\n`);
    expect(html).toBe((await readFile(output, 'utf8')).replace(/\n$/, ''));
  });

  const compared = fixtures.filter((fixture) => fixture.differs === undefined);
  it.skipIf(!oracle).each(compared)('$name renders as Python-Markdown renders it', async (fixture) => {
    const { html } = await renderBlocks(fixture.input, fixture.extensions);
    const expected = await renderWithPythonMarkdown(fixture.input, {
      ...ORACLE_BASE,
      ...fixture.extensions,
    });
    expect(normalizeHtml(withoutOwnMarks(html))).toBe(normalizeHtml(expected));
  });
}

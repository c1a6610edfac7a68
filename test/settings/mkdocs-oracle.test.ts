import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { editUrlFor } from '../../src/settings/edit-url.ts';
import type { NavItem } from '../../src/settings/mkdocs-fields.ts';
import { resolveSettings } from '../../src/settings/settings.ts';
import { MKDOCS_MATERIAL, ORACLE_PYTHON } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';

const run = promisify(execFile);
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** Builds the fixture project `name` with MkDocs into a temporary folder; returns one built page. */
async function buildWithMkdocs(name: string, page: string): Promise<ReturnType<typeof parse>> {
  const out = await mkdtemp(path.join(tmpdir(), 'kb-mkdocs-oracle-'));
  try {
    await run(
      ORACLE_PYTHON,
      ['-m', 'mkdocs', 'build', '-q', '-f', path.join(FIXTURES, name, 'mkdocs.yml'), '-d', out],
      {
        timeout: 60_000,
      },
    );
    return parse(await readFile(path.join(out, page), 'utf8'));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Nav labels in order, a page without its own title showing its H1, as MkDocs shows it. */
function navLabels(items: readonly NavItem[], pageTitles: Record<string, string>): string[] {
  return items.flatMap((item) => [
    item.title ?? pageTitles[item.file ?? ''] ?? '',
    ...navLabels(item.children ?? [], pageTitles),
  ]);
}

const oracle = await requireTool(MKDOCS_MATERIAL, 'the comparisons with MkDocs');

describe.skipIf(!oracle)('mkdocs.yml as MkDocs builds it', () => {
  it('gives the same address, language, colour, favicon, edit link, repository, analytics, copyright and nav', async () => {
    const settings = resolveSettings({}, FIXTURES, { KB_CONTENT_DIR: 'mkdocs-oracle' });
    const html = await buildWithMkdocs('mkdocs-oracle', 'basics/what-is-it/index.html');
    const pageUrl = `${settings.url}${settings.base}basics/what-is-it/`;

    expect(html.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(pageUrl);
    expect(html.querySelector('html')?.getAttribute('lang')).toBe(settings.language);
    expect(html.querySelector('meta[name=theme-color]')?.getAttribute('content')).toBe(settings.primaryColor);
    expect(new URL(html.querySelector('link[rel=icon]')!.getAttribute('href')!, pageUrl).href).toBe(
      `${settings.url}${settings.base}${settings.favicon}`,
    );
    expect(html.querySelector('a.md-content__button')?.getAttribute('href')).toBe(
      editUrlFor(settings.editUrl!, 'basics/what-is-it.md'),
    );
    expect(html.querySelector('.md-source__repository')?.text.trim()).toBe(settings.repo?.name);
    expect(html.toString()).toContain(`gtag("config","${settings.analytics?.property}")`);
    expect(html.querySelector('.md-copyright__highlight')?.innerHTML.trim()).toBe(settings.copyright);
    const mkdocsNav = html
      .querySelectorAll('.md-nav--primary .md-nav__link')
      .filter((link) => !link.closest('.md-nav--secondary'))
      .map((link) => link.text.trim());
    expect(mkdocsNav).toEqual(navLabels(settings.nav ?? [], { 'basics/what-is-it.md': 'What is it?' }));
  });

  it('derives the same edit link and repository name when mkdocs.yml leaves them out', async () => {
    const settings = resolveSettings({}, FIXTURES, { KB_CONTENT_DIR: 'minimal' });
    const html = await buildWithMkdocs('minimal', 'index.html');
    expect(html.querySelector('a.md-content__button')?.getAttribute('href')).toBe(
      editUrlFor(settings.editUrl!, 'index.md'),
    );
    expect(html.querySelector('.md-source__repository')?.text.trim()).toBe(settings.repo?.name);
  });
});

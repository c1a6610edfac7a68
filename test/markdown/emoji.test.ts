import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { PYTHON_MARKDOWN } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { renderWithPythonNames } from './helpers/python-markdown-names.ts';
import { renderInline } from './helpers/render-inline.ts';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');
const require = createRequire(import.meta.url);

/** Material's documented configuration, as the mkdocs.yml reader hands it over. */
const MATERIAL = {
  emoji_index: '!!python/name:material.extensions.emoji.twemoji',
  emoji_generator: '!!python/name:material.extensions.emoji.to_svg',
};

async function ours(markdown: string, options: Record<string, unknown> | null = MATERIAL, baseDir?: string) {
  const extensions = options ? { 'pymdownx.emoji': options } : {};
  const steps = inlineExtensionPlugins(extensions, baseDir ? { baseDir } : {});
  return (await renderInline(markdown, { remark: steps.remarkPlugins })).html;
}

/** The shortcodes an HTML page turned into emoji: pymdownx writes them as each image's title. */
function convertedShortcodes(html: string): string[] {
  const titles: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (element: Element) => {
    const classes = element.properties['className'];
    if (Array.isArray(classes) && classes.includes('twemoji') && element.properties['title'])
      titles.push(String(element.properties['title']));
  });
  return titles;
}

describe('pymdownx.emoji with the Twemoji index', () => {
  const sentence =
    'Tasks done :white_check_mark:, one left :hourglass:, :+1: and :thumbsup: (an alias), ' +
    ':flag_fr: :man_technologist_tone3: :eye_in_speech_bubble: — but not :no_such_emoji:, 10:30:45, :smile or `:smile:`.';

  it.skipIf(!oracle)('converts the same shortcodes as MkDocs', async () => {
    const theirs = await renderWithPythonNames(sentence, {
      'pymdownx.emoji': {
        emoji_index: '!!python/name:pymdownx.emoji.twemoji',
        emoji_generator: '!!python/name:pymdownx.emoji.to_svg',
      },
    });
    expect(convertedShortcodes(await ours(sentence))).toEqual(convertedShortcodes(theirs));
  });

  it('draws an emoji as inline Twemoji art, named by its character', async () => {
    const html = await ours('Done :white_check_mark:');
    const art = await readFile(require.resolve('@twemoji/svg/2705.svg'), 'utf8');
    const firstPath = /<path[^>]*\/>/.exec(art)![0].replace(/\s*\/>$/, '');
    expect(html).toMatch(
      /^<p>Done <span class="twemoji" role="img" aria-label="✅" title=":white_check_mark:"><svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 36 36" aria-hidden="true">/,
    );
    expect(html).toContain(firstPath);
    expect(html).not.toContain(':white_check_mark:</');
  });

  it('follows `title` and `alt`, and `to_alt` writes the character itself', async () => {
    expect(await ours(':smile:', { ...MATERIAL, title: 'none', alt: 'short' })).toMatch(
      /^<p><span class="twemoji" role="img" aria-label=":smile:"><svg/,
    );
    expect(
      await ours('Hi :smile:', {
        emoji_index: 'pymdownx.emoji.twemoji',
        emoji_generator: 'pymdownx.emoji.to_alt',
      }),
    ).toBe('<p>Hi 😄</p>');
  });

  it('never looks inside code, links or HTML attributes', async () => {
    const html = await ours(
      '`:smile:` [:smile:](a.md) <https://example.com/:smile:/> <span title=":smile:">x</span>\n\n    :smile:\n',
    );
    expect(html.match(/<svg/g)).toHaveLength(1);
    expect(html).toContain('<code>:smile:</code>');
    expect(html).toContain('href="https://example.com/:smile:/"');
  });

  it('stays text when the extension is not enabled, as MkDocs does', async () => {
    expect(await ours(':smile: :material-check:', null)).toBe('<p>:smile: :material-check:</p>');
  });
});

describe("Material's icon shortcodes", () => {
  const packageFile = (file: string) => readFile(require.resolve(file), 'utf8');
  const svgPath = (svg: string) => /\sd="([^"]+)"/.exec(svg)![1];

  it.each([
    [':material-timer-sand:', '@mdi/svg/svg/timer-sand.svg', '0 0 24 24'],
    [':fontawesome-brands-python:', '@fortawesome/fontawesome-free/svgs/brands/python.svg', undefined],
    [':fontawesome-solid-gear:', '@fortawesome/fontawesome-free/svgs/solid/gear.svg', undefined],
    [':octicons-sync-16:', '@primer/octicons/build/svg/sync-16.svg', '0 0 16 16'],
    [':simple-nodedotjs:', 'simple-icons/icons/nodedotjs.svg', '0 0 24 24'],
  ])('%s is the SVG of %s, trimmed as Material trims it', async (shortcode, file, viewBox) => {
    const html = await ours(`Icon ${shortcode} here`);
    const source = await packageFile(file);
    expect(html).toMatch(
      /^<p>Icon <span class="twemoji"><svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="[^"]+">/,
    );
    if (viewBox) expect(html).toContain(`viewBox="${viewBox}"`);
    expect(html).toContain(svgPath(source));
    // No size, id or title of the package's file: CSS sizes the icon, and ids must stay unique.
    expect(html).not.toMatch(/<svg[^>]*(width|height|id)=/);
    expect(html).not.toContain('<title>');
    expect(html).not.toContain(shortcode);
  });

  it('leaves unknown icons, and icons without Material’s index, as text', async () => {
    expect(await ours(':material-no-such-icon:')).toBe('<p>:material-no-such-icon:</p>');
    expect(
      await ours(':material-check:', {
        emoji_index: 'pymdownx.emoji.twemoji',
        emoji_generator: 'pymdownx.emoji.to_svg',
      }),
    ).toBe('<p>:material-check:</p>');
  });

  it('reads custom_icons relative to the MkDocs project', async () => {
    const baseDir = path.join(import.meta.dirname, 'fixtures/emoji');
    const html = await ours(
      ':brand-loop:',
      { ...MATERIAL, options: { custom_icons: ['overrides/.icons'] } },
      baseDir,
    );
    expect(html).toBe(
      '<p><span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6" fill="none" stroke="currentColor"></circle></svg></span></p>',
    );
  });
});

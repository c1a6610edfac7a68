import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const fixtures = await readBlockFixtures('snippets', {});
const FILES = 'test/markdown/fixtures/snippet-files';

describe('snippets fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  testBlockFixtures(fixtures);
});

describe('pymdownx.snippets', () => {
  it('leaves no `--8<--` marker in the HTML', async () => {
    for (const fixture of fixtures.filter((each) => each.name !== 'escaped')) {
      const { html } = await renderBlocks(fixture.input, fixture.extensions);
      expect(html, fixture.name).not.toContain('8<');
    }
  });

  it('reads files through the function it is given, relative to the project', async () => {
    const read: string[] = [];
    const { html } = await renderBlocks('--8<-- "part.md"\n', {
      'pymdownx.snippets': {
        base_path: 'docs/parts',
        projectDir: '/site',
        readFile: (file: string) => (
          read.push(file),
          file === path.resolve('/site/docs/parts/part.md') ? 'From *memory*.' : undefined
        ),
      },
    });
    expect(html).toBe('<p>From <em>memory</em>.</p>');
    expect(read).toEqual([path.resolve('/site/docs/parts/part.md')]);
  });

  it('refuses paths leaving the base folder, and warns where the marker is', async () => {
    const { html, file } = await renderBlocks('Text.\n\n--8<-- "../package.json"\n', {
      'pymdownx.snippets': { base_path: FILES },
    });
    expect(html).toBe('<p>Text.</p>');
    expect(
      file.messages.map((message) => [message.line, message.ruleId, message.fatal, message.reason]),
    ).toEqual([
      [
        3,
        'snippet-missing',
        false,
        'snippet `../package.json` is not found in `test/markdown/fixtures/snippet-files`',
      ],
    ]);
  });

  it('makes a missing snippet an error with `check_paths`', async () => {
    const { file } = await renderBlocks('--8<-- "gone.md"\n', {
      'pymdownx.snippets': { base_path: FILES, check_paths: true },
    });
    expect(file.messages.map((message) => message.fatal)).toEqual([true]);
  });

  it('places included nodes at the marker, and keeps the fence of an included example', async () => {
    const { tree } = await renderBlocks(
      'Intro.\n\n--8<-- "tip.md"\n\n```py\n--8<-- "example.py:main"\n```\n',
      {
        'pymdownx.snippets': { base_path: FILES },
        admonition: {},
      },
    );
    const [, admonition, code] = tree.children;
    expect(admonition).toMatchObject({
      type: 'admonition',
      position: { start: { line: 3, column: 1 }, end: { line: 3, column: 16 } },
    });
    expect(code).toMatchObject({
      type: 'code',
      value: 'async def main():\n    await asyncio.sleep(0)',
      position: { start: { line: 5 }, end: { line: 7 } },
    });
  });

  it('does not download URLs', async () => {
    const { html, file } = await renderBlocks('--8<-- "https://example.org/x.md"\n', {
      'pymdownx.snippets': {},
    });
    expect(html).toBe('');
    expect(file.messages.map((message) => message.ruleId)).toEqual(['snippet-url']);
  });
});

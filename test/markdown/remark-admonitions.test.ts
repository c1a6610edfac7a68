import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { remarkAdmonitions } from '../../src/markdown/remark-admonitions.ts';
import { remarkDetails } from '../../src/markdown/remark-details.ts';
import { readBlockFixtures, testBlockFixtures } from './helpers/block-fixtures.ts';
import { renderBlocks } from './helpers/render-blocks.ts';
import { render } from './render.ts';

const EXTENSIONS = { admonition: {}, 'pymdownx.details': {} };
const fixtures = await readBlockFixtures('admonitions', EXTENSIONS);

/** The plugins alone on remark-parse: the mdast the link checker and other plugins see. */
async function transform(source: string): Promise<Root> {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkAdmonitions).use(remarkDetails);
  const tree = processor.parse(source);
  await processor.run(tree, source); // transforms the tree in place
  return tree;
}

/** The short answer recorded in Astro's frontmatter, if any. */
/** The short answer the document model reads from a body. */
async function shortAnswer(markdown: string): Promise<unknown> {
  return (await render(markdown)).facts.inShort?.text;
}

describe('admonitions and details fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.map((fixture) => fixture.name)).toContain('titled-note');
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  testBlockFixtures(fixtures);
});

describe('every type Material styles', () => {
  const types = [
    ['note'],
    ['abstract', 'summary', 'tldr'],
    ['info', 'todo'],
    ['tip', 'hint', 'important'],
    ['success', 'check', 'done'],
    ['question', 'help', 'faq'],
    ['warning', 'caution', 'attention'],
    ['failure', 'fail', 'missing'],
    ['danger', 'error'],
    ['bug'],
    ['example'],
    ['quote', 'cite'],
  ].flat();

  it.each(types)(
    '`!!! %s` is a div with the type as class and the type, capitalised, as title',
    async (type) => {
      const { html } = await renderBlocks(`!!! ${type}\n    Body.\n`, EXTENSIONS);
      const title = type.charAt(0).toUpperCase() + type.slice(1);
      expect(html).toBe(
        `<div class="admonition ${type}"><p class="admonition-title">${title}</p><p>Body.</p></div>`,
      );
    },
  );

  it.each(types)('`??? %s` is a details element with the type as class', async (type) => {
    const { html } = await renderBlocks(`??? ${type}\n    Body.\n`, EXTENSIONS);
    expect(html).toMatch(new RegExp(`^<details class="${type}"><summary>`));
  });
});

describe('raw syntax never reaches the page', () => {
  it('leaves no `!!!` or `???` marker in the HTML of any fixture', async () => {
    for (const fixture of fixtures.filter((fixture) => fixture.name !== 'not-a-marker')) {
      const { html } = await renderBlocks(fixture.input, fixture.extensions);
      expect(html, fixture.name).not.toMatch(/!!!|\?\?\?/);
    }
  });

  it('leaves `???` as text when pymdownx.details is not enabled, as MkDocs does', async () => {
    const { html } = await renderBlocks('??? note\n    Body.\n', { admonition: {} });
    expect(html).toBe('<p>??? note\nBody.</p>');
  });
});

describe('the short answer', () => {
  it('is the plain text of the first `!!! info "In short"`, one space between words and blocks', async () => {
    expect(
      await shortAnswer(
        [
          '!!! info "In short"',
          '    Use **bold**, `code`   and',
          '    [a link](x.md).',
          '',
          '    - one',
          '    - two',
          '',
          '!!! info "In short"',
          '    Ignored: only the first one counts.',
        ].join('\n'),
      ),
    ).toBe('Use bold, code and a link. one two');
  });

  it('needs the `info` type; the title is matched without regard to case', async () => {
    expect(await shortAnswer('!!! note "In short"\n    No.\n')).toBeUndefined();
    expect(await shortAnswer('!!! info "IN SHORT"\n    Yes.\n')).toBe('Yes.');
  });

  it('is never a collapsible block', async () => {
    expect(await shortAnswer('??? info "In short"\n    Hidden.\n')).toBeUndefined();
  });

  it('is not recorded when there is none', async () => {
    expect(await shortAnswer('!!! info "Good to know"\n    Text.\n')).toBeUndefined();
  });
});

describe('the admonition node', () => {
  it('carries its type, title, collapsibility and short-answer flag', async () => {
    const tree = await transform(
      '!!! info "In short"\n    A.\n\n???+ tip\n    B.\n\n??? note "C"\n    C.\n\n!!! warning ""\n    D.\n',
    );
    expect(
      tree.children.map(
        (node) => node.type === 'admonition' && [node.kind, node.title, node.collapsible, node.inShort],
      ),
    ).toEqual([
      ['info', 'In short', undefined, true],
      ['tip', 'Tip', 'open', false],
      ['note', 'C', 'closed', false],
      ['warning', '', undefined, false],
    ]);
  });

  it('spans the marker and the body, nested ones too, for findings about the admonition itself', async () => {
    const source =
      'Intro.\n\n!!! note\n    Body.\n\n    ??? tip "T"\n        Inner.\n\n    Last.\n\nAfter.\n';
    const spans: [string, string][] = [];
    visit(await transform(source), 'admonition', (node) => {
      const { start, end } = node.position!;
      spans.push([
        `${start.line}:${start.column}-${end.line}:${end.column}`,
        source.slice(start.offset, end.offset),
      ]);
    });
    expect(spans).toEqual([
      ['3:1-9:10', '!!! note\n    Body.\n\n    ??? tip "T"\n        Inner.\n\n    Last.'],
      ['6:5-7:15', '??? tip "T"\n        Inner.'],
    ]);
  });
});

describe('positions inside an admonition body', () => {
  /** Each node of a type: its start as `line:column`, and the source text its offsets span. */
  async function places(source: string, type: 'link' | 'code' = 'link'): Promise<[string, string][]> {
    const found: [string, string][] = [];
    visit(await transform(source), type, (node) => {
      const { start, end } = node.position!;
      found.push([`${start.line}:${start.column}`, source.slice(start.offset, end.offset)]);
    });
    return found;
  }

  it('point at the link in the file, through nesting, lists and lines after the body', async () => {
    const source = [
      'Intro [a](a.md).', // 1
      '', // 2
      '!!! note "T"', // 3
      '    See [b](b.md).', // 4
      '', // 5
      '    - item [c](c.md)', // 6
      '', // 7
      '    !!! tip', // 8
      '        Deep [d](d.md).', // 9
      '    After [e](e.md).', // 10
      'Lazy [f](f.md).', // 11
    ].join('\n');
    expect(await places(source)).toEqual([
      ['1:7', '[a](a.md)'],
      ['4:9', '[b](b.md)'],
      ['6:12', '[c](c.md)'],
      ['9:14', '[d](d.md)'],
      ['10:11', '[e](e.md)'],
      ['11:6', '[f](f.md)'],
    ]);
  });

  it('point at a link in the title', async () => {
    expect(await places('!!! note "See [x](x.md)"\n    Body.\n')).toEqual([['1:15', '[x](x.md)']]);
  });

  it('count a tab as the one character it is, and CRLF line ends as two', async () => {
    const source = '!!! note\r\n\tTab [a](a.md).\r\n\r\n\tNext [b](b.md).\r\n';
    expect(await places(source)).toEqual([
      ['2:6', '[a](a.md)'],
      ['4:7', '[b](b.md)'],
    ]);
  });

  it('put a fenced example in a list item inside an admonition at its line', async () => {
    const source = [
      '1. Step', // 1
      '', // 2
      '    ??? example "Run it"', // 3
      '        ```py', // 4
      '        print("done")', // 5
      '        ```', // 6
    ].join('\n');
    expect(await places(source, 'code')).toEqual([['4:9', '```py\n        print("done")\n        ```']]);
  });

  it('resolve reference links and footnotes defined outside the body', async () => {
    const tree = await transform(
      '!!! note\n    See [the guide][guide].[^1]\n\n[guide]: guide.md\n[^1]: A note.\n',
    );
    const types: string[] = [];
    visit(tree, (node) => void types.push(node.type));
    expect(types).toContain('linkReference');
    expect(types).toContain('footnoteReference');
    expect(types.filter((type) => type === 'definition')).toHaveLength(1);
  });
});

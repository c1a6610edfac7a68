import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { remarkAdmonitions } from '../../src/markdown/remark-admonitions.ts';
import { render } from './render.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/admonitions');
const fixtures = (await readdir(FIXTURES)).sort();

/** The plugin alone on remark-parse: the mdast the link checker and other plugins see. */
async function transform(source: string): Promise<Root> {
  const processor = unified().use(remarkParse).use(remarkAdmonitions);
  const tree = processor.parse(source);
  await processor.run(tree, source); // transforms the tree in place
  return tree;
}

describe('admonitions as the site renders them', () => {
  it('finds the fixtures', () => {
    expect(fixtures).toContain('titled-note');
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
  });

  it.each(fixtures)('%s', async (name) => {
    const input = await readFile(path.join(FIXTURES, name, 'input.md'), 'utf8');
    const expected = await readFile(path.join(FIXTURES, name, 'output.html'), 'utf8');
    expect((await render(input)).html).toBe(expected.replace(/\n$/, ''));
  });
});

describe('the short answer', () => {
  it('is the plain text of the first `!!! info "In short"`, one space between words and blocks', async () => {
    const { facts } = await render(
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
    );
    expect(facts.inShort?.text).toBe('Use bold, code and a link. one two');
  });

  it('needs the `info` type; the title is matched without regard to case', async () => {
    expect((await render('!!! note "In short"\n    No.\n')).facts.inShort).toBeUndefined();
    expect((await render('!!! info "IN SHORT"\n    Yes.\n')).facts.inShort?.text).toBe('Yes.');
  });

  it('is absent when no admonition is the short answer', async () => {
    expect((await render('!!! info "Good to know"\n    Text.\n')).facts.inShort).toBeUndefined();
  });
});

describe('the admonition node', () => {
  it('carries its type, title, collapsibility and short-answer flag', async () => {
    const tree = await transform('!!! info "In short"\n    A.\n\n???+ tip\n    B.\n\n??? note "C"\n    C.\n');
    expect(
      tree.children.map(
        (node) => node.type === 'admonition' && [node.kind, node.title, node.collapsible, node.inShort],
      ),
    ).toEqual([
      ['info', 'In short', undefined, true],
      ['tip', 'Tip', 'open', false],
      ['note', 'C', 'closed', false],
    ]);
  });

  it('spans the marker and the body, nested ones too, for findings about the admonition itself', async () => {
    const source =
      'Intro.\n\n!!! note\n    Body.\n\n    !!! tip "T"\n        Inner.\n\n    Last.\n\nAfter.\n';
    const spans: [string, string][] = [];
    visit(await transform(source), 'admonition', (node) => {
      const { start, end } = node.position!;
      spans.push([
        `${start.line}:${start.column}-${end.line}:${end.column}`,
        source.slice(start.offset, end.offset),
      ]);
    });
    expect(spans).toEqual([
      ['3:1-9:10', '!!! note\n    Body.\n\n    !!! tip "T"\n        Inner.\n\n    Last.'],
      ['6:5-7:15', '!!! tip "T"\n        Inner.'],
    ]);
  });
});

describe('positions inside an admonition body', () => {
  /** Each link's start as `line:column`, and the source text its offsets span. */
  async function linkPlaces(source: string): Promise<[string, string][]> {
    const places: [string, string][] = [];
    visit(await transform(source), 'link', (node) => {
      const { start, end } = node.position!;
      places.push([`${start.line}:${start.column}`, source.slice(start.offset, end.offset)]);
    });
    return places;
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
    expect(await linkPlaces(source)).toEqual([
      ['1:7', '[a](a.md)'],
      ['4:9', '[b](b.md)'],
      ['6:12', '[c](c.md)'],
      ['9:14', '[d](d.md)'],
      ['10:11', '[e](e.md)'],
      ['11:6', '[f](f.md)'],
    ]);
  });

  it('count a tab as the one character it is, and CRLF line ends as two', async () => {
    const source = '!!! note\r\n\tTab [a](a.md).\r\n\r\n\tNext [b](b.md).\r\n';
    expect(await linkPlaces(source)).toEqual([
      ['2:6', '[a](a.md)'],
      ['4:7', '[b](b.md)'],
    ]);
  });
});

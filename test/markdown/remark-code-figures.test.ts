import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkCodeFigures } from '../../src/markdown/remark-code-figures.ts';
import { render } from './render.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/code-figures');
const fixtures = (await readdir(FIXTURES)).sort();

describe('code figures as the site renders them', () => {
  it('finds the fixtures', () => {
    expect(fixtures).toContain('example-with-title');
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  it.each(fixtures)('%s', async (name) => {
    const input = await readFile(path.join(FIXTURES, name, 'input.md'), 'utf8');
    const expected = await readFile(path.join(FIXTURES, name, 'output.html'), 'utf8');
    expect((await render(input)).html).toBe(expected.replace(/\n$/, ''));
  });
});

describe('the codeFigure nodes', () => {
  it('say which role they play and keep the position of their code', async () => {
    const source = 'Intro.\n\n```ts\nx\n```\n\nOutput:\n\n```\n1\n```\n';
    const processor = unified().use(remarkParse).use(remarkCodeFigures);
    const tree = processor.parse(source);
    await processor.run(tree); // transforms the tree in place
    expect(
      tree.children.map((node) => [
        node.type,
        node.type === 'codeFigure' && node.role,
        node.position?.start.line,
      ]),
    ).toEqual([
      ['paragraph', false, 1],
      ['codeFigure', 'example', 3],
      ['codeFigure', 'output', 9],
    ]);
  });
});

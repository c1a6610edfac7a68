import type { RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { findOutputBlock, isOutputLabel } from '../../src/markdown/output-blocks.ts';

function blocks(markdown: string): RootContent[] {
  return unified().use(remarkParse).parse(markdown).children;
}

describe('isOutputLabel', () => {
  it.each([
    ['Output:', true],
    ['**Output:**', true],
    ['*output:*', true],
    ['  OUTPUT:  ', true],
    ['Output', false],
    ['Output: 42', false],
    ['The output:', false],
    ['# Output:', false],
  ])('%j → %s', (markdown, expected) => {
    expect(isOutputLabel(blocks(markdown)[0])).toBe(expected);
  });

  it('is false when there is no node', () => {
    expect(isOutputLabel(undefined)).toBe(false);
  });
});

describe('findOutputBlock', () => {
  it.each([
    ['```js\na\n```\n```text\n1\n```', { index: 1, labelIndex: undefined, value: '1' }],
    ['```js\na\n```\n\nOutput:\n\n```\n1\n```', { index: 2, labelIndex: 1, value: '1' }],
    ['```js\na\n```\n\n```json\n{}\n```', undefined],
    ['```js\na\n```\n\nText.\n\n```text\n1\n```', undefined],
    ['```js\na\n```', undefined],
  ])('in %j', (markdown, expected) => {
    const found = findOutputBlock(blocks(markdown), 0);
    expect(found && { index: found.index, labelIndex: found.labelIndex, value: found.code.value }).toEqual(
      expected,
    );
  });
});

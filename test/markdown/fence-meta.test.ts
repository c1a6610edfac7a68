import { describe, expect, it } from 'vitest';
import { parseFenceMeta } from '../../src/markdown/fence-meta.ts';

describe('parseFenceMeta', () => {
  it.each<[string | null | undefined, string | undefined, string[], [string, string][]]>([
    [undefined, undefined, [], []],
    [null, undefined, [], []],
    ['', undefined, [], []],
    ['title="Example 1"', 'Example 1', [], []],
    ["title='Example 2'", 'Example 2', [], []],
    ['title=bare', 'bare', [], []],
    ['title="a=b c"', 'a=b c', [], []],
    ['title=""', '', [], []],
    ['norun', undefined, ['norun'], []],
    ['throws continue', undefined, ['throws', 'continue'], []],
    ['timeout=2s', undefined, [], [['timeout', '2s']]],
    ['title="Example 3" norun timeout=2s', 'Example 3', ['norun'], [['timeout', '2s']]],
    ['  data-x="y"   skip-me  ', undefined, ['skip-me'], [['data-x', 'y']]],
  ])('%j', (meta, title, flags, options) => {
    expect(parseFenceMeta(meta)).toEqual({ title, flags: new Set(flags), options: new Map(options) });
  });
});

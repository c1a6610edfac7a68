import { describe, expect, it } from 'vitest';
import { tableOfContents } from '../../src/site/table-of-contents.ts';

const h = (depth: number, text: string) => ({ depth, text, id: text.toLowerCase().replace(/\s+/g, '-') });

describe('the table of contents of an article', () => {
  it('lists sections with their subsections, then the sections the layout adds', () => {
    expect(
      tableOfContents([h(2, 'One'), h(3, 'One a'), h(2, 'Two'), h(4, 'Deep'), h(2, 'Three')], {
        trailing: [{ slug: 'see-also', text: 'See also' }],
      }),
    ).toEqual([
      { slug: 'one', text: 'One', children: [{ slug: 'one-a', text: 'One a', children: [] }] },
      { slug: 'two', text: 'Two', children: [] },
      { slug: 'three', text: 'Three', children: [] },
      { slug: 'see-also', text: 'See also', children: [] },
    ]);
  });

  it('is empty for articles with fewer than three sections of their own', () => {
    expect(
      tableOfContents([h(2, 'One'), h(3, 'a'), h(3, 'b'), h(2, 'Two')], {
        trailing: [{ slug: 'x', text: 'X' }],
      }),
    ).toEqual([]);
    expect(tableOfContents([])).toEqual([]);
  });

  it('ignores a subsection before the first section', () => {
    expect(
      tableOfContents([h(3, 'Lost'), h(2, 'A'), h(2, 'B'), h(2, 'C')]).map((entry) => entry.children),
    ).toEqual([[], [], []]);
  });
});

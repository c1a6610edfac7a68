import { describe, expect, it } from 'vitest';
import { render } from './render.ts';

describe('the "See also" section', () => {
  it('is lifted out of the body as items with their site URLs', async () => {
    const { html, frontmatter } = await render(
      [
        'Body.',
        '',
        '## See also',
        '',
        '* [Old title](other.md#part)',
        '* External: [Python docs](https://docs.python.org/3/)',
        '* [Topic](../other/index.md) — the whole topic',
        '',
      ].join('\n'),
    );
    expect(html).toBe('<p>Body.</p>');
    expect(frontmatter['seeAlso']).toEqual([
      { url: '/topic/other/#part', text: 'Old title', before: '', after: '' },
      { url: 'https://docs.python.org/3/', text: 'Python docs', before: 'External:', after: '' },
      { url: '/other/', text: 'Topic', before: '', after: '— the whole topic' },
    ]);
  });

  it('keeps the sections after it in the body', async () => {
    const { html, frontmatter } = await render('## See also\n\n- [A](a.md)\n\n## Later\n\nText.\n');
    expect(html).toBe('<h2 id="later">Later</h2>\n<p>Text.</p>');
    expect(frontmatter['seeAlso']).toEqual([{ url: '/topic/a/', text: 'A', before: '', after: '' }]);
  });

  it.each([
    ['prose in the section', '## See also\n\nRead these:\n\n* [A](a.md)\n'],
    ['an item with two links', '## See also\n\n* [A](a.md) and [B](b.md)\n'],
    ['an item without a link', '## See also\n\n* nothing\n'],
    ['formatting around the link', '## See also\n\n* **Must read:** [A](a.md)\n'],
    ['a third-level heading', '### See also\n\n* [A](a.md)\n'],
  ])('stays in the body as written when it has %s', async (_, markdown) => {
    const { html, frontmatter } = await render(markdown);
    expect(html).toContain('See also');
    expect(frontmatter['seeAlso']).toBeUndefined();
  });
});

describe('link targets', () => {
  it('records each page the body links to once, See also included, and nothing else', async () => {
    const { frontmatter } = await render(
      '[x](b.md#one) [y](b.md) ![img](dot.png) [ext](https://x.org/) [top](#here)\n\n## See also\n\n* [A](../other/a.md)\n',
    );
    expect(frontmatter['links']).toEqual(['/other/a/', '/topic/b/']);
  });

  it('records nothing for a body without links', async () => {
    expect((await render('Just text.\n')).frontmatter['links']).toBeUndefined();
  });
});

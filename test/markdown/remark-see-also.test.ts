import { describe, expect, it } from 'vitest';
import { render } from './render.ts';

describe('the "See also" section', () => {
  it('is lifted out of the body as items, links as written', async () => {
    const { html, facts } = await render(
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
    expect(facts.seeAlso?.id).toBe('see-also');
    expect(facts.seeAlso?.items).toEqual([
      { url: 'other.md#part', text: 'Old title', before: '', after: '' },
      { url: 'https://docs.python.org/3/', text: 'Python docs', before: 'External:', after: '' },
      { url: '../other/index.md', text: 'Topic', before: '', after: '— the whole topic' },
    ]);
  });

  it('keeps the sections after it in the body', async () => {
    const { html, facts } = await render('## See also\n\n- [A](a.md)\n\n## Later\n\nText.\n');
    expect(html).toBe('<h2 id="later">Later</h2>\n<p>Text.</p>');
    expect(facts.seeAlso?.items).toEqual([{ url: 'a.md', text: 'A', before: '', after: '' }]);
  });

  it('is lifted when hand-written JSON-LD ends the file after it', async () => {
    const { html, facts } = await render(
      '## See also\n\n- [A](a.md)\n\n<script type="application/ld+json">{"@type": "FAQPage"}</script>\n',
    );
    expect(html).toBe('');
    expect(facts.seeAlso?.items).toHaveLength(1);
    expect(facts.jsonLd).toHaveLength(1);
  });

  it.each([
    ['prose in the section', '## See also\n\nRead these:\n\n* [A](a.md)\n'],
    ['an item with two links', '## See also\n\n* [A](a.md) and [B](b.md)\n'],
    ['an item without a link', '## See also\n\n* nothing\n'],
    ['formatting around the link', '## See also\n\n* **Must read:** [A](a.md)\n'],
    ['a third-level heading', '### See also\n\n* [A](a.md)\n'],
  ])('stays in the body as written when it has %s', async (_, markdown) => {
    const { html, facts } = await render(markdown);
    expect(html).toContain('See also');
    expect(facts.seeAlso).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { backlinksOf, pagePathOf, resolveSeeAlso } from '../../src/model/link-graph.ts';
import { frontmatterSchema } from '../../src/model/frontmatter.ts';
import { buildSiteModel, type SiteEntry } from '../../src/model/site-model.ts';
import { renderedFacts } from '../../src/site/rendered-facts.ts';

describe('the page a link reaches', () => {
  it.each([
    ['/topic/slug/', '/topic/slug/'],
    ['/topic/slug/#anchor', '/topic/slug/'],
    ['/topic/slug', '/topic/slug/'],
    ['/topic/slug/?x=1', '/topic/slug/'],
    ['/topic/index.html', '/topic/'],
    ['/my%20page/', '/my page/'],
    ['/', '/'],
    ['/images/dot.png', undefined],
    ['https://example.org/a/', undefined],
    ['//example.org/a/', undefined],
    ['#anchor', undefined],
    ['mailto:a@b.c', undefined],
  ])('%s → %s', (url, expected) => {
    expect(pagePathOf(url)).toBe(expected);
  });
});

describe('"See also" and "Linked from"', () => {
  const a = { url: '/t/a/', title: 'A?' };
  const b = { url: '/t/b/', title: 'B?' };
  const c = { url: '/t/c/', title: 'C?' };

  it('titles each link to a page with that page’s title, and keeps other links as written', () => {
    const pages = new Map([a, b].map((page) => [page.url, page]));
    expect(
      resolveSeeAlso(
        [
          { url: '/t/a/#x', text: 'old text', before: '', after: '' },
          { url: 'https://docs.python.org/', text: 'Python docs', before: 'External:', after: '' },
          { url: '/t/gone/', text: 'Gone', before: '', after: '(moved)' },
        ],
        pages,
      ),
    ).toEqual([
      { url: '/t/a/#x', text: 'old text', before: '', after: '', title: 'A?', page: a },
      {
        url: 'https://docs.python.org/',
        text: 'Python docs',
        before: 'External:',
        after: '',
        title: 'Python docs',
        page: undefined,
      },
      { url: '/t/gone/', text: 'Gone', before: '', after: '(moved)', title: 'Gone', page: undefined },
    ]);
  });

  it('inverts the links, by title, without self-links or repeats', () => {
    const backlinks = backlinksOf([
      { page: c, links: ['/t/a/', '/t/a/#x', '/t/c/'] },
      { page: b, links: ['/t/a/', 'https://x.org/'] },
      { page: a, links: ['/t/b/'] },
    ]);
    expect(backlinks.get('/t/a/')).toEqual([b, c]);
    expect(backlinks.get('/t/b/')).toEqual([a]);
    expect(backlinks.has('/t/c/')).toBe(false);
  });

  it('reach the site model from what rendering recorded', () => {
    const entry = (id: string, title: string, frontmatter: Record<string, unknown>): SiteEntry => ({
      id,
      data: frontmatterSchema.parse({
        title,
        description: 'A description of fifty characters or more, for the test.',
        date: '2026-01-01',
      }),
      ...renderedFacts(frontmatter),
    });
    const site = buildSiteModel(
      [
        entry('t/a', 'Question A?', {
          links: ['/t/b/'],
          seeAlso: [{ url: '/t/b/', text: 'b', before: '', after: '' }],
        }),
        entry('t/b', 'Question B?', { links: ['/t/a/', '/t/b/'], inShort: 'B.' }),
        entry('t/c', 'Question C?', { links: ['/t/b/'], seeAlso: 'not a list' }),
      ],
      { includeDrafts: false },
    );
    const a = site.articles.get('t/a')!;
    expect(a.seeAlso.map((link) => [link.url, link.title])).toEqual([['/t/b/', 'Question B?']]);
    expect(a.linkedFrom.map((page) => page.title)).toEqual(['Question B?']);
    expect(site.articles.get('t/b')!.linkedFrom.map((page) => page.title)).toEqual([
      'Question A?',
      'Question C?',
    ]);
    expect(site.articles.get('t/c')!.seeAlso).toEqual([]);
  });
});

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frontmatterSchema } from '../../src/model/frontmatter.ts';
import { backlinksOf } from '../../src/model/link-graph.ts';
import { pagePathOf } from '../../src/model/links.ts';
import { buildSiteModel, type SiteEntry } from '../../src/model/site-model.ts';
import { check, makeTempDir } from '../checker/helpers.ts';

describe('the page a site path reaches', () => {
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

describe('inverting the graph', () => {
  const a = { url: '/t/a/', title: 'A?' };
  const b = { url: '/t/b/', title: 'B?' };
  const c = { url: '/t/c/', title: 'C?' };

  it('lists the sources of each page by title, without self-links', () => {
    const backlinks = backlinksOf([
      { page: c, linksTo: [a, c] },
      { page: b, linksTo: [a] },
      { page: a, linksTo: [b] },
    ]);
    expect(backlinks.get(a)).toEqual([b, c]);
    expect(backlinks.get(b)).toEqual([a]);
    expect(backlinks.has(c)).toBe(false);
  });
});

describe('the link graph of a content folder', () => {
  const temp = makeTempDir('graph');
  afterAll(async () => (await temp).remove());

  const article = (title: string, body: string) =>
    `---\ntitle: "${title}"\ndescription: A description that is long enough to satisfy the checker.\ndate: 2026-01-01\n---\n\n!!! info "In short"\n    Yes.\n\n${body}\n`;

  it('has an edge for every way a page links to another published page, and nothing else', async () => {
    const { dir } = await temp;
    await mkdir(path.join(dir, 't'), { recursive: true });
    await mkdir(path.join(dir, 'u'), { recursive: true });
    const files: Record<string, string> = {
      't/a.md': article(
        'A?',
        '[b by file](b.md#x) and [c by site path](/u/c/) and [self](a.md) and [draft](d.md)',
      ),
      't/b.md': article('B?', '[ref][r]\n\n[r]: ../u/c.md'),
      'u/c.md': article('C?', '## See also\n\n- [A](../t/a.md)\n- [Docs](https://example.org/)'),
      't/d.md': article('D?', '[a](a.md)').replace('date: 2026-01-01', 'date: 2026-01-01\ndraft: true'),
      't/e.md': article('E?', 'No links.'),
    };
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
    const result = await check(dir);
    const edges = [...result.graph]
      .flatMap(([from, targets]) => [...targets].map((to) => `${from.file} → ${to.file}`))
      .sort();
    expect(edges).toEqual(['t/a.md → t/b.md', 't/a.md → u/c.md', 't/b.md → u/c.md', 'u/c.md → t/a.md']);
    // The orphan rule reads the same graph: only the article nothing links to.
    expect(result.diagnostics.filter((d) => d.ruleId === 'orphan-page').map((d) => d.file)).toEqual([
      't/e.md',
    ]);
  });
});

describe('the site model', () => {
  const entry = (id: string, title: string, fields: Partial<SiteEntry>): SiteEntry => ({
    id,
    data: frontmatterSchema.parse({
      title,
      description: 'A description of fifty characters or more, for the test.',
      date: '2026-01-01',
    }),
    title,
    heading: undefined,
    inShort: 'The answer.',
    titleId: undefined,
    headings: [],
    linksTo: [],
    seeAlso: [],
    seeAlsoId: undefined,
    bodyKey: undefined,
    buildOnly: [],
    codeNotes: [],
    needs: { math: false, diagrams: false },
    ...fields,
  });

  it('shows "See also" with the target’s title and "Linked from" from the graph, articles only', () => {
    const site = buildSiteModel(
      [
        entry('t/a', 'Question A?', {
          linksTo: ['t/b'],
          seeAlso: [
            { url: 'b.md', href: '/t/b/', text: 'b', before: '', after: '', target: 't/b' },
            {
              url: 'https://x.org/',
              href: 'https://x.org/',
              text: 'X',
              before: '',
              after: '',
              target: undefined,
            },
          ],
        }),
        entry('t/b', 'Question B?', { linksTo: ['t/a'], inShort: 'B.' }),
        entry('t/c', 'Question C?', { linksTo: ['t/b'] }),
        entry('t/index', 'Topic T', { linksTo: ['t/a', 't/b', 't/c'] }),
      ],
      { includeDrafts: false, base: '/' },
    );
    const a = site.articles.get('t/a')!;
    expect(a.seeAlso.map((link) => [link.href, link.title])).toEqual([
      ['/t/b/', 'Question B?'],
      ['https://x.org/', 'X'],
    ]);
    expect(a.linkedFrom.map((page) => page.title)).toEqual(['Question B?']);
    expect(site.articles.get('t/b')!.linkedFrom.map((page) => page.title)).toEqual([
      'Question A?',
      'Question C?',
    ]);
    expect(site.articles.get('t/c')!.linkedFrom).toEqual([]);
  });
});

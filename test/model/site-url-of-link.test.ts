import { describe, expect, it } from 'vitest';
import { siteUrlOfLink } from '../../src/model/links.ts';
import { render } from '../markdown/render.ts';

/** The `href` the site gets for a link written in `content/<from>`. */
async function href(url: string, from = 'topic/article.md'): Promise<string> {
  const { html } = await render(`[text](${url})`, { file: from });
  const match = /^<p><a href="([^"]*)">text<\/a><\/p>$/.exec(html);
  if (!match) throw new Error(`not a single link: ${html}`);
  return match[1]!;
}

describe('links written the MkDocs way, from topic/article.md', () => {
  it.each([
    ['x.md', '/topic/x/'],
    ['./x.md', '/topic/x/'],
    ['x.md#anchor', '/topic/x/#anchor'],
    ['x.MD', '/topic/x/'],
    ['sub/z.md', '/topic/sub/z/'],
    ['../other/y.md', '/other/y/'],
    ['../other/y.md#a-b', '/other/y/#a-b'],
    ['index.md', '/topic/'],
    ['README.md', '/topic/'],
    ['../other/index.md', '/other/'],
    ['../index.md', '/'],
    ['../privacy.md', '/privacy/'],
    ['../other/', '/other/'],
    ['files/data.csv', '/topic/files/data.csv'],
    ['missing.md', '/topic/missing/'],
    ['my%20file.md', '/topic/my%20file/'],
    ['<my file.md>', '/topic/my%20file/'],
  ])('%s → %s', async (url, expected) => {
    expect(await href(url)).toBe(expected);
  });

  it.each([
    ['#foo', 'only an anchor'],
    ['/a/b/', 'an absolute path'],
    ['https://example.com/x.md', 'a URL'],
    ['mailto:someone@example.com', 'another scheme'],
    ['../../x.md', 'leaving the content folder'],
    ['bad%E0%A4.md', 'a malformed percent-encoding'],
  ])('leaves %s alone (%s)', async (url) => {
    expect(await href(url)).toBe(url);
  });
});

describe('links from other places in the content folder', () => {
  it.each([
    ['index.md', 'topic/x.md', '/topic/x/'],
    ['index.md', '../x.md', '../x.md'],
    ['privacy.md', 'topic/index.md', '/topic/'],
    ['topic/index.md', 'x.md#a', '/topic/x/#a'],
    ['a/b/c.md', '../../d.md', '/d/'],
  ])('in %s, %s → %s', async (from, url, expected) => {
    expect(await href(url, from)).toBe(expected);
  });
});

describe('other kinds of links', () => {
  it('rewrites image sources', async () => {
    expect((await render('![A diagram](img.png)')).html).toBe(
      '<p><img src="/topic/img.png" alt="A diagram"></p>',
    );
  });

  it('rewrites reference definitions, used by links and images alike', async () => {
    const { html } = await render('[Y][y] and ![Z][z]\n\n[y]: ../other/y.md#sec\n[z]: pics/z.svg\n');
    expect(html).toBe('<p><a href="/other/y/#sec">Y</a> and <img src="/topic/pics/z.svg" alt="Z"></p>');
  });

  it('rewrites links inside admonitions', async () => {
    const { html } = await render('!!! note\n    See [x](x.md).\n');
    expect(html).toContain('<p>See <a href="/topic/x/">x</a>.</p></div>');
  });
});

describe('the site base', () => {
  it('goes in front of every rewritten link', () => {
    expect(siteUrlOfLink('../other/y.md#s', 'topic/article.md', '/docs')).toBe('/docs/other/y/#s');
    expect(siteUrlOfLink('img.png', 'topic/article.md', '/docs/')).toBe('/docs/topic/img.png');
  });
});

import { describe, expect, it } from 'vitest';
import { absoluteUrl, hrefOf } from '../../src/core/site-paths.ts';

/** Names a content file may have that a URL must encode, and the plain ones it must keep. */
const NAMES = [
  'hash#tag',
  'what?',
  '100%',
  '100%25',
  'café',
  'a b',
  'a+b',
  '(x)',
  "it's",
  'a&b',
  'Ünïcödé-名前',
  'plain-name_1.2~x',
];

describe('hrefOf: a site path as a link, encoded once', () => {
  it.each(NAMES)('`/t/%s/` decodes back to itself, segment by segment', (name) => {
    const href = hrefOf(`/t/${name}/`, '/');
    expect(href.split('/').map(decodeURIComponent).join('/')).toBe(`/t/${name}/`);
  });

  it.each(NAMES)(
    '`/t/%s/` is a path a URL parser keeps as it is: no fragment, no query, nothing encoded again',
    (name) => {
      const href = hrefOf(`/t/${name}/`, '/');
      const url = new URL(href, 'https://example.org/');
      expect({ pathname: url.pathname, hash: url.hash, search: url.search }).toEqual({
        pathname: href,
        hash: '',
        search: '',
      });
      expect(absoluteUrl('https://example.org', `/t/${name}/`)).toBe(`https://example.org${href}`);
    },
  );

  it('puts the path under the base the site is served from, which is a URL path already', () => {
    expect(hrefOf('/t/a b/', '/kb/')).toBe('/kb/t/a%20b/');
    expect(hrefOf('/', '/kb/')).toBe('/kb/');
    expect(absoluteUrl('https://example.org/kb', '/t/a b/')).toBe('https://example.org/kb/t/a%20b/');
    expect(absoluteUrl('https://example.org/kb/', '/')).toBe('https://example.org/kb/');
  });

  it('encodes as MkDocs does (Python’s quote): all but letters, digits, `_.-~` and the slashes', () => {
    expect(NAMES.map((name) => hrefOf(`/${name}/`, '/'))).toMatchInlineSnapshot(`
      [
        "/hash%23tag/",
        "/what%3F/",
        "/100%25/",
        "/100%2525/",
        "/caf%C3%A9/",
        "/a%20b/",
        "/a%2Bb/",
        "/%28x%29/",
        "/it%27s/",
        "/a%26b/",
        "/%C3%9Cn%C3%AFc%C3%B6d%C3%A9-%E5%90%8D%E5%89%8D/",
        "/plain-name_1.2~x/",
      ]
    `);
  });
});

import { describe, expect, it } from 'vitest';
import { redirectsOf, renderRedirectsFile } from '../../src/seo/redirects.ts';

describe('redirects for aliases', () => {
  it('normalises aliases to the site’s URL style, skips drafts, and sorts by old path', () => {
    const redirects = redirectsOf(
      [
        { url: '/t/new/', data: { draft: false, aliases: ['old/page', '/legacy/page.html'] } },
        { url: '/t/draft/', data: { draft: true, aliases: ['/gone/'] } },
        { url: '/t/other/', data: { draft: false, aliases: [] } },
      ],
      '/',
    );
    expect(redirects).toEqual([
      { from: '/legacy/page/', written: '/legacy/page.html', to: '/t/new/', href: '/t/new/' },
      { from: '/old/page/', written: '/old/page', to: '/t/new/', href: '/t/new/' },
    ]);
    expect(renderRedirectsFile(redirects, '/')).toBe(
      [
        '/legacy/page.html /t/new/ 301',
        '/legacy/page/ /t/new/ 301',
        '/legacy/page /t/new/ 301',
        '/old/page /t/new/ 301',
        '/old/page/ /t/new/ 301',
        '',
      ].join('\n'),
    );
  });

  it('percent-encodes paths, so that a space cannot split a line nor a `#` end it', () => {
    expect(
      renderRedirectsFile([{ from: '/a b/', written: '/a b/', to: '/t/x#y/', href: '/t/x%23y/' }], '/'),
    ).toBe('/a%20b/ /t/x%23y/ 301\n/a%20b /t/x%23y/ 301\n');
  });

  it('puts both sides under the path a site is served from', () => {
    const redirects = redirectsOf([{ url: '/t/new/', data: { draft: false, aliases: ['/old/'] } }], '/kb/');
    expect(redirects[0]?.href).toBe('/kb/t/new/');
    expect(renderRedirectsFile(redirects, '/kb/')).toBe('/kb/old/ /kb/t/new/ 301\n/kb/old /kb/t/new/ 301\n');
  });

  it('leaves out the aliases the checker reports as invalid, so that the build never fails on them', () => {
    const aliases = ['https://old.example/sleep/', '../x', '/old/?id=3', '/', '/search/', '/kept/'];
    const redirects = redirectsOf([{ url: '/t/new/', data: { draft: false, aliases } }], '/');
    expect(redirects.map((redirect) => redirect.written)).toEqual(['/kept/']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseXml, rssSchema, sitemapSchema } from './helpers/xml-formats.ts';

// The validators must reject what they are there to catch, or a passing build test proves nothing.
describe('the feed and sitemap validators', () => {
  it('reject XML that is not well-formed, or uses an unbound namespace prefix', () => {
    expect(() => parseXml('<urlset><url></urlset>', [])).toThrow(/not well-formed/);
    expect(() => parseXml('<rss><guid isPermaLink>x</guid></rss>', [])).toThrow(/not well-formed/);
    expect(() => parseXml('<rss><atom:link href="x"/></rss>', [])).toThrow(/not well-formed/);
  });

  it('reject a sitemap entry with a relative location or a malformed date', () => {
    const sitemap = (loc: string, lastmod: string) =>
      parseXml(
        `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${loc}</loc><lastmod>${lastmod}</lastmod></url></urlset>`,
        ['url'],
      );
    expect(sitemapSchema.safeParse(sitemap('https://example.org/a/', '2025-01-02')).success).toBe(true);
    expect(sitemapSchema.safeParse(sitemap('/a/', '2025-01-02')).success).toBe(false);
    expect(sitemapSchema.safeParse(sitemap('https://example.org/a/', '02/01/2025')).success).toBe(false);
  });

  it('reject a feed without a channel description, or with an ISO date where RSS wants RFC 822', () => {
    const feed = (channel: string) =>
      parseXml(
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>${channel}</channel></rss>`,
        ['item'],
      );
    const head = '<title>T</title><link>https://example.org/</link>';
    expect(rssSchema.safeParse(feed(`${head}<description>D</description>`)).success).toBe(true);
    expect(rssSchema.safeParse(feed(head)).success).toBe(false);
    const item = (pubDate: string) => `<item><title>Q</title><pubDate>${pubDate}</pubDate></item>`;
    expect(
      rssSchema.safeParse(feed(`${head}<description>D</description>${item('Sat, 07 Jun 2025 00:00:00 GMT')}`))
        .success,
    ).toBe(true);
    expect(
      rssSchema.safeParse(feed(`${head}<description>D</description>${item('2025-06-07')}`)).success,
    ).toBe(false);
  });
});

import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { z } from 'zod';

/**
 * Parses XML after a conforming XML 1.0 parser (saxes, with namespaces) has found it well-formed;
 * repeated elements are always lists, and text stays text.
 */
export function parseXml(text: string, lists: readonly string[]): unknown {
  const strict = new SaxesParser({ xmlns: true });
  strict.on('error', (error) => {
    throw new Error(`not well-formed XML: ${error.message}`, { cause: error });
  });
  strict.write(text).close();
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => lists.includes(name),
  });
  return parser.parse(text);
}

const absoluteUrl = z.url({ protocol: /^https?$/ }).max(2048);

/** W3C Datetime, the `lastmod` format of the sitemap protocol: a day, or a day and a time with a zone. */
const w3cDatetime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/)
  .refine((value) => !Number.isNaN(Date.parse(value)));

/** RFC 822 dates (four-digit years, as RSS 2.0 allows), the format of `pubDate` and `lastBuildDate`. */
const rfc822 = z
  .string()
  .regex(
    /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(?::\d{2})? (?:UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[A-IK-Z]|[+-]\d{4})$/,
  )
  .refine((value) => !Number.isNaN(Date.parse(value)));

const xmlDeclaration = z.strictObject({ '@_version': z.literal('1.0'), '@_encoding': z.literal('UTF-8') });

/** The sitemaps.org protocol 0.9 (what its XSD allows), as fast-xml-parser reads it. */
export const sitemapSchema = z.strictObject({
  '?xml': xmlDeclaration,
  urlset: z.strictObject({
    '@_xmlns': z.literal('http://www.sitemaps.org/schemas/sitemap/0.9'),
    url: z
      .array(
        z.strictObject({
          loc: absoluteUrl.min(12),
          lastmod: w3cDatetime.optional(),
          changefreq: z
            .enum(['always', 'hourly', 'daily', 'weekly', 'monthly', 'yearly', 'never'])
            .optional(),
          priority: z
            .string()
            .regex(/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/)
            .optional(),
        }),
      )
      .min(1)
      .max(50_000),
  }),
});

const text = z.string().min(1);
const category = z.union([text, z.strictObject({ '#text': text, '@_domain': z.string().optional() })]);

/** RSS 2.0 (the RSS Advisory Board's specification), with the Atom `self` link and Dublin Core creator. */
export const rssSchema = z.strictObject({
  '?xml': xmlDeclaration,
  rss: z.strictObject({
    '@_version': z.literal('2.0'),
    '@_xmlns:atom': z.literal('http://www.w3.org/2005/Atom').optional(),
    '@_xmlns:dc': z.literal('http://purl.org/dc/elements/1.1/').optional(),
    channel: z.strictObject({
      title: text,
      link: absoluteUrl,
      description: text,
      language: z
        .string()
        .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)
        .optional(),
      lastBuildDate: rfc822.optional(),
      pubDate: rfc822.optional(),
      'atom:link': z
        .strictObject({
          '@_href': absoluteUrl,
          '@_rel': z.literal('self'),
          '@_type': z.literal('application/rss+xml'),
        })
        .optional(),
      item: z
        .array(
          z
            .strictObject({
              title: text.optional(),
              link: absoluteUrl.optional(),
              description: text.optional(),
              pubDate: rfc822.optional(),
              guid: z
                .union([text, z.strictObject({ '#text': text, '@_isPermaLink': z.enum(['true', 'false']) })])
                .optional(),
              category: z.array(category).optional(),
              'dc:creator': text.optional(),
            })
            // "All elements of an item are optional, however at least one of title or description must be present."
            .refine((item) => item.title !== undefined || item.description !== undefined, {
              error: 'an item needs a title or a description',
            }),
        )
        .default([]),
    }),
  }),
});

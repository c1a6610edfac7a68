import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A YAML date (`2025-10-07`) or a quoted date string (`"2025-10-07"`). */
const dateField = z.union([
  z.date(),
  z
    .string()
    .regex(ISO_DATE, { error: 'expected a date such as `2025-10-07`' })
    .transform((value) => new Date(value)),
]);

const stringList = z.union([z.array(z.string()), z.string().transform((value) => splitList(value))]);

/** MkDocs' `meta:` list: `[{ name: keywords, content: "a, b" }, { name: robots, content: … }]`. */
const metaList = z.array(
  z.looseObject({
    name: z.string().optional(),
    property: z.string().optional(),
    content: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
  }),
);

/** The frontmatter of any content file. Which fields are required for which kind of page is the checker's business. */
export const frontmatterSchema = z
  .looseObject({
    title: z.string({ error: 'expected the question as text' }).trim().min(1, { error: 'must not be empty' }),
    description: z.string().trim().optional(),
    date: dateField.optional(),
    updated: dateField.optional(),
    keywords: stringList.optional(),
    meta: metaList.optional(),
    tags: stringList.default([]),
    draft: z.boolean().default(false),
    aliases: z.array(z.string()).default([]),
    author: z.string().optional(),
  })
  .transform(({ keywords, meta, ...rest }) => ({
    ...rest,
    keywords: [...(keywords ?? []), ...keywordsFromMeta(meta)],
    robots: meta?.find((entry) => entry.name?.toLowerCase() === 'robots')?.content,
  }));

/** Frontmatter after validation: dates are `Date`s, keywords and tags are lists. */
export type Frontmatter = z.output<typeof frontmatterSchema>;

function keywordsFromMeta(meta: z.output<typeof metaList> | undefined): string[] {
  return (meta ?? [])
    .filter((entry) => entry.name?.toLowerCase() === 'keywords' && entry.content)
    .flatMap((entry) => splitList(entry.content ?? ''));
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const DATE_ERROR = 'expected a date such as `2025-10-07`';

/** A YAML date (`2025-10-07`) or a quoted date string (`"2025-10-07"`) naming a day that exists. */
const dateField = z.union(
  [
    z.date(),
    z
      .string()
      .regex(ISO_DATE, { error: DATE_ERROR, abort: true })
      .refine(isCalendarDate, { error: 'expected a day that exists on the calendar' })
      .transform((value) => new Date(value)),
  ],
  // A union reports only "Invalid input"; say what a date looks like, or that the day does not exist.
  { error: (issue) => (issue.code === 'invalid_union' && unionDetail(issue.errors)) || DATE_ERROR },
);

const stringList = z.union([z.array(z.string()), z.string().transform((value) => splitList(value))], {
  error: 'expected a list or a comma-separated string',
});

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
    // Optional, as in MkDocs: a page without one is titled by its first H1, else by its file name.
    title: z
      .string({ error: 'expected the question as text' })
      .trim()
      .min(1, { error: 'must not be empty' })
      .optional(),
    description: z.string({ error: 'expected a one-sentence summary as text' }).trim().optional(),
    date: dateField.optional(),
    updated: dateField.optional(),
    keywords: stringList.optional(),
    meta: metaList.optional(),
    tags: stringList.default([]),
    draft: z.boolean({ error: 'expected `true` or `false`' }).default(false),
    aliases: z
      .array(z.string({ error: 'expected an old path as text' }), {
        error: 'expected a list of old paths, one `- /old/path/` line each',
      })
      .default([]),
    author: z.string({ error: 'expected a name as text' }).optional(),
  })
  .transform(({ keywords, meta, ...rest }) => ({
    ...rest,
    keywords: [...(keywords ?? []), ...keywordsFromMeta(meta)],
    robots: meta?.find((entry) => entry.name?.toLowerCase() === 'robots')?.content,
  }));

/** Frontmatter after validation: dates are `Date`s, keywords and tags are lists. */
export type Frontmatter = z.output<typeof frontmatterSchema>;

/** True when a `2025-10-07…` string names a day of the calendar (`new Date` rolls `02-30` over to March). */
function isCalendarDate(value: string): boolean {
  const [year = NaN, month = NaN, day = NaN] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    !Number.isNaN(new Date(value).getTime()) && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function unionDetail(errors: readonly (readonly { code?: string; message: string }[])[]): string | undefined {
  return errors.flat().find((issue) => issue.code === 'custom')?.message;
}

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

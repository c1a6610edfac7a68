import { z } from 'zod';

/**
 * The settings a MkDocs project's `mkdocs.yml` supplies, which `src/site.config.ts` may
 * also set. Kept apart from the other settings so that each group reads on its own.
 */

/** One entry of the navigation: a page (`file`), a link (`url`) or a section (`children`), with an optional title. */
export interface NavItem {
  /** The title shown; a page without one shows its own title. */
  title?: string | undefined;
  /** A Markdown file, relative to the content folder (`topic/page.md`). */
  file?: string | undefined;
  /** An address outside the content: `https://…` or a site path such as `/api/`. */
  url?: string | undefined;
  /** The entries of a section. */
  children?: NavItem[] | undefined;
}

const navItem: z.ZodType<NavItem> = z.lazy(() =>
  z
    .strictObject({
      title: z.string().optional(),
      file: z.string().min(1).optional(),
      url: z.string().min(1).optional(),
      children: z.array(navItem).optional(),
    })
    .refine(
      (item) => [item.file, item.url, item.children].filter((part) => part !== undefined).length === 1,
      { error: 'expected exactly one of `file`, `url` or `children`' },
    ),
);

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour such as `#4051b5`' });

/** A script added to every page, as MkDocs' `extra_javascript` lists it. */
const script = z.union([
  z.string().min(1),
  z.strictObject({
    src: z.string().min(1),
    type: z.string().min(1).optional(),
    async: z.boolean().optional(),
    defer: z.boolean().optional(),
  }),
]);

/** Material's "Was this page helpful?" widget, as `extra.analytics.feedback` describes it. */
const feedback = z.strictObject({
  title: z.string(),
  ratings: z.array(
    z.strictObject({
      icon: z.string(),
      name: z.string(),
      data: z.union([z.number(), z.string()]),
      note: z.string(),
    }),
  ),
});

/** The fields, to be spread into the settings schema. */
export const mkdocsFields = {
  /** The footer's copyright line; it may hold HTML, as MkDocs' `copyright` does. */
  copyright: z.string().default(''),
  /** The source repository, linked from every page: its address and the name shown (`GitHub`…). */
  repo: z
    .strictObject({
      url: z.url({
        protocol: /^https?$/,
        error: 'expected the address of a repository, such as `https://github.com/owner/name`',
      }),
      name: z.string().min(1),
    })
    .optional(),
  /** "Edit this page": the address with `{path}` where the page's source path goes (also `{path_noext}`, `{path!q}`). */
  editUrl: z
    .string()
    .regex(/^https?:\/\/\S*\{path(?:_noext)?(?:!q)?\}/, {
      error:
        'expected an address with `{path}` in it, such as `https://github.com/owner/name/edit/main/docs/{path}`',
    })
    .optional(),
  /** The navigation: topics and pages in order, with titles; pages left out are still published. */
  nav: z.array(navItem).optional(),
  /** Google Analytics (a `G-…` property; `UA-…` too, as Material 8 accepts it), and the feedback widget if set. */
  analytics: z
    .strictObject({
      provider: z.literal('google'),
      property: z
        .string()
        .regex(/^(?:G|UA)-[\w-]+$/, { error: 'expected a property id such as `G-XXXXXXXXXX`' }),
      feedback: feedback.optional(),
    })
    .optional(),
  /** Extra `<meta>` tags on every page, such as a search engine's site-verification tag. */
  metaTags: z
    .array(
      z
        .strictObject({
          name: z.string().min(1).optional(),
          property: z.string().min(1).optional(),
          content: z.string(),
        })
        .refine((tag) => (tag.name === undefined) !== (tag.property === undefined), {
          error: 'expected either `name` or `property`',
        }),
    )
    .default([]),
  /** Stylesheets added to every page, relative to the content folder or absolute addresses. */
  extraCss: z.array(z.string().min(1)).default([]),
  /** Scripts added to every page: a path or address, or `{ src, type?, async?, defer? }`. */
  extraJavascript: z
    .array(script)
    .default([])
    .transform((scripts) => scripts.map((entry) => (typeof entry === 'string' ? { src: entry } : entry))),
  /** The logo in the header: an image relative to the content folder, or an address. */
  logo: z.string().min(1).optional(),
  /** The favicon: an image relative to the content folder, or an address. */
  favicon: z.string().min(1).optional(),
  /** The site's primary colour (header, links), such as Material's `indigo`, `#4051b5`. */
  primaryColor: hexColor.optional(),
  /** Material's `theme.features`; `content.code.annotate` gives every code block annotations. */
  themeFeatures: z.array(z.string().min(1)).default([]),
  /** Files of the content folder that are not published, as `.gitignore` patterns (MkDocs' `exclude_docs`). */
  exclude: z.array(z.string().min(1)).default([]),
  /**
   * Python-Markdown extensions with their options, by name, as `mkdocs.yml` lists them
   * (`toc: { permalink: true }`); a Python function or call arrives as the tag MkDocs reads
   * (`'!!python/name:materialx.emoji.twemoji'`).
   */
  markdownExtensions: z.record(z.string().min(1), z.record(z.string(), z.unknown())).default({}),
};

/** The values `mkdocs.yml` supplies, under the names `src/site.config.ts` gives them. */
export type MkdocsSettings = {
  name?: string;
  url?: string;
  description?: string;
  author?: string;
  language?: string;
} & { [Key in keyof typeof mkdocsFields]?: z.input<(typeof mkdocsFields)[Key]> };

import path from 'node:path';
import { z } from 'zod';
import { RULES } from '../checks/rule-ids.ts';
import { TYPECHECK_OPTIONS } from '../examples/example-settings.ts';

const ruleIds = Object.keys(RULES) as [keyof typeof RULES, ...(keyof typeof RULES)[]];

const URL_ERROR = "expected the site's public address, such as `https://example.org`";

/** Zod's message for a bad address, quoting what was written. */
const urlError = (issue: { input?: unknown }) => `${URL_ERROR}, received \`${String(issue.input)}\``;

/** An absolute http(s) address; the site's own `url` may have no path, since pages are published at the root. */
const siteUrl = z
  .url({ protocol: /^https?$/, error: urlError, abort: true })
  .refine((value) => new URL(value).pathname === '/' && !new URL(value).search && !new URL(value).hash, {
    error: (issue) => `${urlError(issue)}; the site is published at the root of its address, without a path`,
  })
  .transform((value) => new URL(value).origin);

/** An image by absolute URL or by site path (`/images/card.png`), with the size Open Graph asks for. */
const imageSetting = z.object({
  url: z.string().regex(/^(?:https?:\/\/|\/)\S+$/, {
    error: 'expected an absolute URL or a site path such as `/images/card.png`',
  }),
  width: z.int().positive(),
  height: z.int().positive(),
  alt: z.string().default(''),
});

const settingsSchema = z.object({
  name: z.string().min(1),
  /** Required for a production build (see `requireSiteUrl`); `KB_SITE_URL` wins over it. */
  url: siteUrl.optional(),
  description: z.string().default(''),
  /** The default author of articles, in structured data; an article's `author` wins. */
  author: z.string().default(''),
  /** Who publishes the site, in structured data: an organisation (default) or a person. */
  publisher: z
    .object({
      type: z.enum(['Organization', 'Person']).default('Organization'),
      /** Defaults to the site's name. */
      name: z.string().min(1).optional(),
      /** Defaults to the site's address. */
      url: z.url({ protocol: /^https?$/, error: urlError }).optional(),
      logo: imageSetting.optional(),
    })
    .default({ type: 'Organization' }),
  /** The social image of pages without a card of their own; a card with the site's name is generated otherwise. */
  image: imageSetting.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language tag such as `en` or `pt-BR`' })
    .default('en'),
  contentDir: z.string().min(1).default('content'),
  keywords: z.array(z.string()).default([]),
  /** How many of the newest articles the RSS feed lists. */
  feedSize: z.int({ error: 'expected a whole number of articles' }).min(1).max(1000).default(20),
  /** The browser's UI colour (`theme-color`), for light and dark colour schemes. */
  themeColor: z
    .object({
      light: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour such as `#ffffff`' }),
      dark: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour such as `#0d1117`' }),
    })
    .default({ light: '#ffffff', dark: '#0d1117' }),
  /** Runtimes for examples, by name, merged over the defaults (TypeScript, JavaScript, Python). */
  runtimes: z
    .record(
      z.string(),
      z.object({
        languages: z.array(z.string().min(1)).min(1),
        command: z.array(z.string().min(1), { error: 'expected a command as a list of strings' }).min(1),
        extension: z.string().regex(/^\.\w+$/, { error: 'expected a file extension such as `.py`' }),
        version: z.array(z.string()).optional(),
        label: z.string().min(1),
        separator: z.string().optional(),
        stripTypes: z.boolean().optional(),
      }),
    )
    .default({}),
  /**
   * How examples run: the default time limit (`10s`), and per runtime (`python`) the interpreter
   * that runs them and the requirements file a missing module should be added to, both relative
   * to the project's folder; type-check options over `strict`.
   */
  examples: z
    .object({
      timeout: z
        .string()
        .regex(/^\d+(?:\.\d+)?(?:ms|s)?$/, { error: 'expected a duration such as `10s` or `500ms`' })
        .optional(),
      environments: z
        .record(
          z.string(),
          z.object({
            interpreter: z
              .string()
              .min(1, { error: 'expected a program, such as `.venv/bin/python`' })
              .optional(),
            requirements: z
              .string()
              .min(1, { error: 'expected a file, such as `requirements.txt`' })
              .optional(),
          }),
        )
        .optional(),
      typecheck: z.partialRecord(z.enum(TYPECHECK_OPTIONS), z.boolean()).optional(),
    })
    .default({}),
  /** Rules switched off or set to another severity: `{ orphan: 'off', 'description-length': 'error' }`. */
  rules: z.partialRecord(z.enum(ruleIds), z.enum(['off', 'warning', 'error'])).default({}),
});

/** Site settings as written in `src/site.config.ts`. */
export type SiteSettingsInput = z.input<typeof settingsSchema>;

/** Site settings after validation, with defaults applied and `contentDir` absolute. */
export type SiteSettings = z.output<typeof settingsSchema>;

/** A settings problem, phrased for the person who edits the settings file. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** The environment variable that points the build at another content folder (such as a MkDocs `docs/`). */
export const CONTENT_DIR_ENV = 'KB_CONTENT_DIR';

/** The environment variable that sets the site's public address, over the settings file's `url` (deploy previews, tests). */
export const SITE_URL_ENV = 'KB_SITE_URL';

const SETTINGS_FILE = 'src/site.config.ts';

/**
 * Validates settings and resolves the content directory against `root`;
 * `KB_CONTENT_DIR` in `env` wins over the file's `contentDir`, `KB_SITE_URL` over its `url`.
 */
export function resolveSettings(
  input: unknown,
  root: string,
  env: Record<string, string | undefined> = {},
): SiteSettings {
  const url = env[SITE_URL_ENV];
  const merged = url && typeof input === 'object' && input !== null ? { ...input, url } : input;
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `**${issue.path.join('.') || '(settings)'}**: ${issue.message}`,
    );
    throw new SettingsError(`Invalid site settings in ${SETTINGS_FILE}:\n${lines.join('\n')}`);
  }
  const contentDir = env[CONTENT_DIR_ENV] || parsed.data.contentDir;
  return { ...parsed.data, contentDir: path.resolve(root, contentDir) };
}

/** The site's address, which a production build needs for canonical URLs, the sitemap and the feed. */
export function requireSiteUrl(settings: Pick<SiteSettings, 'url'>): string {
  if (settings.url) return settings.url;
  throw new SettingsError(
    `Invalid site settings in ${SETTINGS_FILE}:\n**url**: ${URL_ERROR}; a production build needs it for canonical URLs, the sitemap and the feed (or set ${SITE_URL_ENV})`,
  );
}

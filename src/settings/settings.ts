import path from 'node:path';
import { z } from 'zod';
import { ENV } from '../core/env.ts';
import { DEFAULT_MARKDOWN_EXTENSIONS } from '../markdown/default-extensions.ts';
import { RULE_ALIASES, RULES, ruleIdOf, type RuleId } from '../checks/rule-ids.ts';
import { TRUST_LEVELS } from '../checks/trust.ts';
import { createSettingsErrorMap, formatIssue, quote } from './error-map.ts';
import { findMkdocsConfig, readMkdocsProject, type MkdocsProject } from './mkdocs-config.ts';
import { mkdocsFields } from './mkdocs-fields.ts';
import { SettingsError, type SettingsNotice } from './settings-error.ts';
import type { RuleLevel } from '../checks/rule-levels.ts';
import { TYPECHECK_OPTIONS } from '../examples/example-settings.ts';

export { formatNotice, SettingsError, type SettingsNotice } from './settings-error.ts';

/** A rule's id, or an old name it still answers to. */
type RuleName = RuleId | keyof typeof RULE_ALIASES;

const ruleNames = [...Object.keys(RULES), ...Object.keys(RULE_ALIASES)] as [RuleName, ...RuleName[]];

const URL_ERROR =
  "expected the site's public address, such as `https://example.org` or `https://example.org/kb/`";

/** An absolute http(s) address, with a path when the site is served under one (`https://example.org/kb/`). */
const siteUrl = z
  .url({ protocol: /^https?$/, error: URL_ERROR, abort: true })
  .refine((value) => !new URL(value).search && !new URL(value).hash, {
    error: `${URL_ERROR}, without \`?\` or \`#\``,
  });

/** An image by absolute URL or by site path (`/images/card.png`), with the size Open Graph asks for. */
const imageSetting = z.strictObject({
  url: z.string().regex(/^(?:https?:\/\/|\/)\S+$/, {
    error: 'expected an absolute URL or a site path such as `/images/card.png`',
  }),
  width: z.int().positive(),
  height: z.int().positive(),
  alt: z.string().default(''),
});

const settingsSchema = z
  .strictObject({
    /** The site's name, in the header and in page titles. */
    name: z.string().min(1),
    /** Required for a production build (see `requireSiteUrl`); `KB_SITE_URL` wins over it. A path (`/kb/`) becomes `base`. */
    url: siteUrl.optional(),
    description: z.string().default(''),
    /** The default author of articles, in structured data; an article's `author` wins. */
    author: z.string().default(''),
    /** Who publishes the site, in structured data: an organisation (default) or a person. */
    publisher: z
      .strictObject({
        type: z.enum(['Organization', 'Person']).default('Organization'),
        /** Defaults to the site's name. */
        name: z.string().min(1).optional(),
        /** Defaults to the site's address. */
        url: z.url({ protocol: /^https?$/, error: URL_ERROR }).optional(),
        logo: imageSetting.optional(),
      })
      .default({ type: 'Organization' }),
    /** The social image of pages without a card of their own; a card with the site's name is generated otherwise. */
    image: imageSetting.optional(),
    /** The language of every page (`<html lang>`). */
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
        error: 'expected a language tag such as `en` or `pt-BR`',
      })
      .default('en'),
    /** The folder of Markdown files, or of a MkDocs project (holding `mkdocs.yml`), whose `docs_dir` is then read. */
    contentDir: z.string().min(1).default('content'),
    /** Default keywords of articles that have none. */
    keywords: z.array(z.string()).default([]),
    /** How many of the newest articles the RSS feed lists. */
    feedSize: z
      .int({
        error: (issue) => (issue.code === 'invalid_type' ? 'expected a whole number of articles' : undefined),
      })
      .min(1)
      .max(1000)
      .default(20),
    /** The browser's UI colour (`theme-color`), for light and dark colour schemes. */
    themeColor: z
      .strictObject({
        light: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour such as `#ffffff`' }),
        dark: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour such as `#0d1117`' }),
      })
      .default({ light: '#ffffff', dark: '#0d1117' }),
    /** Runtimes for examples, by name, merged over the defaults (TypeScript, JavaScript, Python). */
    runtimes: z
      .record(
        z.string(),
        z.strictObject({
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
      .strictObject({
        timeout: z
          .string()
          .regex(/^\d+(?:\.\d+)?(?:ms|s)?$/, { error: 'expected a duration such as `10s` or `500ms`' })
          .optional(),
        environments: z
          .record(
            z.string(),
            z.strictObject({
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
    /**
     * Who writes the content. `authors` (the default) are trusted as MkDocs trusts them: their raw
     * HTML is published as written. `contributors` are not: raw HTML, attribute lists and links
     * that could run script, embed, restyle or use a `javascript:` address are errors (`html-unsafe`).
     */
    trust: z.enum(TRUST_LEVELS).default('authors'),
    /** Rules switched off or set to another severity: `{ 'orphan-page': 'off', 'description-length': 'error' }`. */
    rules: z
      .partialRecord(z.enum(ruleNames), z.enum(['off', 'info', 'warning', 'error']))
      .default({})
      .transform(renameRuleAliases),
    ...mkdocsFields,
  })
  .transform(({ url, ...rest }) => ({ ...rest, ...splitSiteUrl(url) }));

/** Site settings as written in `src/site.config.ts`. */
export type SiteSettingsInput = z.input<typeof settingsSchema>;

/** Site settings after validation: defaults applied, `contentDir` absolute, `url` split into origin and `base`. */
export type SiteSettings = z.output<typeof settingsSchema> & {
  /** The MkDocs project the settings and content come from, if `contentDir` names one. */
  mkdocs: Pick<MkdocsProject, 'dir' | 'configFile' | 'docsDir'> | undefined;
  /** Settings read and not honoured (from `mkdocs.yml`), and old names: print each as a warning. */
  notices: SettingsNotice[];
};

const SETTINGS_FILE = 'src/site.config.ts';

const errorMap = createSettingsErrorMap(RULE_ALIASES);

/**
 * Validates settings and resolves the content folder against `root`. When the content
 * folder (`contentDir`, or `KB_CONTENT_DIR` in `env`) holds a `mkdocs.yml`, that file is read
 * first and its `docs_dir` is the content folder; the settings file's values win over it,
 * and `KB_SITE_URL` over both. Throws a {@link SettingsError} that names every problem.
 */
export function resolveSettings(
  input: unknown,
  root: string,
  env: Record<string, string | undefined> = {},
): SiteSettings {
  const ownFolder =
    isRecord(input) && typeof input['contentDir'] === 'string' ? input['contentDir'] : undefined;
  const written = ownFolder ?? 'content';
  const configFile = findMkdocsConfig(path.resolve(root, env[ENV.contentDir] || written));
  const mkdocs = configFile ? readMkdocsProject(configFile, { root, env }) : undefined;
  // The settings file describes the site in its `contentDir`. A MkDocs project named only by the
  // environment is built from its own mkdocs.yml, never with another site's name and address.
  if (
    mkdocs &&
    env[ENV.contentDir] &&
    ownFolder &&
    findMkdocsConfig(path.resolve(root, ownFolder)) !== configFile
  ) {
    const notice = {
      file: SETTINGS_FILE,
      line: 0,
      column: 0,
      key: 'contentDir',
      message: `names \`${written}\`, not this MkDocs project, so only mkdocs.yml describes the site; to override its values here, set \`contentDir\` to the project`,
    };
    const site = mergeSettings({ input: { contentDir: written }, root, env, mkdocs });
    return { ...site, notices: [notice, ...site.notices] };
  }
  return mergeSettings({ input, root, env, mkdocs });
}

/**
 * The settings from their three layers, without reading any file: a MkDocs project's values,
 * the settings file's over them, the environment's over both.
 */
export function mergeSettings(layers: {
  input: unknown;
  root: string;
  env: Record<string, string | undefined>;
  mkdocs?: MkdocsProject | undefined;
}): SiteSettings {
  const { input, root, env, mkdocs } = layers;
  if (!isRecord(input))
    throw new SettingsError(
      `Invalid site settings in ${SETTINGS_FILE}:\n**(settings)**: expected the settings as an object, received ${quote(input)}`,
    );
  const merged: Record<string, unknown> = { ...mkdocs?.settings, ...input };
  // Extensions merge by name: the settings file may change one extension's options and keep the rest.
  if (mkdocs?.settings.markdownExtensions && isRecord(input['markdownExtensions']))
    merged['markdownExtensions'] = { ...mkdocs.settings.markdownExtensions, ...input['markdownExtensions'] };
  // A site that is not a MkDocs project reads the Markdown of a typical Material knowledge base.
  if (!mkdocs && merged['markdownExtensions'] === undefined)
    merged['markdownExtensions'] = DEFAULT_MARKDOWN_EXTENSIONS;
  const envUrl = env[ENV.siteUrl];
  if (envUrl) merged['url'] = envUrl;

  const parsed = settingsSchema.safeParse(merged, { error: errorMap, reportInput: true });
  if (!parsed.success) throw new SettingsError(describeIssues(parsed.error.issues, { input, env, mkdocs }));

  const contentDir = mkdocs
    ? mkdocs.docsDir
    : path.resolve(root, env[ENV.contentDir] || parsed.data.contentDir);
  const notices = [...(mkdocs?.notices ?? [])];
  for (const [alias, name] of Object.entries(RULE_ALIASES))
    if (isRecord(input['rules']) && alias in input['rules'])
      notices.push({
        file: SETTINGS_FILE,
        line: 0,
        column: 0,
        key: `rules.${alias}`,
        message: `is now \`${name}\`; the old name still works`,
      });
  return {
    ...parsed.data,
    contentDir,
    mkdocs: mkdocs && { dir: mkdocs.dir, configFile: mkdocs.configFile, docsDir: mkdocs.docsDir },
    notices,
  };
}

/** The site's address, which a production build needs for canonical URLs, the sitemap and the feed. */
export function requireSiteUrl(settings: Pick<SiteSettings, 'url'>): string {
  if (settings.url) return settings.url;
  throw new SettingsError(
    `Invalid site settings in ${SETTINGS_FILE}:\n**url**: ${URL_ERROR}; a production build needs it for canonical URLs, the sitemap and the feed (or set ${ENV.siteUrl})`,
  );
}

/** Every problem, grouped by the file (or environment variable) the value came from. */
function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  sources: {
    input: Record<string, unknown>;
    env: Record<string, string | undefined>;
    mkdocs: MkdocsProject | undefined;
  },
): string {
  const groups = new Map<string, string[]>();
  const add = (group: string, line: string) => groups.set(group, [...(groups.get(group) ?? []), line]);
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    const fromMkdocs = sources.mkdocs?.sources[key as keyof MkdocsProject['sources']];
    if (key === 'url' && sources.env[ENV.siteUrl]) {
      for (const line of formatIssue(issue, () => ENV.siteUrl)) add('the environment', line);
    } else if (fromMkdocs && !(key in sources.input)) {
      for (const line of formatIssue(issue, (issuePath) =>
        [fromMkdocs.key, ...issuePath.slice(1).map(String)].join('.'),
      ))
        add(fromMkdocs.file, `${fromMkdocs.file}:${fromMkdocs.line}:${fromMkdocs.column}: ${line}`);
    } else {
      for (const line of formatIssue(issue)) add(SETTINGS_FILE, line);
    }
  }
  return [...groups]
    .map(([group, lines]) => `Invalid site settings in ${group}:\n${lines.join('\n')}`)
    .join('\n');
}

/** Old rule names in `rules` become the rules they now are. */
function renameRuleAliases(rules: Partial<Record<RuleName, RuleLevel>>): Partial<Record<RuleId, RuleLevel>> {
  const renamed: Partial<Record<RuleId, RuleLevel>> = {};
  for (const [name, level] of Object.entries(rules) as [RuleName, RuleLevel][])
    renamed[ruleIdOf(name)!] = level;
  return renamed;
}

/** `https://example.org/kb` → `url: 'https://example.org'`, `base: '/kb/'`; no address → `base: '/'`. */
function splitSiteUrl(url: string | undefined): { url: string | undefined; base: string } {
  if (url === undefined) return { url: undefined, base: '/' };
  const parsed = new URL(url);
  return {
    url: parsed.origin,
    base: parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

import path from 'node:path';
import { z } from 'zod';
import { RULES } from './rule-ids.ts';

const ruleIds = Object.keys(RULES) as [keyof typeof RULES, ...(keyof typeof RULES)[]];

const settingsSchema = z.object({
  name: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  description: z.string().default(''),
  author: z.string().default(''),
  language: z.string().min(2).default('en'),
  contentDir: z.string().min(1).default('content'),
  keywords: z.array(z.string()).default([]),
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
      }),
    )
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

/**
 * Validates settings and resolves the content directory against `root`;
 * `KB_CONTENT_DIR` in `env` wins over the file's `contentDir`.
 */
export function resolveSettings(
  input: unknown,
  root: string,
  env: Record<string, string | undefined> = {},
): SiteSettings {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `**${issue.path.join('.') || '(settings)'}**: ${issue.message}`,
    );
    throw new SettingsError(`Invalid site settings in src/site.config.ts:\n${lines.join('\n')}`);
  }
  const contentDir = env[CONTENT_DIR_ENV] || parsed.data.contentDir;
  return { ...parsed.data, contentDir: path.resolve(root, contentDir) };
}

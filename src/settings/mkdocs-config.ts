import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { closest } from '../core/did-you-mean.ts';
import { readExtensions } from './mkdocs-extensions.ts';
import { readExtra } from './mkdocs-extra.ts';
import type { MkdocsSettings } from './mkdocs-fields.ts';
import { readNav } from './mkdocs-nav.ts';
import { readPlugins } from './mkdocs-plugins.ts';
import {
  createMkdocsReading,
  expected,
  isMapping,
  keyLabel,
  type ConfigPlace,
  type MkdocsReading,
  type Setter,
} from './mkdocs-reading.ts';
import { readTheme } from './mkdocs-theme.ts';
import { UNSUPPORTED_SETTINGS } from './mkdocs-unsupported.ts';
import { optionalText, readExclude, readRepo, readScripts, textList } from './mkdocs-values.ts';
import { loadMkdocsYaml, YamlError, type LoadedYaml, type YamlPath } from './mkdocs-yaml.ts';
import { SettingsError, type SettingsNotice } from './settings-error.ts';

export { MKDOCS_BUILTIN_EXTENSIONS } from './mkdocs-extensions.ts';
export type { MkdocsSettings } from './mkdocs-fields.ts';

/** The names MkDocs looks for, in order. */
export const MKDOCS_CONFIG_NAMES = ['mkdocs.yml', 'mkdocs.yaml'] as const;

/** A MkDocs project as read from its `mkdocs.yml`. */
export interface MkdocsProject {
  /** The folder that holds `mkdocs.yml`. */
  dir: string;
  /** The absolute path of `mkdocs.yml`. */
  configFile: string;
  /** The absolute folder of the Markdown files (`docs_dir`, `docs` by default): the content folder. */
  docsDir: string;
  /** `site_url` split in two: `https://example.org` and `/kb/` (always ending in `/`). */
  siteUrl: { origin: string; base: string } | undefined;
  settings: MkdocsSettings;
  /** For each value of `settings`: the `mkdocs.yml` key it was read from, and where. */
  sources: { [Key in keyof MkdocsSettings]?: ConfigPlace & { key: string } };
  /** One line for each setting read and not honoured. */
  notices: SettingsNotice[];
}

/** The top-level settings the site reads and honours. */
const READ_SETTINGS = [
  'site_name',
  'site_url',
  'site_description',
  'site_author',
  'copyright',
  'repo_url',
  'repo_name',
  'edit_uri',
  'edit_uri_template',
  'nav',
  'theme',
  'docs_dir',
  'exclude_docs',
  'draft_docs',
  'extra_css',
  'extra_javascript',
  'markdown_extensions',
  'extra',
  'plugins',
];

/** Every top-level setting MkDocs knows, up to 1.6, for did-you-mean. */
const MKDOCS_SETTINGS = [...READ_SETTINGS, 'INHERIT', ...Object.keys(UNSUPPORTED_SETTINGS)];

/** The MkDocs configuration at `location`: the file itself, or `mkdocs.yml` in that folder. */
export function findMkdocsConfig(location: string): string | undefined {
  if (MKDOCS_CONFIG_NAMES.some((name) => path.basename(location) === name) && isFile(location))
    return location;
  for (const name of MKDOCS_CONFIG_NAMES) {
    const candidate = path.join(location, name);
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Reads a MkDocs project's configuration as MkDocs 1.4 with Material 8 reads it, `INHERIT`
 * included. `root` is what file names in messages are relative to; `env` serves `!ENV`.
 * Throws a {@link SettingsError} naming `mkdocs.yml:line:column` when the file cannot be read.
 */
export function readMkdocsProject(
  configFile: string,
  options: { root: string; env: Readonly<Record<string, string | undefined>> },
): MkdocsProject {
  const loaded = loadWithInherit(path.resolve(configFile), options, []);
  const reading = createMkdocsReading(loaded.files);
  for (const found of loaded.unknownTags)
    reading.notice(found.path, `the YAML tag \`${found.tag}\` means nothing here; the value is kept as text`);
  const project = interpret(loaded.value, path.dirname(path.resolve(configFile)), reading);
  const errors = reading.errors();
  if (errors.length > 0)
    throw new SettingsError(`Invalid site settings in ${loaded.files[0]!.file}:\n${errors.join('\n')}`);
  return { ...project, configFile: path.resolve(configFile), notices: reading.notices() };
}

interface LoadedFiles {
  value: Record<string, unknown>;
  files: (Pick<LoadedYaml, 'keyAt' | 'valueAt'> & { file: string })[];
  unknownTags: LoadedYaml['unknownTags'];
}

function loadWithInherit(
  configFile: string,
  options: { root: string; env: Readonly<Record<string, string | undefined>> },
  seen: string[],
): LoadedFiles {
  const shown = showPath(configFile, options.root);
  let loaded: LoadedYaml;
  try {
    loaded = loadMkdocsYaml(readFileSync(configFile, 'utf8'), {
      env: options.env,
      configDir: path.dirname(configFile),
    });
  } catch (error) {
    if (error instanceof YamlError)
      throw new SettingsError(
        `Invalid site settings in ${shown}:\n${shown}:${error.place.line}:${error.place.column}: ${error.message}`,
        { cause: error },
      );
    throw new SettingsError(`Invalid site settings: ${shown} cannot be read (${(error as Error).message})`, {
      cause: error,
    });
  }
  const value = loaded.value ?? {};
  if (!isMapping(value))
    throw new SettingsError(
      `Invalid site settings in ${shown}:\n${shown}:1:1: ${expected('a mapping of settings', value)}`,
    );
  const own: LoadedFiles = {
    value,
    files: [{ file: shown, keyAt: loaded.keyAt, valueAt: loaded.valueAt }],
    unknownTags: loaded.unknownTags,
  };
  const inherit = value['INHERIT'];
  if (inherit === undefined) return own;
  const place = loaded.valueAt(['INHERIT']) ?? { line: 1, column: 1 };
  const parentFile = typeof inherit === 'string' ? path.resolve(path.dirname(configFile), inherit) : '';
  if (typeof inherit !== 'string' || !isFile(parentFile) || seen.includes(parentFile)) {
    const why =
      typeof inherit !== 'string'
        ? expected('the path of a YAML file', inherit)
        : seen.includes(parentFile)
          ? `\`${inherit}\` inherits from this file again`
          : `expected the path of a YAML file, received \`${inherit}\`, which does not exist`;
    throw new SettingsError(
      `Invalid site settings in ${shown}:\n${shown}:${place.line}:${place.column}: **INHERIT**: ${why}`,
    );
  }
  const parent = loadWithInherit(parentFile, options, [...seen, configFile]);
  const { INHERIT: _, ...child } = value;
  return {
    value: deepMerge(parent.value, child),
    files: [...own.files, ...parent.files],
    unknownTags: [...own.unknownTags, ...parent.unknownTags],
  };
}

/** `mergedeep.merge(parent, child)`: mappings merge key by key, anything else the child's value replaces. */
function deepMerge(parent: Record<string, unknown>, child: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const before = merged[key];
    merged[key] = isMapping(before) && isMapping(value) ? deepMerge(before, value) : value;
  }
  return merged;
}

function interpret(
  config: Record<string, unknown>,
  dir: string,
  reading: MkdocsReading,
): Omit<MkdocsProject, 'configFile' | 'notices'> {
  const settings: MkdocsSettings = {};
  const sources: MkdocsProject['sources'] = {};
  const set: Setter = <Key extends keyof MkdocsSettings>(
    key: Key,
    value: MkdocsSettings[Key] | undefined,
    from: YamlPath,
  ) => {
    if (value === undefined) return;
    settings[key] = value;
    sources[key] = { key: keyLabel(from), ...reading.valueAt(from) };
  };
  const text = (key: string) => optionalText(config, [key], reading);

  const docsDir = readDocsDir(config, dir, reading);
  const isDocsFile = (file: string) => isFile(path.join(docsDir, file));

  set('name', text('site_name'), ['site_name']);
  const siteUrl = text('site_url') || undefined;
  set('url', siteUrl, ['site_url']);
  set('description', text('site_description'), ['site_description']);
  set('author', text('site_author'), ['site_author']);
  set('copyright', text('copyright'), ['copyright']);
  readRepo(config, reading, set);
  set('nav', readNav(config['nav'], reading, isDocsFile), ['nav']);
  set('extraCss', textList(config, ['extra_css'], reading), ['extra_css']);
  set('extraJavascript', readScripts(config, reading), ['extra_javascript']);
  // MkDocs always leaves out a `templates` folder at the top of `docs_dir`, as theme overrides;
  // `draft_docs` (MkDocs 1.6) are left out of a build too.
  const exclude = [
    ...(readExclude(config, 'exclude_docs', reading) ?? []),
    ...(readExclude(config, 'draft_docs', reading) ?? []),
  ];
  set('exclude', ['/templates/', ...exclude], ['exclude_docs']);
  set('markdownExtensions', readExtensions(config, reading, { dir, docsDir }), ['markdown_extensions']);
  readTheme(config['theme'], reading, set);
  readExtra(config['extra'], reading, set);
  readPlugins(config['plugins'], reading);

  const handled = new Set(READ_SETTINGS);
  for (const key of Object.keys(config)) {
    if (handled.has(key)) continue;
    const instead = UNSUPPORTED_SETTINGS[key];
    if (instead) {
      reading.notice([key], `not supported: ${instead}`);
    } else {
      const near = closest(key, MKDOCS_SETTINGS);
      reading.notice([key], `is not a MkDocs setting; ignored${near ? `; did you mean \`${near}\`?` : ''}`);
    }
  }
  return { dir, docsDir, siteUrl: splitSiteUrl(siteUrl), settings, sources };
}

function readDocsDir(config: Record<string, unknown>, dir: string, reading: MkdocsReading): string {
  const written = config['docs_dir'] ?? 'docs';
  if (typeof written !== 'string') {
    reading.error(['docs_dir'], expected('the folder of the Markdown files', written));
    return path.join(dir, 'docs');
  }
  const docsDir = path.resolve(dir, written);
  if (!isDirectory(docsDir))
    reading.error(
      ['docs_dir'],
      `expected the folder of the Markdown files, received \`${written}\`, which does not exist`,
    );
  return docsDir;
}

/** `https://example.org/kb` → `https://example.org` and `/kb/`; MkDocs adds the final `/` too. */
function splitSiteUrl(siteUrl: string | undefined): MkdocsProject['siteUrl'] {
  if (!siteUrl) return undefined;
  try {
    const url = new URL(siteUrl);
    return { origin: url.origin, base: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/` };
  } catch {
    return undefined;
  }
}

function showPath(file: string, root: string): string {
  return path.relative(root, file).split(path.sep).join('/') || path.basename(file);
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

function isDirectory(folder: string): boolean {
  return existsSync(folder) && statSync(folder).isDirectory();
}

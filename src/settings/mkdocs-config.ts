import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { closest } from '../core/did-you-mean.ts';
import { readTocOptions } from '../markdown/toc-options.ts';
import { defaultRepoName, editUrlPattern } from './edit-url.ts';
import { MATERIAL_PRIMARY_COLORS, materialPrimaryColor } from './material-palette.ts';
import type { mkdocsFields } from './mkdocs-fields.ts';
import { readNav } from './mkdocs-nav.ts';
import {
  createMkdocsReading,
  expected,
  isMapping,
  keyLabel,
  type ConfigPlace,
  type MkdocsReading,
} from './mkdocs-reading.ts';
import {
  PLUGIN_REPLACEMENTS,
  UNSUPPORTED_EXTRA_SETTINGS,
  UNSUPPORTED_SETTINGS,
  UNSUPPORTED_THEME_SETTINGS,
} from './mkdocs-unsupported.ts';
import { loadMkdocsYaml, YamlError, type LoadedYaml, type YamlPath } from './mkdocs-yaml.ts';
import { SettingsError, type SettingsNotice } from './settings-error.ts';

/** The names MkDocs looks for, in order. */
export const MKDOCS_CONFIG_NAMES = ['mkdocs.yml', 'mkdocs.yaml'] as const;

/** Python-Markdown extensions MkDocs always enables, before the ones `markdown_extensions` lists. */
export const MKDOCS_BUILTIN_EXTENSIONS = ['toc', 'tables', 'fenced_code'] as const;

/** The values `mkdocs.yml` supplies, under the names `src/site.config.ts` gives them. */
export type MkdocsSettings = {
  name?: string;
  url?: string;
  description?: string;
  author?: string;
  language?: string;
} & { [Key in keyof typeof mkdocsFields]?: z.input<(typeof mkdocsFields)[Key]> };

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

/** Every top-level setting MkDocs knows, up to 1.6, for did-you-mean. */
const MKDOCS_SETTINGS = [
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
  'extra_css',
  'extra_javascript',
  'markdown_extensions',
  'extra',
  'plugins',
  'INHERIT',
  ...Object.keys(UNSUPPORTED_SETTINGS),
];

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
  const set = <Key extends keyof MkdocsSettings>(
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
  set('exclude', readExclude(config, reading), ['exclude_docs']);
  set('markdownExtensions', readExtensions(config, reading, { dir, docsDir }), ['markdown_extensions']);
  readTheme(config['theme'], reading, set);
  readExtra(config['extra'], reading, set);
  readPlugins(config['plugins'], reading);

  const handled = new Set([
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
    'extra_css',
    'extra_javascript',
    'exclude_docs',
    'markdown_extensions',
    'theme',
    'extra',
    'plugins',
    'docs_dir',
  ]);
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

type Setter = <Key extends keyof MkdocsSettings>(
  key: Key,
  value: MkdocsSettings[Key] | undefined,
  from: YamlPath,
) => void;

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

function readRepo(config: Record<string, unknown>, reading: MkdocsReading, set: Setter): void {
  const repoUrl = optionalText(config, ['repo_url'], reading) || undefined;
  const repoName = optionalText(config, ['repo_name'], reading);
  const editUri = config['edit_uri'] === null ? null : optionalText(config, ['edit_uri'], reading);
  const editUriTemplate = optionalText(config, ['edit_uri_template'], reading);
  if (repoUrl) set('repo', { url: repoUrl, name: repoName ?? defaultRepoName(repoUrl) }, ['repo_url']);
  else if (repoName !== undefined) reading.notice(['repo_name'], 'has no effect without `repo_url`');
  if (editUriTemplate && editUri)
    reading.notice(['edit_uri'], 'has no effect when `edit_uri_template` is set, as in MkDocs');
  const pattern = editUrlPattern({ repoUrl, editUri, editUriTemplate });
  if (pattern !== undefined && !/^https?:\/\//.test(pattern)) {
    const key = editUriTemplate ? 'edit_uri_template' : 'edit_uri';
    reading.notice(
      [key],
      `\`${pattern.replace('{path}', '')}\` is not an address without \`repo_url\`; no "Edit this page" link is shown`,
    );
    return;
  }
  set('editUrl', pattern, [
    editUriTemplate ? 'edit_uri_template' : config['edit_uri'] !== undefined ? 'edit_uri' : 'repo_url',
  ]);
}

function readScripts(
  config: Record<string, unknown>,
  reading: MkdocsReading,
): MkdocsSettings['extraJavascript'] {
  const value = config['extra_javascript'];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    reading.error(['extra_javascript'], expected('a list of scripts', value));
    return undefined;
  }
  type Script = NonNullable<MkdocsSettings['extraJavascript']>[number];
  return value.flatMap((item: unknown, index): Script[] => {
    if (typeof item === 'string') return [item];
    if (isMapping(item) && typeof item['path'] === 'string') {
      const { path: src, type, async, defer, ...rest } = item;
      for (const key of Object.keys(rest))
        reading.notice(['extra_javascript', index, key], 'is not a script attribute MkDocs knows; ignored');
      return [
        {
          src: src as string,
          ...(typeof type === 'string' ? { type } : {}),
          ...(async === true ? { async: true } : {}),
          ...(defer === true ? { defer: true } : {}),
        },
      ];
    }
    reading.error(
      ['extra_javascript', index],
      expected('a script path, or `path:` with `type`, `async`, `defer`', item),
    );
    return [];
  });
}

/** `exclude_docs`: `.gitignore` lines, comments and blank lines left out. */
function readExclude(config: Record<string, unknown>, reading: MkdocsReading): string[] | undefined {
  const value = config['exclude_docs'];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    reading.error(['exclude_docs'], expected('`.gitignore`-style lines of text', value));
    return undefined;
  }
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * `markdown_extensions` as a record of options, whatever form the list uses (`- toc`,
 * `- toc: {…}`, `- toc:` with nothing, or a mapping), MkDocs' built-ins first; a later entry's
 * options win, as in MkDocs. `!relative $docs_dir` becomes the content folder.
 */
function readExtensions(
  config: Record<string, unknown>,
  reading: MkdocsReading,
  folders: { dir: string; docsDir: string },
): Record<string, Record<string, unknown>> {
  const extensions: Record<string, Record<string, unknown>> = {};
  for (const name of MKDOCS_BUILTIN_EXTENSIONS) extensions[name] = {};
  const value = config['markdown_extensions'];
  if (value === undefined || value === null) return extensions;
  const entries: [string, unknown, YamlPath][] = [];
  if (isMapping(value)) {
    for (const [name, options] of Object.entries(value))
      entries.push([name, options, ['markdown_extensions', name]]);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (typeof item === 'string') entries.push([item, null, ['markdown_extensions', index]]);
      else if (isMapping(item) && Object.keys(item).length === 1) {
        const [name, options] = Object.entries(item)[0]!;
        entries.push([name, options, ['markdown_extensions', index, name]]);
      } else
        reading.error(
          ['markdown_extensions', index],
          expected('an extension name, or `name:` with its options', item),
        );
    });
  } else {
    reading.error(['markdown_extensions'], expected('a list of extensions', value));
    return extensions;
  }
  for (const [name, options, at] of entries) {
    if (options !== null && options !== undefined && !isMapping(options)) {
      reading.error(at, expected(`the options of \`${name}\` as a mapping`, options));
      continue;
    }
    extensions[name] = {
      ...extensions[name],
      ...(resolveRelative(options ?? {}, folders) as Record<string, unknown>),
    };
    if (name === 'toc' || name === 'markdown.extensions.toc')
      for (const problem of readTocOptions(extensions[name]).problems)
        reading.notice([...at, problem.option], problem.message);
  }
  return extensions;
}

/** `!relative $docs_dir` is the content folder; bare `!relative` (the page's own folder) stays as written. */
function resolveRelative(value: unknown, folders: { dir: string; docsDir: string }): unknown {
  if (typeof value === 'string') {
    if (value === '!relative $docs_dir') return folders.docsDir;
    if (value === '!relative $config_dir') return folders.dir;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => resolveRelative(item, folders));
  if (isMapping(value))
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveRelative(item, folders)]),
    );
  return value;
}

function readTheme(value: unknown, reading: MkdocsReading, set: Setter): void {
  if (value === undefined || value === null) return;
  const theme = typeof value === 'string' ? { name: value } : value;
  if (!isMapping(theme)) {
    reading.error(['theme'], expected('a theme name or its settings', value));
    return;
  }
  const at = (key: string): YamlPath => (typeof value === 'string' ? ['theme'] : ['theme', key]);
  if (theme['name'] !== 'material')
    reading.notice(
      at('name'),
      `the site has its own theme, close to Material's; \`${String(theme['name'] ?? 'none')}\` theme settings are read as Material's`,
    );
  for (const [key, item] of Object.entries(theme)) {
    if (key === 'name') continue;
    if (key === 'language' || key === 'logo' || key === 'favicon') {
      const written = optionalText(theme, [key], reading, ['theme', key]);
      set(key, written, ['theme', key]);
    } else if (key === 'palette') {
      readPalette(item, reading, set);
    } else if (UNSUPPORTED_THEME_SETTINGS[key]) {
      const list =
        key === 'features' && Array.isArray(item) && item.length > 0 ? ` (${item.join(', ')})` : '';
      reading.notice(['theme', key], `not supported${list}: ${UNSUPPORTED_THEME_SETTINGS[key]}`);
    } else {
      reading.notice(['theme', key], 'is read by theme templates, which cannot run here; ignored');
    }
  }
}

function readPalette(value: unknown, reading: MkdocsReading, set: Setter): void {
  if (value === null || value === undefined) return;
  const list = Array.isArray(value);
  const first: unknown = list ? value[0] : value;
  const at: YamlPath = list ? ['theme', 'palette', 0] : ['theme', 'palette'];
  if (list && value.length > 1)
    reading.notice(
      ['theme', 'palette'],
      "several palettes: the first one's primary colour is used; the site has its own light and dark schemes and toggle",
    );
  if (!isMapping(first)) {
    if (first !== undefined) reading.error(at, expected('a palette with `primary`', first));
    return;
  }
  for (const [key, item] of Object.entries(first)) {
    if (key === 'primary') {
      if (typeof item !== 'string') {
        reading.error([...at, key], expected('a Material colour name such as `indigo`', item));
        continue;
      }
      const color = materialPrimaryColor(item);
      if (color) set('primaryColor', color, [...at, key]);
      else {
        const near = item === 'custom' ? undefined : closest(item, Object.keys(MATERIAL_PRIMARY_COLORS));
        reading.notice(
          [...at, key],
          item === 'custom'
            ? '`custom` comes from extra CSS; set `primaryColor` in src/site.config.ts to the colour it defines'
            : `\`${item}\` is not a Material colour; the default is used${near ? `; did you mean \`${near}\`?` : ''}`,
        );
      }
    } else if (key === 'accent') {
      reading.notice([...at, key], 'not supported: links and buttons use the primary colour');
    } else if (key === 'scheme' || key === 'toggle' || key === 'media') {
      if (!list)
        reading.notice(
          [...at, key],
          "not supported: the site follows the reader's light or dark preference, with its own toggle",
        );
    } else {
      reading.notice([...at, key], 'is not a palette setting of Material; ignored');
    }
  }
}

function readExtra(value: unknown, reading: MkdocsReading, set: Setter): void {
  if (value === undefined || value === null) return;
  if (!isMapping(value)) {
    reading.error(['extra'], expected('a mapping', value));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === 'analytics') set('analytics', readAnalytics(item, reading), ['extra', 'analytics']);
    else if (key === 'meta') set('metaTags', readMeta(item, reading), ['extra', 'meta']);
    else if (UNSUPPORTED_EXTRA_SETTINGS[key])
      reading.notice(['extra', key], `not supported: ${UNSUPPORTED_EXTRA_SETTINGS[key]}`);
    else reading.notice(['extra', key], 'is read by theme templates, which cannot run here; ignored');
  }
}

function readAnalytics(value: unknown, reading: MkdocsReading): MkdocsSettings['analytics'] {
  if (!isMapping(value)) {
    reading.error(['extra', 'analytics'], expected('`provider` and `property`', value));
    return undefined;
  }
  const { provider, property, feedback, ...rest } = value;
  for (const key of Object.keys(rest))
    reading.notice(['extra', 'analytics', key], 'is not an analytics setting of Material; ignored');
  if (provider !== 'google') {
    reading.notice(
      ['extra', 'analytics', 'provider'],
      `\`${String(provider)}\` is not supported; only \`google\` is, as in Material`,
    );
    return undefined;
  }
  if (typeof property !== 'string') {
    reading.error(
      ['extra', 'analytics', 'property'],
      expected('a property id such as `G-XXXXXXXXXX`', property),
    );
    return undefined;
  }
  // The feedback widget's parts are checked with the rest of the settings, at this key.
  type Feedback = NonNullable<MkdocsSettings['analytics']>['feedback'];
  return { provider, property, ...(feedback === undefined ? {} : { feedback: feedback as Feedback }) };
}

/** `extra.meta`: a list of `{name|property, content}`, or a mapping of names to contents. */
function readMeta(value: unknown, reading: MkdocsReading): MkdocsSettings['metaTags'] {
  if (isMapping(value))
    return Object.entries(value).map(([name, content]) => ({ name, content: String(content) }));
  if (!Array.isArray(value)) {
    reading.error(['extra', 'meta'], expected('a list of `name` and `content` pairs', value));
    return undefined;
  }
  return value.flatMap((item, index) => {
    if (
      isMapping(item) &&
      (typeof item['name'] === 'string' || typeof item['property'] === 'string') &&
      item['content'] !== undefined
    ) {
      const { name, property, content } = item;
      return [
        {
          ...(typeof name === 'string' ? { name } : { property: property as string }),
          content: String(content),
        },
      ];
    }
    reading.error(['extra', 'meta', index], expected('`name` (or `property`) and `content`', item));
    return [];
  });
}

function readPlugins(value: unknown, reading: MkdocsReading): void {
  if (value === undefined || value === null) return;
  const entries: [string, unknown, YamlPath][] = isMapping(value)
    ? Object.entries(value).map(([name, options]) => [name, options, ['plugins', name]])
    : Array.isArray(value)
      ? value.flatMap((item, index): [string, unknown, YamlPath][] => {
          if (typeof item === 'string') return [[item, null, ['plugins', index, item]]];
          if (isMapping(item) && Object.keys(item).length === 1) {
            const [name, options] = Object.entries(item)[0]!;
            return [[name, options, ['plugins', index, name]]];
          }
          reading.error(['plugins', index], expected('a plugin name, or `name:` with its options', item));
          return [];
        })
      : [];
  if (!isMapping(value) && !Array.isArray(value))
    reading.error(['plugins'], expected('a list of plugins', value));
  for (const [name, options, at] of entries) {
    // Plugins may be namespaced by their theme (`material/search`).
    const plain = name.replace(/^[\w-]+\//, '');
    if (
      plain === 'search' &&
      (options === null || options === undefined || (isMapping(options) && Object.keys(options).length === 0))
    )
      continue;
    reading.notice(
      at,
      `not supported: ${PLUGIN_REPLACEMENTS[plain] ?? 'MkDocs plugins are Python and cannot run here; ignored'}`,
    );
  }
}

function optionalText(
  config: Record<string, unknown>,
  key: [string],
  reading: MkdocsReading,
  at: YamlPath = key,
): string | undefined {
  const value = config[key[0]];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  reading.error(at, expected('text', value));
  return undefined;
}

function textList(
  config: Record<string, unknown>,
  at: [string],
  reading: MkdocsReading,
): string[] | undefined {
  const value = config[at[0]];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  reading.error(at, expected('a list of paths', value));
  return undefined;
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

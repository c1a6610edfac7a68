import { defaultRepoName, editUrlPattern } from './edit-url.ts';
import type { MkdocsSettings } from './mkdocs-fields.ts';
import { expected, isMapping, type MkdocsReading, type Setter } from './mkdocs-reading.ts';
import type { YamlPath } from './mkdocs-yaml.ts';

/** `repo_url`, `repo_name`, `edit_uri` and `edit_uri_template`: the repository link and the "Edit this page" pattern. */
export function readRepo(config: Record<string, unknown>, reading: MkdocsReading, set: Setter): void {
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

/** `extra_javascript`: paths, or (MkDocs 1.5) `path:` with `type`, `async`, `defer`. */
export function readScripts(
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

/** `exclude_docs` or `draft_docs`: `.gitignore` lines, comments and blank lines left out. */
export function readExclude(
  config: Record<string, unknown>,
  key: 'exclude_docs' | 'draft_docs',
  reading: MkdocsReading,
): string[] | undefined {
  const value = config[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    reading.error([key], expected('`.gitignore`-style lines of text', value));
    return undefined;
  }
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** A text setting: `null` is no value, anything else but text an error. */
export function optionalText(
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

/** A list of paths, such as `extra_css`. */
export function textList(
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

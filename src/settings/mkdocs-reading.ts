import { quote } from './error-map.ts';
import type { MkdocsSettings } from './mkdocs-fields.ts';
import type { SettingsNotice } from './settings-error.ts';
import type { YamlPath, YamlPlace } from './mkdocs-yaml.ts';

/** A place in one of the YAML files a MkDocs configuration is read from (`INHERIT` makes it several). */
export interface ConfigPlace extends YamlPlace {
  /** The file as shown to the user, relative to the project's root. */
  file: string;
}

/** One reading of `mkdocs.yml`: where things are, and the notices and errors it collects. */
export interface MkdocsReading {
  /** Where the key (or list item) at `path` is written. */
  keyAt(path: YamlPath): ConfigPlace;
  /** Where the value at `path` starts. */
  valueAt(path: YamlPath): ConfigPlace;
  /** Says that the setting at `path` is read and not honoured, and what happens instead. */
  notice(path: YamlPath, message: string): void;
  /** Records that the value at `path` is wrong; the settings are rejected at the end. */
  error(path: YamlPath, message: string): void;
  /** The notices, in the order of the files' lines. */
  notices(): SettingsNotice[];
  /** Each error as one line, ``mkdocs.yml:3:11: **site_url**: expected …``, in the order of the files' lines. */
  errors(): string[];
}

/** Makes a reading over the files' place finders, the child's first (a key it sets is its own). */
export function createMkdocsReading(
  finders: {
    file: string;
    keyAt(path: YamlPath): YamlPlace | undefined;
    valueAt(path: YamlPath): YamlPlace | undefined;
  }[],
): MkdocsReading {
  const find = (path: YamlPath, which: 'keyAt' | 'valueAt'): ConfigPlace => {
    // A path not written anywhere (a default) is reported at its nearest written parent.
    for (let length = path.length; length >= 0; length--) {
      for (const finder of finders) {
        const place = finder[which](path.slice(0, length)) ?? finder.keyAt(path.slice(0, length));
        if (place) return { file: finder.file, ...place };
      }
    }
    return { file: finders[0]!.file, line: 1, column: 1 };
  };
  const notices: SettingsNotice[] = [];
  const errors: (ConfigPlace & { text: string })[] = [];
  const files = finders.map((finder) => finder.file);
  const inOrder = (a: ConfigPlace, b: ConfigPlace) =>
    files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.column - b.column;
  return {
    keyAt: (path) => find(path, 'keyAt'),
    valueAt: (path) => find(path, 'valueAt'),
    notice(path, message) {
      const place = find(path, 'keyAt');
      notices.push({
        file: place.file,
        line: place.line,
        column: place.column,
        key: keyLabel(path),
        message,
      });
    },
    error(path, message) {
      const place = find(path, 'valueAt');
      errors.push({ ...place, text: `**${keyLabel(path)}**: ${message}` });
    },
    notices: () => [...notices].sort(inOrder),
    errors: () =>
      [...errors].sort(inOrder).map((error) => `${error.file}:${error.line}:${error.column}: ${error.text}`),
  };
}

/**
 * A setting's name for people: `theme.palette.0.primary`, but `plugins.tags` and
 * `markdown_extensions.toc.slugify` for the one-key entries of a list, whose index says little.
 */
export function keyLabel(path: YamlPath): string {
  return path
    .filter(
      (segment, index) =>
        typeof segment === 'string' || typeof path[index + 1] !== 'string' || path[0] === 'theme',
    )
    .map(String)
    .join('.');
}

/** Records a value read from `mkdocs.yml` under its setting's name, with where it was read. */
export type Setter = <Key extends keyof MkdocsSettings>(
  key: Key,
  value: MkdocsSettings[Key] | undefined,
  from: YamlPath,
) => void;

/** ``expected text, received `42` `` and the like, for a value of the wrong kind. */
export function expected(what: string, value: unknown): string {
  return `expected ${what}, received ${value === undefined ? 'nothing' : quote(value)}`;
}

/** True for a YAML mapping. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

import {
  extensionName,
  EXTENSION_BUNDLES,
  EXTENSIONS_WITHOUT_EFFECT,
  PARTLY_SUPPORTED_EXTENSIONS,
  SUPPORTED_EXTENSIONS,
  unsupportedExtensionNote,
} from '../markdown/supported-extensions.ts';
import { readTocOptions } from '../markdown/toc-options.ts';
import { expected, isMapping, type MkdocsReading } from './mkdocs-reading.ts';
import type { YamlPath } from './mkdocs-yaml.ts';

/** Python-Markdown extensions MkDocs always enables, before the ones `markdown_extensions` lists. */
export const MKDOCS_BUILTIN_EXTENSIONS = ['toc', 'tables', 'fenced_code'] as const;

/**
 * `markdown_extensions` as a record of options, whatever form the list uses (`- toc`,
 * `- toc: {…}`, `- toc:` with nothing, or a mapping), MkDocs' built-ins first; a later entry's
 * options win, as in MkDocs. `!relative $docs_dir` becomes the content folder.
 */
export function readExtensions(
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
  for (const [written, options, at] of entries) {
    if (options !== null && options !== undefined && !isMapping(options)) {
      reading.error(at, expected(`the options of \`${written}\` as a mapping`, options));
      continue;
    }
    const name = extensionName(written);
    const bundle = EXTENSION_BUNDLES[name];
    if (bundle) {
      for (const part of bundle) extensions[part] ??= {};
      continue;
    }
    noticeSupport(name, at, reading);
    if (EXTENSIONS_WITHOUT_EFFECT[name] !== undefined) continue;
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

/** One notice for an extension honoured in part or not at all; none for the others. */
function noticeSupport(name: string, at: YamlPath, reading: MkdocsReading): void {
  const partly = PARTLY_SUPPORTED_EXTENSIONS[name];
  const without = EXTENSIONS_WITHOUT_EFFECT[name];
  if (partly) reading.notice(at, `partly supported: ${partly}`);
  else if (without) reading.notice(at, `has no effect here: ${without}`);
  else if (!SUPPORTED_EXTENSIONS.has(name)) reading.notice(at, unsupportedExtensionNote(name));
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

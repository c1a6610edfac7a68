import { expected, isMapping, type MkdocsReading } from './mkdocs-reading.ts';
import { PLUGIN_REPLACEMENTS } from './mkdocs-unsupported.ts';
import type { YamlPath } from './mkdocs-yaml.ts';

/** `plugins`: `search` is built in; every other plugin gets a notice saying what replaces it. */
export function readPlugins(value: unknown, reading: MkdocsReading): void {
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

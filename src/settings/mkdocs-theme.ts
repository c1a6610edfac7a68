import { closest } from '../core/did-you-mean.ts';
import { MATERIAL_PRIMARY_COLORS, materialPrimaryColor } from './material-palette.ts';
import { expected, isMapping, type MkdocsReading, type Setter } from './mkdocs-reading.ts';
import { UNSUPPORTED_THEME_SETTINGS } from './mkdocs-unsupported.ts';
import { optionalText } from './mkdocs-values.ts';
import type { YamlPath } from './mkdocs-yaml.ts';

/** Material features the site honours: annotations in code, and the copy button it always has. */
const HONOURED_FEATURES: ReadonlySet<string> = new Set(['content.code.annotate', 'content.code.copy']);

/** `theme`: its name, `language`, `logo`, `favicon` and palette, and a notice for each other key. */
export function readTheme(value: unknown, reading: MkdocsReading, set: Setter): void {
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
    } else if (key === 'features' && Array.isArray(item)) {
      set('themeFeatures', item.map(String), ['theme', key]);
      const others = item.map(String).filter((feature) => !HONOURED_FEATURES.has(feature));
      if (others.length > 0)
        reading.notice(
          ['theme', key],
          `not supported (${others.join(', ')}): ${UNSUPPORTED_THEME_SETTINGS[key]}`,
        );
    } else if (UNSUPPORTED_THEME_SETTINGS[key]) {
      const list =
        key === 'features' && Array.isArray(item) && item.length > 0 ? ` (${item.join(', ')})` : '';
      reading.notice(['theme', key], `not supported${list}: ${UNSUPPORTED_THEME_SETTINGS[key]}`);
    } else {
      reading.notice(['theme', key], 'is read by theme templates, which cannot run here; ignored');
    }
  }
}

/** `theme.palette`: the first palette's primary colour, as Material maps its name; notices for the rest. */
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

import type { MkdocsSettings } from './mkdocs-fields.ts';
import { expected, isMapping, type MkdocsReading, type Setter } from './mkdocs-reading.ts';
import { UNSUPPORTED_EXTRA_SETTINGS } from './mkdocs-unsupported.ts';

/** Material's `extra`: `analytics` and `meta`, and a notice for each other key. */
export function readExtra(value: unknown, reading: MkdocsReading, set: Setter): void {
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

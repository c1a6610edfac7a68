import { XMLBuilder } from 'fast-xml-parser';

/** An XML element as fast-xml-parser builds it: `@_name` keys are attributes, arrays repeat the element. */
export interface XmlElement {
  [key: string]: string | number | XmlElement | readonly (string | XmlElement)[] | undefined;
}

/**
 * Writes a document from typed objects; the builder escapes `&`, `<`, `>` and quotes in text and
 * attributes, and characters XML 1.0 cannot hold (C0 controls but tab and newline) are dropped first.
 */
export function buildXml(root: XmlElement): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    processEntities: true,
    // `isPermaLink="true"`, not a bare `isPermaLink`: XML has no attributes without values.
    suppressBooleanAttributes: false,
  });
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...clean(root) }) as string;
}

function clean(element: XmlElement): XmlElement {
  const out: XmlElement = {};
  for (const [key, value] of Object.entries(element)) {
    if (value === undefined) continue;
    out[key] = cleanValue(value);
  }
  return out;
}

function cleanValue(
  value: string | number | XmlElement | readonly (string | XmlElement)[],
): XmlElement[string] {
  if (typeof value === 'string')
    return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  if (typeof value === 'number') return value;
  if (Array.isArray(value))
    return value.map((item: string | XmlElement) => cleanValue(item) as string | XmlElement);
  return clean(value as XmlElement);
}

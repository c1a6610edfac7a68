import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { html } from 'property-information';

/** Elements for prose and media that GitHub's list lacks and that run nothing: Material's content uses them. */
// prettier-ignore
const PROSE_ELEMENTS = [
  'abbr', 'address', 'area', 'article', 'aside', 'audio', 'bdi', 'bdo', 'big', 'caption', 'center', 'cite',
  'col', 'colgroup', 'data', 'dfn', 'figcaption', 'figure', 'font', 'footer', 'header', 'hgroup', 'main',
  'map', 'mark', 'meter', 'nav', 'progress', 'small', 'time', 'track', 'u', 'video', 'wbr',
];

/** Attributes any element may have that only describe, label or lay out. */
// prettier-ignore
const DESCRIPTIVE_ATTRIBUTES = [
  'className', 'id', 'title', 'lang', 'dir', 'role', 'hidden', 'translate', 'data*',
  'itemScope', 'itemType', 'itemId', 'itemRef', 'itemProp',
  // Links and media: where they point is judged by `protocols` below.
  'href', 'src', 'srcSet', 'sizes', 'poster', 'cite', 'longDesc', 'target', 'rel', 'download', 'type',
  'referrerPolicy', 'loading', 'decoding', 'crossOrigin',
  'controls', 'autoPlay', 'loop', 'muted', 'playsInline', 'preload', 'kind', 'srcLang', 'default',
  'reversed', 'low', 'high', 'optimum', 'min', 'max',
];

/** Schemes an address may use; one without a scheme (relative, `#anchor`) is always allowed. */
const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel', 'irc', 'ircs', 'xmpp'];
const MEDIA_SCHEMES = ['http', 'https'];

/**
 * What a contributor's raw HTML may publish when the site does not trust its authors
 * (`trust: 'contributors'`), as a schema for `hast-util-sanitize`: GitHub's (its default),
 * widened to the prose and media elements and the descriptive attributes Material's content
 * uses (classes, ids, `data-*`, ARIA), and the same addresses. What the sanitizer would remove is
 * what a contributor may not write: script, event handlers (`on*`), `javascript:` and other
 * schemes, styles, forms, frames, embedded objects, SVG and MathML.
 *
 * The check asks about one element at a time, so the schema needs no ancestors (a `<td>` is
 * judged on its own), keeps ids as written, and adds no attributes.
 */
export const CONTRIBUTOR_HTML_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== 'input'), ...PROSE_ELEMENTS],
  attributes: {
    '*': [
      ...(defaultSchema.attributes?.['*'] ?? []),
      ...DESCRIPTIVE_ATTRIBUTES,
      ...Object.keys(html.property).filter((name) => name.startsWith('aria')),
    ],
  },
  protocols: {
    href: LINK_SCHEMES,
    src: MEDIA_SCHEMES,
    srcSet: MEDIA_SCHEMES,
    poster: MEDIA_SCHEMES,
    cite: MEDIA_SCHEMES,
    longDesc: MEDIA_SCHEMES,
    action: MEDIA_SCHEMES,
  },
  ancestors: {},
  clobber: [],
  required: {},
};

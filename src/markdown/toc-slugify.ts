import {
  classEscape,
  PYTHON_SPACE,
  PYTHON_WORD,
  pythonCasefold,
  pythonQuote,
  pythonStrip,
} from './python-text.ts';

/**
 * How headings become ids: one of the slugify functions `toc`'s `slugify` option names in
 * `mkdocs.yml`. `markdown` is Python-Markdown's own (`markdown.extensions.toc.slugify`, or
 * `slugify_unicode` with `unicode`); `pymdownx` is `pymdownx.slugs.slugify(case=…,
 * percent_encode=…, normalize=…)`, which the older `uslugify`, `gfm`… names are presets of.
 */
export type TocSlugify =
  | { kind: 'markdown'; unicode: boolean }
  | {
      kind: 'pymdownx';
      case: 'none' | 'lower' | 'lower-ascii' | 'fold';
      percentEncode: boolean;
      normalize: 'NFC' | 'NFD' | 'NFKC' | 'NFKD';
    };

/** Python-Markdown's default: ASCII only, lower case, runs of spaces and separators made one separator. */
export const DEFAULT_TOC_SLUGIFY: TocSlugify = { kind: 'markdown', unicode: false };

const NOT_ASCII = /[^\x00-\x7f]/g;
const MARKDOWN_INVALID = new RegExp(`[^${PYTHON_WORD}${PYTHON_SPACE}-]`, 'gu');
const PYMDOWNX_TAGS = /<\/?[^>]*>/g;
const PYMDOWNX_INVALID = new RegExp(`[^${PYTHON_WORD}\\- ]`, 'gu');

/** The id `slugify` makes of a heading's text, before de-duplication. */
export function slugifyHeading(text: string, separator: string, slugify: TocSlugify): string {
  return slugify.kind === 'markdown'
    ? markdownSlugify(text, separator, slugify.unicode)
    : pymdownxSlugify(text, separator, slugify);
}

/**
 * `markdown.extensions.toc.slugify`. The separator goes into a character class unescaped
 * in Python; here each of its characters is literal, which is the same for any separator
 * but ones that would make a range or close the class (`a-z`, `]`).
 */
function markdownSlugify(text: string, separator: string, unicode: boolean): string {
  let value = unicode ? text : text.normalize('NFKD').replace(NOT_ASCII, '');
  value = pythonStrip(value.replace(MARKDOWN_INVALID, '')).toLowerCase();
  return value.replace(new RegExp(`[${classEscape(separator)}${PYTHON_SPACE}]+`, 'gu'), separator);
}

/**
 * `pymdownx.slugs._uslugify`: strips anything tag-like (`List<T>` becomes `List`), keeps
 * Unicode, and turns each space into a separator, so two spaces make two separators.
 */
function pymdownxSlugify(
  text: string,
  separator: string,
  options: Extract<TocSlugify, { kind: 'pymdownx' }>,
): string {
  let slug = pythonStrip(text.normalize(options.normalize).replace(PYMDOWNX_TAGS, ''));
  if (options.case === 'lower') slug = slug.toLowerCase();
  else if (options.case === 'lower-ascii') slug = slug.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  else if (options.case === 'fold') slug = pythonCasefold(slug);
  slug = slug.replace(PYMDOWNX_INVALID, '').replaceAll(' ', separator);
  return options.percentEncode ? pythonQuote(slug) : slug;
}

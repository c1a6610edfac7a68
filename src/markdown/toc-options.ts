import { DEFAULT_TOC_SLUGIFY, type TocSlugify } from './toc-slugify.ts';

/**
 * The options of Python-Markdown's `toc` extension, as `mkdocs.yml` sets them under
 * `markdown_extensions: [toc: {…}]`, with Python-Markdown's defaults.
 */
export interface TocOptions {
  /** How heading text becomes an id. */
  slugify: TocSlugify;
  /** What joins words in an id (`-`). */
  separator: string;
  /** Heading levels listed in the table of contents (all headings get ids regardless): `toc_depth`, `1`–`6` or `"2-5"`. */
  depth: { top: number; bottom: number };
  /** Added to every heading's level (`baselevel: 2` makes `#` an `<h2>`), capped at 6. */
  levelShift: number;
  /** The permalink's text after each heading (`¶` for `permalink: true`), or `false` for none. */
  permalink: string | false;
  /** The permalink's class (`headerlink`). */
  permalinkClass: string;
  /** The permalink's `title` (`Permanent link`); empty for none. */
  permalinkTitle: string;
  /** True when each heading's content is wrapped in a link to itself (`anchorlink`). */
  anchorlink: boolean;
}

/** One `toc` option that was given but cannot be honoured, and what is done instead. */
export interface TocOptionProblem {
  option: string;
  message: string;
}

/** The Python names of the slugify functions that can be reproduced, with what each does. */
export const TOC_SLUGIFY_NAMES: Readonly<Record<string, TocSlugify>> = {
  'markdown.extensions.toc.slugify': { kind: 'markdown', unicode: false },
  'markdown.extensions.toc.slugify_unicode': { kind: 'markdown', unicode: true },
  'pymdownx.slugs.uslugify': pymdownx('lower', false),
  'pymdownx.slugs.uslugify_encoded': pymdownx('lower', true),
  'pymdownx.slugs.uslugify_cased': pymdownx('none', false),
  'pymdownx.slugs.uslugify_cased_encoded': pymdownx('none', true),
  'pymdownx.slugs.gfm': pymdownx('lower-ascii', false),
  'pymdownx.slugs.gfm_encoded': pymdownx('lower-ascii', true),
};

/** The configurable slugify of pymdownx 8.2 and later, called with keyword arguments. */
export const PYMDOWNX_SLUGIFY = 'pymdownx.slugs.slugify';

const PYTHON_NAME = '!!python/name:';
const PYTHON_APPLY = '!!python/object/apply:';
const CASES = ['none', 'lower', 'lower-ascii', 'fold'] as const;
const NORMAL_FORMS = ['NFC', 'NFD', 'NFKC', 'NFKD'] as const;
const TRUE_WORDS = ['true', 'yes', 'y', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'n', 'off', '0', 'none'];

/**
 * Reads `toc`'s options as `mkdocs.yml` gives them (a `!!python/name:` slugify arrives as
 * that string, a `!!python/object/apply:` one as `{ '!!python/object/apply:name': {kwds} }`),
 * with a problem for each one that cannot be honoured.
 */
export function readTocOptions(config: Readonly<Record<string, unknown>> | null | undefined): {
  options: TocOptions;
  problems: TocOptionProblem[];
} {
  const problems: TocOptionProblem[] = [];
  const given = config ?? {};
  const slugify =
    given['slugify'] === undefined ? DEFAULT_TOC_SLUGIFY : readSlugify(given['slugify'], problems);
  const separator = typeof given['separator'] === 'string' ? given['separator'] : '-';
  if (given['separator'] !== undefined && typeof given['separator'] !== 'string')
    problems.push({
      option: 'separator',
      message: `expected text, received \`${show(given['separator'])}\`; \`-\` is used`,
    });
  const permalink = readPermalink(given['permalink']);
  return {
    options: {
      slugify,
      separator,
      depth: readDepth(given['toc_depth'], problems),
      levelShift: readLevelShift(given['baselevel'], problems),
      permalink,
      permalinkClass: typeof given['permalink_class'] === 'string' ? given['permalink_class'] : 'headerlink',
      permalinkTitle:
        typeof given['permalink_title'] === 'string' ? given['permalink_title'] : 'Permanent link',
      anchorlink: readBool(given['anchorlink']) === true,
    },
    problems,
  };
}

function readSlugify(value: unknown, problems: TocOptionProblem[]): TocSlugify {
  const fallback = (what: string) => {
    problems.push({
      option: 'slugify',
      message: `${what} cannot run here; ids are made by Python-Markdown's default \`markdown.extensions.toc.slugify\`, so links to headings may differ from the MkDocs site`,
    });
    return DEFAULT_TOC_SLUGIFY;
  };
  if (typeof value === 'string') {
    const name = value.startsWith(PYTHON_NAME) ? value.slice(PYTHON_NAME.length) : value;
    return TOC_SLUGIFY_NAMES[name] ?? fallback(`the Python function \`${name}\``);
  }
  const applied =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
  const [key, call] = applied.length === 1 ? applied[0]! : [];
  if (key?.startsWith(PYTHON_APPLY)) {
    const name = key.slice(PYTHON_APPLY.length);
    if (name !== PYMDOWNX_SLUGIFY) return fallback(`the Python call \`${name}(…)\``);
    const kwds = isRecord(call) && isRecord(call['kwds']) ? call['kwds'] : {};
    const positional = Array.isArray(call)
      ? call
      : isRecord(call) && Array.isArray(call['args'])
        ? call['args']
        : [];
    if (positional.length > 0) return fallback(`\`${name}\` with positional arguments`);
    const known = ['case', 'percent_encode', 'normalize'];
    const unknown = Object.keys(kwds).filter((kwd) => !known.includes(kwd));
    if (unknown.length > 0) return fallback(`\`${name}(${unknown.join(', ')}=…)\``);
    const slugCase = kwds['case'] ?? 'none';
    const normalize = kwds['normalize'] ?? 'NFC';
    const percent = kwds['percent_encode'] ?? false;
    if (!CASES.includes(slugCase as never)) return fallback(`\`${name}(case=${show(slugCase)})\``);
    if (!NORMAL_FORMS.includes(normalize as never))
      return fallback(`\`${name}(normalize=${show(normalize)})\``);
    if (typeof percent !== 'boolean') return fallback(`\`${name}(percent_encode=${show(percent)})\``);
    return {
      kind: 'pymdownx',
      case: slugCase as (typeof CASES)[number],
      percentEncode: percent,
      normalize: normalize as (typeof NORMAL_FORMS)[number],
    };
  }
  return fallback(`\`${show(value)}\``);
}

/** `toc_depth`: a bottom level, or `"top-bottom"` as text. */
function readDepth(value: unknown, problems: TocOptionProblem[]): TocOptions['depth'] {
  if (value === undefined) return { top: 1, bottom: 6 };
  const range = typeof value === 'string' ? /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(value) : null;
  if (range) return { top: Number(range[1]), bottom: Number(range[2]) };
  const bottom = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof bottom === 'number' && Number.isInteger(bottom)) return { top: 1, bottom };
  problems.push({
    option: 'toc_depth',
    message: `expected a level such as \`3\` or a range such as \`"2-4"\`, received \`${show(value)}\`; all levels are listed`,
  });
  return { top: 1, bottom: 6 };
}

function readLevelShift(value: unknown, problems: TocOptionProblem[]): number {
  if (value === undefined) return 0;
  const level = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof level === 'number' && Number.isInteger(level)) return level - 1;
  problems.push({
    option: 'baselevel',
    message: `expected a heading level such as \`2\`, received \`${show(value)}\`; levels are kept`,
  });
  return 0;
}

/** Python-Markdown's `parseBoolValue(value, False)`; `undefined` when it is neither. */
function readBool(value: unknown): boolean | undefined {
  if (typeof value !== 'string') return Boolean(value);
  if (TRUE_WORDS.includes(value.toLowerCase())) return true;
  if (FALSE_WORDS.includes(value.toLowerCase())) return false;
  return undefined;
}

/** `permalink`: `true` is `¶`, other text is used as written. */
function readPermalink(value: unknown): string | false {
  const flag = readBool(value);
  if (flag !== undefined) return flag ? '¶' : false;
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function pymdownx(slugCase: 'none' | 'lower' | 'lower-ascii', percentEncode: boolean): TocSlugify {
  return { kind: 'pymdownx', case: slugCase, percentEncode, normalize: 'NFC' };
}

/** The `toc` options among Markdown extensions by name, as mkdocs.yml may name it either way. */
export function tocConfigOf(
  extensions: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): Readonly<Record<string, unknown>> | undefined {
  return extensions['toc'] ?? extensions['markdown.extensions.toc'];
}

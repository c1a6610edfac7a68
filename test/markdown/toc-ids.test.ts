import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createTocIds, headingIdsOf, unique } from '../../src/markdown/toc-ids.ts';
import { readTocOptions, tocConfigOf } from '../../src/markdown/toc-options.ts';
import { pythonHeadingIds, type HeadingIdsCase } from '../helpers/python-heading-ids.ts';
import { PYTHON_MARKDOWN } from '../helpers/python-markdown.ts';
import { requireTool } from '../helpers/require-tool.ts';

/** CommonMark with GFM, as the site parses it, without the MkDocs syntax these headings do not use. */
const processor = unified().use(remarkParse).use(remarkGfm);
const parse = (markdown: string): Root => processor.parse(markdown);

/** A stand-in for attr_list: a trailing `{#id}` on a heading becomes its id, as the lead's plugin will do. */
function withAttrListIds(tree: Root): Root {
  visit(tree, 'heading', (heading: Heading) => {
    const last = heading.children.at(-1);
    const match = last?.type === 'text' ? /\s*\{#([^\s}]+)\}\s*$/.exec(last.value) : null;
    if (!last || last.type !== 'text' || !match) return;
    last.value = last.value.slice(0, match.index);
    heading.data = { hProperties: { id: match[1]! } };
  });
  return tree;
}

/** Our ids for a page, with `toc` options as mkdocs.yml gives them. */
function ourIds(markdown: string, toc: Record<string, unknown> = {}): string[] {
  const { options } = readTocOptions(toc);
  const tree = withAttrListIds(parse(markdown));
  return [
    ...headingIdsOf(tree, {
      slugify: options.slugify,
      separator: options.separator,
      source: markdown,
    }).values(),
  ];
}

describe('heading ids, by hand', () => {
  it('de-duplicates as unique() does: _1, then counting up an _N ending; an empty id is taken', () => {
    const used = new Set<string>();
    expect(['a', 'a', 'a', 'a_1', 'b_7', 'b_7', '', ''].map((id) => unique(id, used))).toEqual([
      'a',
      'a_1',
      'a_2',
      'a_3',
      'b_7',
      'b_8',
      '_1',
      '_2',
    ]);
  });

  it('keeps an id a heading already has, and avoids ids set anywhere on the page, later ones too', () => {
    expect(ourIds('# Intro\n\n## Intro\n\n## Setup\n\n## Later {#setup}\n\n## Own {#intro_1}\n')).toEqual([
      'intro',
      'intro_2',
      'setup_1',
      'setup',
      'intro_1',
    ]);
  });

  it('gives the title heading an id, which later headings then avoid', () => {
    expect(ourIds('# Basics & Fundamentals\n\n## Basics  Fundamentals\n')).toEqual([
      'basics-fundamentals',
      'basics-fundamentals_1',
    ]);
  });

  it('hands out ids per page: two pages never share a counter', () => {
    const [heading] = parse('# Same\n').children as Heading[];
    expect([createTocIds().idFor(heading!), createTocIds().idFor(heading!)]).toEqual(['same', 'same']);
  });

  it('reads a footnote reference as its number, in the order footnotes are defined', () => {
    expect(ourIds('# Note[^b]\n\n[^a]: first\n[^b]: second\n')).toEqual(['note2']);
  });

  it('drops character references as Python-Markdown does, given the source', () => {
    const [heading] = parse('# caf&eacute; &amp; cr&egrave;me\n').children as Heading[];
    expect(createTocIds().idFor(heading!)).toBe('cafe-creme');
    expect(createTocIds({ source: '# caf&eacute; &amp; cr&egrave;me\n' }).idFor(heading!)).toBe('caf-crme');
  });
});

describe('toc options from mkdocs.yml', () => {
  it('knows every slugify pymdownx 9.5 has, by name and by call', () => {
    const slugify = (value: unknown) => readTocOptions({ slugify: value }).options.slugify;
    expect(slugify('!!python/name:markdown.extensions.toc.slugify_unicode')).toEqual({
      kind: 'markdown',
      unicode: true,
    });
    expect(slugify('!!python/name:pymdownx.slugs.gfm_encoded')).toEqual({
      kind: 'pymdownx',
      case: 'lower-ascii',
      percentEncode: true,
      normalize: 'NFC',
    });
    expect(
      slugify({
        '!!python/object/apply:pymdownx.slugs.slugify': { kwds: { case: 'fold', normalize: 'NFKD' } },
      }),
    ).toEqual({ kind: 'pymdownx', case: 'fold', percentEncode: false, normalize: 'NFKD' });
    expect(slugify({ '!!python/object/apply:pymdownx.slugs.slugify': null })).toEqual({
      kind: 'pymdownx',
      case: 'none',
      percentEncode: false,
      normalize: 'NFC',
    });
  });

  it('finds toc under either of its names', () => {
    expect(tocConfigOf({ 'markdown.extensions.toc': { permalink: true } })).toEqual({ permalink: true });
    expect(tocConfigOf({ toc: { separator: '_' }, tables: {} })).toEqual({ separator: '_' });
    expect(tocConfigOf({ tables: {} })).toBeUndefined();
  });

  it('reads depth, base level and permalinks as Python-Markdown does', () => {
    expect(readTocOptions({ toc_depth: '2-4', baselevel: 2, permalink: true }).options).toMatchObject({
      depth: { top: 2, bottom: 4 },
      levelShift: 1,
      permalink: '¶',
      permalinkClass: 'headerlink',
      permalinkTitle: 'Permanent link',
    });
    expect(readTocOptions({ toc_depth: 3, permalink: '#' }).options).toMatchObject({
      depth: { top: 1, bottom: 3 },
      permalink: '#',
    });
    expect(readTocOptions({ permalink: 'off' }).options.permalink).toBe(false);
    expect(readTocOptions(null).options).toMatchObject({
      separator: '-',
      permalink: false,
      depth: { top: 1, bottom: 6 },
    });
  });

  it('says what it cannot honour, and falls back to the default slugify', () => {
    const problems = [
      { slugify: '!!python/name:my_theme.slugs.custom' },
      { slugify: { '!!python/object/apply:pymdownx.slugs.slugify': { kwds: { case: 'upper' } } } },
      { slugify: { '!!python/object/apply:my.factory': { kwds: {} } } },
      { toc_depth: 'deep', baselevel: 'two', separator: 3 },
    ].flatMap((toc) => readTocOptions(toc).problems.map((p) => `${p.option}: ${p.message}`));
    expect(problems).toMatchInlineSnapshot(`
      [
        "slugify: the Python function \`my_theme.slugs.custom\` cannot run here; ids are made by Python-Markdown's default \`markdown.extensions.toc.slugify\`, so links to headings may differ from the MkDocs site",
        "slugify: \`pymdownx.slugs.slugify(case=upper)\` cannot run here; ids are made by Python-Markdown's default \`markdown.extensions.toc.slugify\`, so links to headings may differ from the MkDocs site",
        "slugify: the Python call \`my.factory(…)\` cannot run here; ids are made by Python-Markdown's default \`markdown.extensions.toc.slugify\`, so links to headings may differ from the MkDocs site",
        "separator: expected text, received \`3\`; \`-\` is used",
        "toc_depth: expected a level such as \`3\` or a range such as \`"2-4"\`, received \`deep\`; all levels are listed",
        "baselevel: expected a heading level such as \`2\`, received \`two\`; levels are kept",
      ]
    `);
  });
});

/** Headings that trip slugs up, each on a page of its own. */
const HEADINGS = [
  'Basics & Fundamentals',
  'Basics &amp; Fundamentals',
  'Basics  Fundamentals',
  "What's new in v2.0?",
  'C++ vs. C# -- a comparison',
  'a--b and a — b and a – b',
  'Hello, World!',
  'Déjà vu, naïve café',
  'Straße and ẞ and ﬁle',
  'ΣΊΣΥΦΟΣ and İstanbul and ǅemal',
  '日本語の見出し',
  'Привет, мир',
  'हिन्दी शीर्षक',
  'Emoji 🎉 party :tada:',
  'x² and ½ and Ⅻ',
  'Cherokee ᏣᎳᎩ',
  '`code` span',
  '`List<T>` generics',
  'Use `&amp;` in `  spaced  ` code',
  'A [link](https://example.org) and [ref][r]\n\n[r]: https://example.org',
  '![alt text](image.png) image',
  'An <span class="x">inline</span> tag',
  '<kbd>Ctrl</kbd>+<kbd>C</kbd> copies',
  'A comment <!-- hidden --> here',
  'Generic Vec<u8> and a <= b > c',
  '*emphasis*, **strong** and ~~struck~~',
  'snake_case_name and __init__',
  '\\_escaped\\_ \\* \\& and \\<b\\>',
  '\\&amp; escaped reference',
  'caf&eacute; &copy; 2024 &#169; &#x41;',
  '<https://example.org/?a=1&amp;b=2>',
  '<mailto:someone@example.org> or <someone@example.org>',
  '<irc://chat.example.org/room>',
  '123',
  '1.2.3 release',
  '-',
  '!!!',
  '',
  'Trailing hashes ##',
  'Tab\there, no-break\u00a0space, em\u2003space',
  'Mixed CASE Words',
  'percent % and slash / and tilde ~',
  'Tabbed\tcode `a\tb` span',
  'ZWJ 👩‍💻 and combining e\u0301 and Hangul 한국어 and مرحبا ٣',
  'Runs - - - of -- hyphens -',
  '“Smart” ‘quotes’ and … ellipsis',
  '[![badge](b.svg) Linked &amp; imaged](https://example.org)',
  '<b>bold</b>&nbsp;next',
  'Setext heading\n==============',
];

/** `toc` options in every form mkdocs.yml can give them. */
const TOC_CONFIGS: Record<string, Record<string, unknown>> = {
  default: {},
  'default, underscore separator': { separator: '_' },
  slugify_unicode: { slugify: '!!python/name:markdown.extensions.toc.slugify_unicode' },
  uslugify: { slugify: '!!python/name:pymdownx.slugs.uslugify' },
  uslugify_cased: { slugify: '!!python/name:pymdownx.slugs.uslugify_cased' },
  uslugify_encoded: { slugify: '!!python/name:pymdownx.slugs.uslugify_encoded' },
  uslugify_cased_encoded: { slugify: '!!python/name:pymdownx.slugs.uslugify_cased_encoded' },
  gfm: { slugify: '!!python/name:pymdownx.slugs.gfm' },
  gfm_encoded: { slugify: '!!python/name:pymdownx.slugs.gfm_encoded' },
  'slugify(case=lower)': {
    slugify: { '!!python/object/apply:pymdownx.slugs.slugify': { kwds: { case: 'lower' } } },
  },
  'slugify(case=fold, percent_encode=True, normalize=NFKD), separator _': {
    slugify: {
      '!!python/object/apply:pymdownx.slugs.slugify': {
        kwds: { case: 'fold', percent_encode: true, normalize: 'NFKD' },
      },
    },
    separator: '_',
  },
};

const DUPLICATES =
  [
    '# Intro',
    '## Intro',
    '## Intro_1',
    '### Intro',
    '## intro',
    '## Later {#intro_3}',
    '## Explicit twice {#same}',
    '## Explicit twice {#same}',
    '## same',
    '## ',
    '## !!!',
    '## Step_9',
    '## Step_9',
    '## Note[^n]',
  ].join('\n\n') + '\n\n[^m]: first\n[^n]: second\n';

const oracle = await requireTool(PYTHON_MARKDOWN, 'the comparisons with Python-Markdown');

describe.skipIf(!oracle)('heading ids against Python-Markdown', () => {
  it.each(Object.entries(TOC_CONFIGS))('match for every heading with %s', async (_, toc) => {
    const pages = [
      ...HEADINGS.map((heading) => (heading.includes('\n=') ? `${heading}\n` : `# ${heading}\n`)),
      DUPLICATES,
      '> # In a quote\n\n- ## In a list\n\n# In a quote\n',
    ];
    const cases: HeadingIdsCase[] = pages.map((text) => ({
      text,
      extensions: { toc, attr_list: {}, footnotes: {} },
    }));
    const expected = await pythonHeadingIds(cases);
    const differences = pages.flatMap((text, index) => {
      const ours = ourIds(text, toc);
      return JSON.stringify(ours) === JSON.stringify(expected[index])
        ? []
        : [
            `${JSON.stringify(text)}: ours ${JSON.stringify(ours)}, MkDocs ${JSON.stringify(expected[index])}`,
          ];
    });
    expect(differences).toEqual([]);
  });
});

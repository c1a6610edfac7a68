/**
 * The Python-Markdown extensions the Markdown pipeline honours, by the name `mkdocs.yml` gives
 * them, and what happens to the others: the settings say so once, instead of their syntax
 * turning into text in silence.
 */

/** Extensions whose syntax and options the pipeline reads. */
export const SUPPORTED_EXTENSIONS: ReadonlySet<string> = new Set([
  'toc',
  'tables',
  'fenced_code',
  'smarty',
  'admonition',
  'attr_list',
  'md_in_html',
  'def_list',
  'footnotes',
  'abbr',
  'pymdownx.arithmatex',
  'pymdownx.betterem',
  'pymdownx.caret',
  'pymdownx.details',
  'pymdownx.emoji',
  'pymdownx.highlight',
  'pymdownx.inlinehilite',
  'pymdownx.keys',
  'pymdownx.magiclink',
  'pymdownx.mark',
  'pymdownx.smartsymbols',
  'pymdownx.snippets',
  'pymdownx.superfences',
  'pymdownx.tabbed',
  'pymdownx.tasklist',
  'pymdownx.tilde',
]);

/** Extensions with nothing to do here, and why that loses nothing. */
export const EXTENSIONS_WITHOUT_EFFECT: Readonly<Record<string, string>> = {
  meta: 'frontmatter is read from every page anyway',
  codehilite: 'code is highlighted at build time anyway',
  'material.extensions.emoji': 'only names the emoji index of `pymdownx.emoji`, which is read',
  'materialx.emoji': 'only names the emoji index of `pymdownx.emoji`, which is read',
};

/** Extensions honoured in part, and what is not. */
export const PARTLY_SUPPORTED_EXTENSIONS: Readonly<Record<string, string>> = {
  'pymdownx.magiclink':
    'addresses become links; repository shorthands (`@user`, `#123`, `user/repo`) stay text',
};

/** Extensions that bundle others, as Python-Markdown and pymdownx define them. */
export const EXTENSION_BUNDLES: Readonly<Record<string, readonly string[]>> = {
  extra: ['abbr', 'attr_list', 'def_list', 'fenced_code', 'footnotes', 'md_in_html', 'tables'],
  'pymdownx.extra': [
    'pymdownx.betterem',
    'pymdownx.superfences',
    'footnotes',
    'attr_list',
    'def_list',
    'tables',
    'abbr',
    'md_in_html',
  ],
};

/** `markdown.extensions.toc` is `toc`; other names stay as written. */
export function extensionName(name: string): string {
  return name.replace(/^markdown\.extensions\./, '');
}

/** What a page shows of an extension the pipeline does not read. */
export function unsupportedExtensionNote(name: string): string {
  const specific: Record<string, string> = {
    sane_lists: 'lists follow Python-Markdown’s default rules',
    nl2br: 'a line break inside a paragraph is a space, not `<br>`',
    wikilinks: '`[[Page]]` shows as text; write Markdown links',
    'pymdownx.critic': 'critic marks (`{++ ++}`, `{-- --}`) show as text',
    'pymdownx.progressbar': '`[=50%]` shows as text',
  };
  return `not supported: ${specific[name] ?? 'its syntax shows as text on the pages'}`;
}

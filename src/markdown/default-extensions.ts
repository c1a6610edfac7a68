import type { MarkdownExtensions } from './block-extensions.ts';

/**
 * The Markdown of a site that is not a MkDocs project: the extensions a Material for MkDocs
 * knowledge base usually enables, so that articles read the same whichever way they came.
 * A MkDocs project's own `markdown_extensions` replace these.
 */
export const DEFAULT_MARKDOWN_EXTENSIONS: MarkdownExtensions = {
  toc: {},
  tables: {},
  fenced_code: {},
  smarty: {},
  admonition: {},
  attr_list: {},
  md_in_html: {},
  def_list: {},
  footnotes: {},
  abbr: {},
  'pymdownx.details': {},
  'pymdownx.superfences': {},
  'pymdownx.snippets': {},
  'pymdownx.highlight': {},
  'pymdownx.tabbed': { alternate_style: true },
  'pymdownx.tasklist': { custom_checkbox: true },
  'pymdownx.mark': {},
  'pymdownx.caret': {},
  'pymdownx.keys': {},
};

import type { PluggableList } from 'unified';
import { remarkAbbr } from './remark-abbr.ts';
import { remarkAdmonitions } from './remark-admonitions.ts';
import { remarkAttrList } from './remark-attr-list.ts';
import { remarkDefList } from './remark-def-list.ts';
import { remarkDetails } from './remark-details.ts';
import { remarkFootnotes } from './remark-footnotes.ts';
import { remarkListAfterParagraph } from './remark-list-after-paragraph.ts';
import { remarkMdInHtml } from './remark-md-in-html.ts';
import { remarkRawHtml } from './remark-raw-html.ts';
import { remarkSnippets } from './remark-snippets.ts';
import { remarkTabbed } from './remark-tabbed.ts';
import { remarkTableOfContents } from './remark-table-of-contents.ts';
import { remarkTocMarker } from './remark-toc-marker.ts';
import { remarkUnreadSyntax } from './remark-unread-syntax.ts';

/** Python-Markdown extensions by name, each with its options, as `mkdocs.yml` lists them. */
export type MarkdownExtensions = Record<string, Record<string, unknown>>;

/**
 * The remark plugins for the block-level extensions enabled in `extensions` (keys as in
 * `mkdocs.yml`: `admonition`, `pymdownx.details`, `pymdownx.tabbed`, `md_in_html`, `def_list`,
 * `pymdownx.snippets`, `abbr`, `attr_list`, `footnotes`, `toc`), in the order they must run,
 * after remark-parse and GFM's syntax. An extension not enabled is left as MkDocs leaves its
 * syntax without it: as text. `pymdownx.superfences` needs no plugin (remark already reads
 * fenced blocks anywhere, nested ones included, once the containers' bodies are real nodes).
 *
 * 1. The block syntaxes, read in one walk (see `block-syntax.ts`): the first of these plugins to
 *    run reads them all, so that they nest in any order, each at Python-Markdown's priority:
 *    snippets first (a preprocessor there), then HTML blocks (`md_in_html` before raw HTML, also
 *    preprocessors), then admonitions, details and tabs, then definition lists, then
 *    abbreviation definitions. Raw HTML blocks are Python-Markdown's own and always read.
 * 2. A list that follows a paragraph's last line joins the paragraph, as Python-Markdown reads
 *    it (core Markdown, always on), once every container's body is read.
 * 3. `attr_list` reads attribute lists left in the text, before heading ids are made (an
 *    explicit `{#id}` must win) and before anything splits text nodes (abbreviations, the
 *    inline extensions), which would hide a list from it.
 * 4. `abbr` marks up the text once every definition is known, appended snippets included.
 * 5. `footnotes` rebuilds GFM's footnotes with MkDocs' ids, references inside any
 *    container included.
 * 6. The `toc` marker `[TOC]` becomes an empty `tableOfContents` node; it is filled later by
 *    {@link blockExtensionLatePlugins}, once headings have their ids.
 * 7. Last, a warning at each line where Material syntax is still text (`markdown-syntax-unread`).
 */
export function blockExtensionPlugins(
  extensions: MarkdownExtensions,
  context: { projectDir?: string } = {},
): PluggableList {
  const enabled = (name: string): boolean => name in extensions;
  const options = (name: string): Record<string, unknown> => extensions[name] ?? {};
  const plugins: PluggableList = [];
  if (enabled('pymdownx.snippets'))
    plugins.push([remarkSnippets, { ...options('pymdownx.snippets'), ...context }]);
  if (enabled('md_in_html')) plugins.push(remarkMdInHtml);
  plugins.push(remarkRawHtml);
  if (enabled('admonition')) plugins.push(remarkAdmonitions);
  if (enabled('pymdownx.details')) plugins.push(remarkDetails);
  if (enabled('pymdownx.tabbed')) plugins.push([remarkTabbed, options('pymdownx.tabbed')]);
  if (enabled('def_list')) plugins.push(remarkDefList);
  plugins.push(remarkListAfterParagraph);
  if (enabled('attr_list')) plugins.push(remarkAttrList);
  if (enabled('abbr')) plugins.push([remarkAbbr, options('abbr')]);
  if (enabled('footnotes')) plugins.push([remarkFootnotes, options('footnotes')]);
  if (enabled('toc')) plugins.push([remarkTocMarker, options('toc')]);
  plugins.push([remarkUnreadSyntax, { extensions }]);
  return plugins;
}

/**
 * The plugins that need the page's heading ids, to run after the step that sets them: the
 * table of contents that replaces `[TOC]` when `toc` is enabled.
 */
export function blockExtensionLatePlugins(extensions: MarkdownExtensions): PluggableList {
  return 'toc' in extensions ? [[remarkTableOfContents, extensions['toc'] ?? {}]] : [];
}

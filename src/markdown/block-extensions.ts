import type { PluggableList } from 'unified';
import { remarkAbbr } from './remark-abbr.ts';
import { remarkAdmonitions } from './remark-admonitions.ts';
import { remarkAttrList } from './remark-attr-list.ts';
import { remarkDefList } from './remark-def-list.ts';
import { remarkDetails } from './remark-details.ts';
import { remarkMdInHtml } from './remark-md-in-html.ts';
import { remarkRawHtml } from './remark-raw-html.ts';
import { remarkSnippets } from './remark-snippets.ts';
import { remarkTabbed } from './remark-tabbed.ts';

/** Python-Markdown extensions by name, each with its options, as `mkdocs.yml` lists them. */
export type MarkdownExtensions = Record<string, Record<string, unknown>>;

/** The block-level Material extensions' remark plugins, in the order they must run. */
export function blockExtensionPlugins(extensions: MarkdownExtensions): PluggableList {
  const plugins: PluggableList = [remarkRawHtml];
  if ('pymdownx.snippets' in extensions) plugins.push([remarkSnippets, extensions['pymdownx.snippets']]);
  if ('md_in_html' in extensions) plugins.push(remarkMdInHtml);
  if ('admonition' in extensions) plugins.push(remarkAdmonitions);
  if ('pymdownx.details' in extensions) plugins.push(remarkDetails);
  if ('pymdownx.tabbed' in extensions) plugins.push([remarkTabbed, extensions['pymdownx.tabbed']]);
  if ('def_list' in extensions) plugins.push(remarkDefList);
  if ('attr_list' in extensions) plugins.push(remarkAttrList);
  if ('abbr' in extensions) plugins.push([remarkAbbr, extensions['abbr']]);
  return plugins;
}

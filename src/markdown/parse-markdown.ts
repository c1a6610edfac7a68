import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import {
  blockExtensionLatePlugins,
  blockExtensionPlugins,
  type MarkdownExtensions,
} from './block-extensions.ts';
import { remarkHeadingIds } from './heading-ids.ts';
import { remarkSmartPunctuation } from './remark-smart-punctuation.ts';
import { inlineExtensionPlugins } from './inline-extensions.ts';

/** How the site's Markdown is read. */
export interface ParseOptions {
  /** Python-Markdown extensions with their options, as `mkdocs.yml` lists them. */
  extensions: MarkdownExtensions;
  /** The folder snippet paths are relative to (the MkDocs project, or the site's root). */
  projectDir: string;
  /** Material's `theme.features` (`content.code.annotate` annotates every code block). */
  features?: readonly string[];
}

/** A parsed file: the tree, what the plugins said about it, and the other files it read. */
export interface ParsedMarkdown {
  tree: Root;
  messages: VFile['messages'];
  inputs: Record<string, string | null>;
  /** What the parse steps recorded for the render steps (code annotations' lists). */
  data: VFile['data'];
}

/** Parses a Markdown file's text (frontmatter lines blanked) into the tree every fact and the page come from. */
export type MarkdownParser = (text: string, file: string) => Promise<ParsedMarkdown>;

/**
 * Creates the one Markdown parser: CommonMark with GFM, then the Material extensions the site
 * enables, as real nodes with the file's positions (a finding about any node, however nested,
 * points at the file), heading ids as MkDocs gives them, and smart punctuation when `smarty` is on.
 */
export function createMarkdownParser(options: ParseOptions): MarkdownParser {
  const { extensions } = options;
  const plugins: PluggableList = [
    remarkGfm,
    ...blockExtensionPlugins(extensions, { projectDir: options.projectDir }),
    // Inline syntax and code steps (diagrams out of the code blocks) before anything reads the tree.
    ...inlineExtensionPlugins(extensions, { baseDir: options.projectDir, features: options.features ?? [] })
      .remarkPlugins,
    // Ids from the author's text, before smart punctuation rewrites it (MkDocs' ids are alike either way).
    [remarkHeadingIds, { extensions }],
    // Python-Markdown's `smarty` turns `--` into an en dash and `---` into an em dash.
    ...('smarty' in extensions ? [remarkSmartPunctuation] : []),
    // Fills `[TOC]`, which needs the ids.
    ...blockExtensionLatePlugins(extensions),
  ];
  const processor = unified().use(remarkParse).use(plugins);
  return async (text, file) => {
    const vfile = new VFile({ value: text, path: file });
    const tree = (await processor.run(processor.parse(vfile), vfile)) as Root;
    return { tree, messages: vfile.messages, inputs: vfile.data.inputs ?? {}, data: vfile.data };
  };
}

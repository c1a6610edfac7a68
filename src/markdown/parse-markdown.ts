import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import {
  blockExtensionLatePlugins,
  blockExtensionPlugins,
  type MarkdownExtensions,
} from './block-extensions.ts';
import { remarkHeadingIds } from './heading-ids.ts';
import { findDeepContainers, findDeepHtml, MAX_NESTING, type TooDeep } from './nesting-depth.ts';
import { remarkSmartPunctuation } from './remark-smart-punctuation.ts';
import { inlineExtensionPlugins } from './inline-extensions.ts';
import { remarkSmartSymbols, type SmartSymbolsOptions } from './remark-smart-symbols.ts';

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

/** pymdownx.smartsymbols with its options from `mkdocs.yml`. */
function smartSymbols(options: SmartSymbolsOptions): [typeof remarkSmartSymbols, SmartSymbolsOptions] {
  return [remarkSmartSymbols, options];
}

/** Parses a Markdown file's text (frontmatter lines blanked) into the tree every fact and the page come from. */
export type MarkdownParser = (text: string, file: string) => Promise<ParsedMarkdown>;

/**
 * Creates the one Markdown parser: CommonMark with the GFM syntax MkDocs reads, then the Material
 * extensions the site enables, as real nodes with the file's positions (a finding about any node,
 * however nested, points at the file), heading ids as MkDocs gives them, and smart punctuation
 * when `smarty` is on.
 */
export function createMarkdownParser(options: ParseOptions): MarkdownParser {
  const { extensions } = options;
  const plugins: PluggableList = [
    ...blockExtensionPlugins(extensions, { projectDir: options.projectDir }),
    // Inline syntax and code steps (diagrams out of the code blocks) before anything reads the tree.
    ...inlineExtensionPlugins(extensions, { baseDir: options.projectDir, features: options.features ?? [] })
      .remarkPlugins,
    // Ids from the author's text, before smart punctuation rewrites it (MkDocs' ids are alike either way).
    [remarkHeadingIds, { extensions }],
    // Python-Markdown's `smarty` turns `--` into an en dash and `---` into an em dash.
    ...('smarty' in extensions ? [remarkSmartPunctuation] : []),
    // pymdownx.smartsymbols (`(c)` → ©, `-->` → →): after the ids, as its tree step runs after `toc`.
    ...('pymdownx.smartsymbols' in extensions
      ? [smartSymbols(extensions['pymdownx.smartsymbols'] ?? {})]
      : []),
    // Fills `[TOC]`, which needs the ids.
    ...blockExtensionLatePlugins(extensions),
  ];
  const processor = unified().use(remarkParse).use(plugins);
  const read = async (text: string, file: string) => {
    const vfile = new VFile({ value: text, path: file });
    const tree = (await processor.run(processor.parse(vfile), vfile)) as Root;
    return { tree, vfile };
  };
  return async (text, file) => {
    // Nesting past the limit is reported and the file read only up to it: the parser slows with
    // every level, and the tree's walkers (ours, remark's, rehype's) recurse into every level.
    const deep = findDeepContainers(text);
    let { tree, vfile } = await read(deep ? linesBefore(text, deep.line) : text, file).catch(
      (error: unknown) => {
        if (!isStackOverflow(error)) throw error;
        return {
          tree: { type: 'root', children: [] } as Root,
          vfile: tooDeep(new VFile({ path: file }), 'markdown'),
        };
      },
    );
    if (deep) tooDeep(vfile, 'markdown', deep);
    const deepHtml = deep ? undefined : findDeepHtml(tree);
    if (deepHtml) {
      ({ tree, vfile } = await read(linesBefore(text, deepHtml.line), file));
      tooDeep(vfile, 'html', deepHtml);
    }
    return { tree, messages: vfile.messages, inputs: vfile.data.inputs ?? {}, data: vfile.data };
  };
}

/** Records that the file nests too deeply at `place` (the start of the file when unknown). */
function tooDeep(vfile: VFile, what: 'markdown' | 'html', place: TooDeep = { line: 1, column: 1 }): VFile {
  const reason =
    what === 'html'
      ? `the HTML here nests more than ${MAX_NESTING} elements deep; the rest of the file is not read. Close the elements, or flatten them`
      : `the Markdown here nests more than ${MAX_NESTING} levels deep (block quotes, lists, indented blocks); the rest of the file is not read. Flatten it`;
  vfile.message(reason, { place, ruleId: 'markdown-too-deep', source: 'proven-kb' });
  return vfile;
}

/** The text with the lines from `line` on left out (blank), so that positions stay those of the file. */
function linesBefore(text: string, line: number): string {
  const lines = text.split('\n');
  return [...lines.slice(0, line - 1), ...lines.slice(line - 1).map(() => '')].join('\n');
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import { blockExtensionPlugins } from '../../../src/markdown/block-extensions.ts';

/** Python-Markdown extensions by name, each with its options, as `mkdocs.yml` lists them. */
export type Extensions = Record<string, Record<string, unknown>>;

/** What rendering one Markdown text gave: the HTML, the tree after the plugins, and the messages. */
export interface RenderedBlocks {
  html: string;
  tree: Root;
  file: VFile;
}

/**
 * Renders Markdown as the site's Markdown steps do, with only the block extensions in between:
 * remark-parse, remark-gfm, the plugins `blockExtensionPlugins(extensions)` returns (and any
 * `after` them), remark-rehype with raw HTML kept, rehype-raw, rehype-stringify.
 */
export async function renderBlocks(
  markdown: string,
  extensions: Extensions,
  options: { after?: PluggableList; path?: string } = {},
): Promise<RenderedBlocks> {
  const file = new VFile({ value: markdown, path: options.path ?? '/kb/docs/topic/article.md' });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(blockExtensionPlugins(extensions))
    .use(options.after ?? []);
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  const hast = await unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).run(structuredClone(tree), file);
  const html = unified().use(rehypeStringify).stringify(hast as never);
  return { html, tree, file };
}

import GithubSlugger from 'github-slugger';
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { blockExtensionLatePlugins, blockExtensionPlugins } from '../../../src/markdown/block-extensions.ts';

/** Python-Markdown extensions by name, each with its options, as `mkdocs.yml` lists them. */
export type Extensions = Record<string, Record<string, unknown>>;

/** What rendering one Markdown text gave: the HTML, the tree after the plugins, and the file with its messages. */
export interface RenderedBlocks {
  html: string;
  tree: Root;
  file: VFile;
}

/**
 * A stand-in for the heading-id step, for tests only: Python-Markdown's `toc` gives headings ids
 * and the table of contents needs them. github-slugger agrees with Python-Markdown's slugify on
 * the plain titles the fixtures use; a heading with an id (from attr_list) keeps it.
 */
function testHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'heading', (heading) => {
      const properties = ((heading.data ??= {}).hProperties ??= {});
      properties['id'] ??= slugger.slug(toString(heading));
    });
  };
}

/**
 * Renders Markdown as the site's Markdown steps do, with only the block extensions in between:
 * remark-parse, remark-gfm, `blockExtensionPlugins(extensions)`, heading ids (when `toc` is on,
 * as in MkDocs), `blockExtensionLatePlugins(extensions)`, remark-rehype with raw HTML kept,
 * rehype-raw and rehype-stringify.
 */
export async function renderBlocks(
  markdown: string,
  extensions: Extensions,
  options: { path?: string } = {},
): Promise<RenderedBlocks> {
  const file = new VFile({ value: markdown, path: options.path ?? '/kb/docs/topic/article.md' });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(blockExtensionPlugins(extensions))
    .use('toc' in extensions ? [testHeadingIds] : [])
    .use(blockExtensionLatePlugins(extensions));
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  const hast = await unified()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .run(structuredClone(tree), file);
  const html = unified()
    .use(rehypeStringify)
    .stringify(hast as HastRoot);
  return { html, tree, file };
}

import type { Root as HastRoot } from 'hast';
import { rehypeShiki } from '@astrojs/markdown-remark';
import type { ShikiTransformer } from 'shiki';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';

/** What {@link renderInline} gives back: the HTML and the file, which holds the plugins' messages. */
export interface RenderedInline {
  html: string;
  file: VFile;
}

/** Options of {@link renderInline}. */
export interface RenderInlineOptions {
  /** Remark plugins, as the site runs them (`inlineExtensionPlugins` brings GFM's syntax). */
  remark?: PluggableList;
  /** Rehype plugins, after shiki (as Astro runs user rehype plugins) and before rehype-raw. */
  rehype?: PluggableList;
  /** Highlight fenced code with shiki (Astro's rehype step), with these transformers. */
  shiki?: { transformers?: ShikiTransformer[] };
}

/**
 * Renders Markdown with the plugins under test in the order Astro runs them: remark-parse,
 * the remark plugins, remark-rehype, shiki (when asked), the rehype plugins,
 * rehype-raw, rehype-stringify. Smartypants is left out so the HTML compares with MkDocs'.
 */
export async function renderInline(
  markdown: string,
  options: RenderInlineOptions = {},
): Promise<RenderedInline> {
  const processor = unified()
    .use(remarkParse)
    .use(options.remark ?? [])
    .use(remarkRehype, { allowDangerousHtml: true });
  if (options.shiki)
    processor.use(rehypeShiki, {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      transformers: options.shiki.transformers ?? [],
    });
  processor
    .use(options.rehype ?? [])
    .use(rehypeRaw)
    .use(rehypeStringify);
  const file = new VFile({ value: markdown, path: 'content/topic/article.md' });
  const result = await processor.process(file);
  return { html: String(result.value), file: result };
}

/** The hast of a rendering, for tests that look at structure rather than text. */
export async function renderInlineHast(
  markdown: string,
  options: RenderInlineOptions = {},
): Promise<HastRoot> {
  const processor = unified()
    .use(remarkParse)
    .use(options.remark ?? [])
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(options.rehype ?? [])
    .use(rehypeRaw);
  const file = new VFile({ value: markdown, path: 'content/topic/article.md' });
  return (await processor.run(processor.parse(file), file)) as HastRoot;
}

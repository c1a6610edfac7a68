import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { mkdocsRemarkPlugins } from '../../src/markdown/plugins.ts';

/** A content directory that does not need to exist: the plugins only compute paths. */
export const contentDir = path.resolve('/kb/content');

/** What the site gets for one Markdown file: its HTML and Astro's frontmatter after the plugins ran. */
export interface Rendered {
  html: string;
  frontmatter: Record<string, unknown>;
}

/**
 * Renders Markdown through Astro's own pipeline (GFM, smartypants, our plugins, remark-rehype,
 * rehype-raw) as `content/<file>` with the given title, without syntax highlighting so the
 * HTML stays readable.
 */
export async function render(
  markdown: string,
  options: { file?: string; title?: string } = {},
): Promise<Rendered> {
  const { file = 'topic/article.md', title = 'Article' } = options;
  const renderer = await unified({ remarkPlugins: mkdocsRemarkPlugins({ contentDir }) }).createRenderer({
    syntaxHighlight: false,
  });
  const { code, metadata } = await renderer.render(markdown, {
    fileURL: pathToFileURL(path.join(contentDir, file)),
    frontmatter: { title },
  });
  return { html: code, frontmatter: metadata.frontmatter };
}

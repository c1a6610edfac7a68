import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkAdmonitions } from './remark-admonitions.ts';

/** How the site's Markdown is read. */
export interface ParseOptions {
  /** Curly quotes, dashes and ellipses, as Astro's Markdown gives them. */
  smartypants: boolean;
}

/** Parses a Markdown file's text (frontmatter lines blanked) into the tree every fact and the page come from. */
export type MarkdownParser = (text: string, file?: string) => Promise<Root>;

/**
 * Creates the one Markdown parser: CommonMark with GFM, smart punctuation when asked, then the
 * MkDocs syntax (admonitions) as real nodes. Positions are the file's lines and columns, so a
 * finding about any node, however nested, points at the file.
 */
export function createMarkdownParser(options: ParseOptions): MarkdownParser {
  const processor = unified().use(remarkParse).use(remarkGfm);
  // Before the MkDocs syntax, as in Astro's pipeline: admonition bodies are parsed on their own
  // and keep the author's punctuation.
  if (options.smartypants) processor.use(remarkSmartypants);
  processor.use(remarkAdmonitions);
  return async (text, file) => {
    const vfile = new VFile({ value: text, ...(file ? { path: file } : {}) });
    return (await processor.run(processor.parse(vfile), vfile)) as Root;
  };
}

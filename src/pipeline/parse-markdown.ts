import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { remarkAdmonitions } from '../remark/remark-admonitions.ts';

/** Parses Markdown into mdast the way the site renders it, positions relative to the file. */
export type MarkdownParser = (text: string) => Root;

/**
 * Creates the checker's Markdown parser: the renderer's parse steps (GFM, smart punctuation,
 * which changes heading ids, and admonitions) without the steps that rewrite links.
 */
export function createMarkdownParser(): MarkdownParser {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants).use(remarkAdmonitions);
  return (text) => processor.runSync(processor.parse(text), text) as Root;
}

/** Blanks the frontmatter lines so that body positions stay those of the file. */
export function blankLines(text: string, throughLine: number): string {
  if (throughLine <= 0) return text;
  const lines = text.split('\n');
  for (let index = 0; index < throughLine && index < lines.length; index++) lines[index] = '';
  return lines.join('\n');
}

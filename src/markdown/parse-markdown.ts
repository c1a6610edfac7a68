import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkAdmonitions } from './remark-admonitions.ts';

/** Parses Markdown into mdast the way the site renders it, positions relative to the file. */
export type MarkdownParser = (text: string) => Root;

/**
 * Creates the checker's Markdown parser: the renderer's parse steps (GFM and admonitions)
 * without the steps that rewrite links. Smart punctuation is left out: it is slow, and the
 * one change it makes that heading ids keep (dashes) is applied where ids are made.
 */
export function createMarkdownParser(): MarkdownParser {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkAdmonitions);
  return (text) => processor.runSync(processor.parse(text), text) as Root;
}

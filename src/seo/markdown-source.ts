import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isBuildOnlyHtml } from '../remark/remark-mkdocs-cleanup.ts';
import { splitFrontmatter } from '../pipeline/split-frontmatter.ts';

/**
 * An article's Markdown as its author wrote it, for readers that prefer Markdown (`/topic/slug.md`),
 * without what only the build reads: the `<!-- more -->` marker and hand-written JSON-LD
 * (the page carries generated structured data). The frontmatter and everything else stay as they are.
 */
export function cleanMarkdownSource(source: string): string {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const split = splitFrontmatter(text);
  const lines = text.split('\n');
  const headLines = split.kind === 'found' ? split.block.endLine : 0;
  const head = lines.slice(0, headLines).join('\n');
  const body = lines.slice(headLines).join('\n');

  // The same top-level nodes the renderer drops (remark-mkdocs-cleanup), found by the same parser.
  const tree = unified().use(remarkParse).parse(body) as Root;
  const cuts = tree.children
    .filter((node) => node.type === 'html' && isBuildOnlyHtml(node.value))
    .map((node) => [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0] as const);
  let kept = '';
  let from = 0;
  for (const [start, end] of cuts) {
    kept += body.slice(from, start);
    from = end;
  }
  kept += body.slice(from);
  const cleaned = kept.replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '\n');
  return headLines > 0 ? `${head}\n${cleaned.replace(/^\n+/, '\n')}` : cleaned.replace(/^\n+/, '');
}

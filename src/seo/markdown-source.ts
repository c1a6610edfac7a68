import { isBuildOnlyHtml } from '../markdown/remark-mkdocs-cleanup.ts';
import { frontmatterEndLine } from '../model/split-frontmatter.ts';

/**
 * An article's Markdown as its author wrote it, for readers that prefer Markdown (`/topic/slug.md`),
 * without what only the build reads: the `<!-- more -->` marker and hand-written JSON-LD
 * (the page carries generated structured data). The frontmatter and everything else stay as they are.
 */
export function cleanMarkdownSource(source: string): string {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const headLines = Math.max(0, frontmatterEndLine(text));
  const head = lines.slice(0, headLines).join('\n');
  const body = lines.slice(headLines).join('\n');

  const kept = dropBuildOnlyBlocks(body);
  const cleaned = kept.replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '\n');
  return headLines > 0 ? `${head}\n${cleaned.replace(/^\n+/, '\n')}` : cleaned.replace(/^\n+/, '');
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** CommonMark HTML blocks of kinds 1 and 2, the kinds build-only markup is: `<script …>` and `<!-- … -->`. */
const HTML_BLOCKS = [
  { start: /^ {0,3}<script(?:\s|>|$)/i, end: /<\/script>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
];

/**
 * Drops the top-level HTML blocks the renderer drops (remark-mkdocs-cleanup), found line by
 * line as CommonMark finds them (outside fenced code, indented at most three spaces), which
 * is much faster than parsing each article again.
 */
function dropBuildOnlyBlocks(body: string): string {
  const lines = body.split('\n');
  const kept: string[] = [];
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
      kept.push(line);
      continue;
    }
    if (marker) {
      fence = marker;
      kept.push(line);
      continue;
    }
    const kind = HTML_BLOCKS.find((block) => block.start.test(line));
    if (!kind) {
      kept.push(line);
      continue;
    }
    let last = index;
    while (last < lines.length - 1 && !kind.end.test(lines[last]!)) last++;
    const block = lines.slice(index, last + 1);
    if (!isBuildOnlyHtml(block.join('\n'))) kept.push(...block);
    index = last;
  }
  return kept.join('\n');
}

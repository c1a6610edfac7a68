import type { DocumentFacts } from '../model/document-facts.ts';

/**
 * An article's Markdown as its author wrote it, for readers that prefer Markdown (`/topic/slug.md`),
 * without what only the build reads (the lines the document model marked: the `<!-- more -->`
 * marker and hand-written JSON-LD; the page carries generated structured data). Everything else
 * stays as it is.
 */
export function cleanMarkdownSource(text: string, buildOnly: DocumentFacts['buildOnly']): string {
  const dropped = new Set<number>();
  for (const { line, endLine } of buildOnly) for (let n = line; n <= endLine; n++) dropped.add(n);
  const kept = text.split('\n').filter((_, index) => !dropped.has(index + 1));
  return `${kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\s+$/, '')}\n`;
}

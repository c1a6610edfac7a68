import type { ContentDocument } from './load-document.ts';
import { resolveLink, type LinkIndex } from './resolve-link.ts';

/**
 * Which published page links to which: every link, image and definition of a page that reaches
 * another published page, by a relative `.md` path or a site path. The orphan check and each
 * page's "Linked from" read this one graph.
 */
export function buildLinkGraph(
  published: readonly ContentDocument[],
  index: LinkIndex,
): Map<ContentDocument, Set<ContentDocument>> {
  const graph = new Map<ContentDocument, Set<ContentDocument>>();
  const isPublished = new Set(published);
  for (const doc of published) {
    const targets = new Set<ContentDocument>();
    for (const link of doc.facts?.links ?? []) {
      const target = resolveLink(doc, link.url, index);
      if (target.kind === 'document' && target.document !== doc && isPublished.has(target.document))
        targets.add(target.document);
    }
    graph.set(doc, targets);
  }
  return graph;
}

/**
 * Inverts a graph of pages: for each page, the pages that link to it, sorted by title, then URL.
 * A page's links to itself are left out.
 */
export function backlinksOf<P extends { url: string; title: string }>(
  pages: readonly { page: P; linksTo: readonly P[] }[],
): Map<P, P[]> {
  const incoming = new Map<P, Set<P>>();
  for (const { page, linksTo } of pages) {
    for (const target of linksTo) {
      if (target === page) continue;
      const sources = incoming.get(target) ?? new Set<P>();
      sources.add(page);
      incoming.set(target, sources);
    }
  }
  return new Map(
    [...incoming].map(([target, sources]) => [
      target,
      [...sources].sort((a, b) => a.title.localeCompare(b.title) || a.url.localeCompare(b.url)),
    ]),
  );
}

import { frontmatterSchema } from './frontmatter.ts';
import type { ContentDocument } from './load-document.ts';
import { siteUrlOfLink } from './links.ts';
import { resolveLink, type LinkIndex } from './resolve-link.ts';
import type { CodeNote, SiteEntry } from './site-model.ts';

/**
 * The site entry of a loaded document with valid frontmatter: its facts as the pages need them,
 * the pages it links to (from the link graph), and what the build says under each code block.
 */
export function toSiteEntry(
  doc: ContentDocument & { title: string },
  options: {
    linksTo: Iterable<ContentDocument>;
    index: LinkIndex;
    base: string;
    codeNotes: (CodeNote | undefined)[];
  },
): SiteEntry {
  const facts = doc.facts;
  return {
    id: doc.route.id,
    // Without valid frontmatter (its rule relaxed), the page is published as MkDocs publishes it.
    data: doc.data ?? frontmatterSchema.parse({}),
    title: doc.title,
    heading: facts?.h1?.leads ? facts.h1.text : undefined,
    inShort: facts?.inShort?.text,
    titleId: facts?.h1?.leads ? facts.h1.id : undefined,
    // The body's own headings: the layout shows the title and "See also" itself.
    headings: (facts?.headings ?? [])
      .filter((heading) => !(facts?.h1?.leads && heading.line === facts.h1.line))
      .filter((heading) => heading.line !== facts?.seeAlso?.line)
      .map(({ depth, id, text }) => ({ depth, id, text })),
    seeAlsoId: facts?.seeAlso?.id,
    linksTo: [...options.linksTo].map((target) => target.route.id).sort(),
    seeAlso: (facts?.seeAlso?.items ?? []).map((item) => {
      const target = resolveLink(doc, item.url, options.index);
      return {
        ...item,
        href: siteUrlOfLink(item.url, doc.file, options.base) ?? item.url,
        target: target.kind === 'document' ? target.document.route.id : undefined,
      };
    }),
    bodyKey: doc.bodyKey,
    buildOnly: facts?.buildOnly ?? [],
    codeNotes: options.codeNotes,
    needs: facts?.needs ?? { math: false, diagrams: false },
  };
}

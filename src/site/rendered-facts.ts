import type { SeeAlsoItem } from '../model/link-graph.ts';

/** What the remark plugins record about a body while rendering it, read back from Astro's frontmatter. */
export interface RenderedFacts {
  inShort: string | undefined;
  links: string[];
  seeAlso: SeeAlsoItem[];
}

/** Reads the short answer, link targets and "See also" items from an entry's rendered frontmatter. */
export function renderedFacts(frontmatter: unknown): RenderedFacts {
  const record = isRecord(frontmatter) ? frontmatter : {};
  const { inShort, links, seeAlso } = record;
  return {
    inShort: typeof inShort === 'string' ? inShort : undefined,
    links: Array.isArray(links) ? links.filter((link): link is string => typeof link === 'string') : [],
    seeAlso: Array.isArray(seeAlso) ? seeAlso.filter(isSeeAlsoItem) : [],
  };
}

function isSeeAlsoItem(value: unknown): value is SeeAlsoItem {
  return (
    isRecord(value) &&
    typeof value['url'] === 'string' &&
    typeof value['text'] === 'string' &&
    typeof value['before'] === 'string' &&
    typeof value['after'] === 'string'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

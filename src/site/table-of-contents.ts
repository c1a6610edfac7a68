/** A heading of the page, as the document model knows it. */
export interface HeadingInfo {
  depth: number;
  id: string;
  text: string;
}

/** One line of the table of contents, with its subsections. */
export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/** Sections an article needs before a table of contents helps more than it clutters. */
export const TOC_MIN_SECTIONS = 3;

/**
 * The table of contents of an article: its sections (H2) with their subsections (H3),
 * then `trailing` sections the layout adds (See also…). Empty when the article's own
 * sections are fewer than `minSections`.
 */
export function tableOfContents(
  headings: readonly HeadingInfo[],
  options: { trailing?: readonly Omit<TocEntry, 'children'>[]; minSections?: number } = {},
): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const heading of headings) {
    if (heading.depth === 2) entries.push({ slug: heading.id, text: heading.text, children: [] });
    else if (heading.depth === 3 && entries.length > 0)
      entries.at(-1)!.children.push({ slug: heading.id, text: heading.text, children: [] });
  }
  if (entries.length < (options.minSections ?? TOC_MIN_SECTIONS)) return [];
  return [...entries, ...(options.trailing ?? []).map((entry) => ({ ...entry, children: [] }))];
}

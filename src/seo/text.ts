/** Search engines show about this many characters of a title before cutting it. */
export const TITLE_BUDGET = 60;

/** A question longer than this is cut in the `<title>` (it stays whole on the page and in structured data). */
export const TITLE_MAX = 70;

/** Search engines show about this many characters of a description. */
export const DESCRIPTION_BUDGET = 155;

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters on a word boundary, ending with `…` when it cut;
 * whitespace is collapsed first and trailing punctuation before the ellipsis dropped.
 */
export function cutOnWordBoundary(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - ELLIPSIS.length + 1);
  const lastSpace = room.lastIndexOf(' ');
  // A single word longer than the budget is cut inside it rather than dropped.
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room.slice(0, max - ELLIPSIS.length);
  return `${cut.replace(/[\s,;:.!?\-–—]+$/, '')}${ELLIPSIS}`;
}

/**
 * The `<title>` of a page: `Question · Site name`. A title that would run past what search
 * results show drops the site name (the question matters more); a very long question is then cut.
 */
export function documentTitle(
  pageTitle: string,
  siteName: string,
  options: { isHome?: boolean } = {},
): string {
  const title = pageTitle.replace(/\s+/g, ' ').trim();
  if (options.isHome || title === siteName) return title;
  const full = `${title} · ${siteName}`;
  if (full.length <= TITLE_BUDGET) return full;
  return cutOnWordBoundary(title, TITLE_MAX);
}

/** The meta description: the author's `description`, else the short answer cut to what search results show. */
export function metaDescription(description: string | undefined, inShort: string | undefined): string {
  const written = description?.replace(/\s+/g, ' ').trim();
  if (written) return written;
  return cutOnWordBoundary(inShort ?? '', DESCRIPTION_BUDGET);
}

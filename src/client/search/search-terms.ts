import { HIGHLIGHT_PARAM } from '../../core/site-paths.ts';

/** Words too common to be worth marking on the page a result opens. */
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how i in is it my of on or the to what when why with you'.split(
    ' ',
  ),
);

/** The words of a query worth marking: lower-cased, without stop words, single letters or repeats. */
export function highlightTerms(query: string): string[] {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}_$]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
  return [...new Set(words)];
}

/** A result's URL with the query's words as `?highlight=` parameters, for marking them on arrival. */
export function withHighlight(url: string, query: string): string {
  const terms = highlightTerms(query);
  if (terms.length === 0) return url;
  const parsed = new URL(url, 'http://relative.invalid');
  for (const term of terms) parsed.searchParams.append(HIGHLIGHT_PARAM, term);
  return parsed.origin === 'http://relative.invalid'
    ? `${parsed.pathname}${parsed.search}${parsed.hash}`
    : parsed.href;
}

/** The words to mark, from a page's query string (`?highlight=a&highlight=b`). */
export function termsFromSearch(search: string): string[] {
  const params = new URLSearchParams(search);
  return highlightTerms(params.getAll(HIGHLIGHT_PARAM).join(' '));
}

/** The words of a missing page's path, to search for on the 404 page: `/py/how-to-sleep.html` → `py how to sleep`. */
export function queryFromPath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A stray `%` keeps the path as it is.
  }
  return decoded
    .replace(/\.(html?|md|php|aspx?)$/i, '')
    .replace(/\/index$/i, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

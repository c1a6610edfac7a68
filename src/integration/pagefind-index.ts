import * as pagefind from 'pagefind';

/**
 * Chrome that the Markdown renderer puts inside the article's content: code captions, copy
 * buttons, the line that says where an example was verified, and the short answer's
 * "In short" label. The layout marks its own chrome with `data-pagefind-ignore`; these come
 * from remark plugins that know nothing of search.
 */
export const IGNORED_IN_CONTENT = [
  'figcaption',
  '.kb-copy-button',
  '.kb-verification',
  '.kb-in-short > .admonition-title',
];

/** Raised when pagefind cannot build or write the index; `cause` keeps pagefind's own error. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** A new, empty index in pagefind's service, configured as every index of the site is. */
export async function openPagefindIndex(): Promise<pagefind.PagefindIndex> {
  const created = await pagefind.createIndex({ excludeSelectors: IGNORED_IN_CONTENT });
  if (!created.index || created.errors.length > 0) throw failure('could not start indexing', created.errors);
  return created.index;
}

/** Whether pagefind indexes a page: once any page marks its body, only the pages that do. */
export function marksBody(html: string): boolean {
  return html.includes('data-pagefind-body');
}

/** The error for what pagefind could not do, with each of its own messages on a line. */
export function failure(what: string, errors: readonly string[]): SearchIndexError {
  return new SearchIndexError(`Search index: pagefind ${what}:\n${errors.map((e) => `  ${e}`).join('\n')}`);
}

/** The folder of the built site that holds pagefind's index and its `pagefind.js`. */
export const SEARCH_INDEX_DIR = 'pagefind';

/** The URL path the browser loads the index from. */
export const SEARCH_INDEX_URL = `/${SEARCH_INDEX_DIR}/`;

/** The search page; `?q=` carries the query (the home page's SearchAction points here). */
export const SEARCH_PAGE_URL = '/search/';

/** The query parameter that carries the words to mark on the page a result opens. */
export const HIGHLIGHT_PARAM = 'highlight';

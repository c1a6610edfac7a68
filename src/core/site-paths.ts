/** The RSS feed's site path. */
export const FEED_PATH = '/feed.xml';

/** The sitemap's site path. */
export const SITEMAP_PATH = '/sitemap.xml';

/** The site path of the summary for language models. */
export const LLMS_TXT_PATH = '/llms.txt';

/** The search page, which reads its query from `?q=` (the home page's SearchAction points here). */
export const SEARCH_PATH = '/search/';

/** The folder of the built site that holds pagefind's index and its `pagefind.js`. */
export const SEARCH_INDEX_DIR = 'pagefind';

/** The URL path the browser loads the index from. */
export const SEARCH_INDEX_URL = `/${SEARCH_INDEX_DIR}/`;

/** The query parameter that carries the words to mark on the page a result opens. */
export const HIGHLIGHT_PARAM = 'highlight';

/** Social cards are PNG images of this size, the one Open Graph and X (Twitter) display best. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/**
 * The href of a site path, the one place a path as files name it (`/t/hash#tag/`, `/t/café/`)
 * becomes a URL (`/t/hash%23tag/`, `/t/caf%C3%A9/`): each segment percent-encoded as MkDocs
 * encodes a page's URL (Python's `quote`: all but letters, digits and `_.-~`), so that `#`, `?`,
 * `%`, spaces and any script are safe, and a migrated page keeps its address; under `base`, the
 * path the site is served from (`/kb/`, already a URL). Pages, links, canonical URLs, the
 * sitemap, the feed, `llms.txt` and the search index all write this.
 */
export function hrefOf(sitePath: string, base: string): string {
  return base.replace(/\/+$/, '') + sitePath.split('/').map(encodeSegment).join('/');
}

/**
 * The absolute URL of a site path (`/a/b/`, as files name it) on the site served at `siteUrl`
 * (`https://example.org`, or with its path, `https://example.org/kb`).
 */
export function absoluteUrl(siteUrl: string, sitePath: string): string {
  return new URL(hrefOf(sitePath, '/').slice(1), `${siteUrl.replace(/\/+$/, '')}/`).href;
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Where an article's Markdown source is published: `/topic/slug/` → `/topic/slug.md`. */
export function markdownPathFor(pageUrl: string): string {
  return `${pageUrl.replace(/\/+$/, '')}.md`;
}

/** Where a page's social card is published: `/topic/slug/` → `/og/topic/slug.png`, `/` → `/og/index.png`. */
export function socialCardPathFor(pageUrl: string): string {
  const trimmed = pageUrl.replace(/^\/+|\/+$/g, '');
  return `/og/${trimmed || 'index'}.png`;
}

/**
 * Where the site serves Mermaid's own prebuilt browser build, which pages with diagrams load:
 * copied as it ships, so that no build bundles its six megabytes of JavaScript again.
 */
export const DIAGRAM_LIBRARY_DIR = '_kb/mermaid';

/** The module a page with diagrams imports, under the site's base path. */
export const DIAGRAM_LIBRARY_ENTRY = `${DIAGRAM_LIBRARY_DIR}/mermaid.esm.min.mjs`;

/**
 * Where a build keeps its page tap. The middleware that calls it (page-tap-middleware.ts) runs in
 * Astro's page bundle, a module instance of its own: the global symbol is what both share.
 */
const PAGE_TAP = Symbol.for('proven-kb.page-tap');

/**
 * Told of each page as Astro starts rendering it, in that order: its URL's path and its route's
 * pattern (`/404`). Returns what to call once the page is rendered, with its HTML as Astro writes
 * it, or `undefined` when the response is not an HTML page (a redirect, an endpoint, a failure).
 */
export type PageTap = (pathname: string, routePattern: string) => (html: string | undefined) => void;

/** Sets the tap the middleware calls, or removes it. */
export function setPageTap(tap: PageTap | undefined): void {
  (globalThis as Record<symbol, unknown>)[PAGE_TAP] = tap;
}

/** The tap the build set, if any: none in the dev server. */
export function pageTap(): PageTap | undefined {
  return (globalThis as Record<symbol, PageTap | undefined>)[PAGE_TAP];
}

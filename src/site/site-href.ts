import { hrefOf } from '../core/site-paths.ts';

/** A site path (`/search/`) as a link from a page: under the path Astro serves the site from (`/kb/`). */
export function siteHref(sitePath: string): string {
  return hrefOf(sitePath, import.meta.env.BASE_URL);
}

/** The site path of an address Astro serves (`/kb/search/` → `/search/`): the base taken off. */
export function sitePathOfServed(pathname: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}

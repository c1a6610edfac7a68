import { absoluteUrl, SITEMAP_PATH } from '../core/site-paths.ts';

/**
 * The default `robots.txt`: every crawler may read everything, and the sitemap is named.
 * A `robots.txt` in the content folder replaces it (content files are copied after the build).
 */
export function renderRobotsTxt(siteUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(siteUrl, SITEMAP_PATH)}`, ''].join('\n');
}

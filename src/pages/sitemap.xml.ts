import type { APIRoute } from 'astro';
import { siteSettings } from '../site/settings.ts';
import { loadSiteModel } from '../site/site-data.ts';
import { seoSite } from '../seo/page-seo.ts';
import { renderSitemap, sitemapEntries } from '../seo/sitemap.ts';

/** `/sitemap.xml`: every published page with its last change. */
export const GET: APIRoute = async ({ url }) => {
  const site = seoSite(siteSettings(), url.origin);
  const body = renderSitemap(site.url, sitemapEntries(await loadSiteModel()));
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};

import type { APIRoute } from 'astro';
import { site } from 'virtual:proven-kb/site';
import { seoSite } from '../seo/page-seo.ts';
import { renderSitemap, sitemapEntries } from '../seo/sitemap.ts';

/** `/sitemap.xml`: every published page with its last change. */
export const GET: APIRoute = async ({ url }) => {
  const { url: siteUrl } = seoSite(site.settings, url.origin);
  const body = renderSitemap(siteUrl, sitemapEntries(await site.model()));
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};

import type { APIRoute } from 'astro';
import { siteSettings } from '../site/settings.ts';
import { loadSiteModel } from '../site/site-data.ts';
import { renderFeed } from '../seo/feed.ts';
import { seoSite } from '../seo/page-seo.ts';

/** `/feed.xml`: RSS 2.0 of the newest articles. */
export const GET: APIRoute = async ({ url }) => {
  const settings = siteSettings();
  const site = seoSite(settings, url.origin);
  const body = renderFeed(await loadSiteModel(), {
    siteUrl: site.url,
    name: settings.name,
    description: settings.description,
    language: settings.language,
    author: settings.author,
    size: settings.feedSize,
  });
  return new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};

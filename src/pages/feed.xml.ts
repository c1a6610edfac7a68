import type { APIRoute } from 'astro';
import { site } from 'virtual:proven-kb/site';
import { renderFeed } from '../seo/feed.ts';
import { seoSite } from '../seo/page-seo.ts';

/** `/feed.xml`: RSS 2.0 of the newest articles. */
export const GET: APIRoute = async ({ url }) => {
  const { settings } = site;
  const body = renderFeed(await site.model(), {
    siteUrl: seoSite(settings, url.origin).url,
    name: settings.name,
    description: settings.description,
    language: settings.language,
    author: settings.author,
    size: settings.feedSize,
  });
  return new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};

import type { APIRoute } from 'astro';
import { site } from 'virtual:proven-kb/site';
import { seoSite } from '../seo/page-seo.ts';
import { renderRobotsTxt } from '../seo/robots-txt.ts';

/** `/robots.txt`, naming the sitemap; a `robots.txt` in the content folder replaces it. */
export const GET: APIRoute = ({ url }) =>
  new Response(renderRobotsTxt(seoSite(site.settings, url.origin).url), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });

import type { APIRoute } from 'astro';
import { site } from 'virtual:proven-kb/site';
import { renderLlmsTxt } from '../seo/llms-txt.ts';
import { seoSite } from '../seo/page-seo.ts';

/** `/llms.txt`: the site summarised for language models, linking each article's Markdown. */
export const GET: APIRoute = async ({ url }) => {
  const { settings } = site;
  const body = renderLlmsTxt(await site.model(), {
    siteUrl: seoSite(settings, url.origin).url,
    name: settings.name,
    description: settings.description,
    language: settings.language,
  });
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};

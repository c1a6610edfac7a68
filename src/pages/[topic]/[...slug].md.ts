import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteSettings } from '../../site/settings.ts';
import { loadSiteModel } from '../../site/site-data.ts';
import { cleanMarkdownSource } from '../../seo/markdown-source.ts';
import { isIndexable } from '../../seo/sitemap.ts';

// A build writes these files itself, in parallel, after the pages (src/integration/page-files.ts);
// this route serves them in `astro dev`.
export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const site = await loadSiteModel();
  return [...site.articles.values()]
    .filter(({ article }) => isIndexable(article))
    .map(({ article, topic }) => ({
      params: { topic: topic.name, slug: article.entryId.slice(topic.name.length + 1) },
      props: { file: article.file },
    }));
}) satisfies GetStaticPaths;

/** `/<topic>/<slug>.md`: the article's Markdown, without the parts only the build reads. */
export const GET: APIRoute<{ file: string }> = async ({ props }) => {
  const source = await readFile(path.join(siteSettings().contentDir, props.file), 'utf8');
  return new Response(cleanMarkdownSource(source), {
    headers: { 'content-type': 'text/markdown; charset=utf-8' },
  });
};

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from 'virtual:proven-kb/site';
import { slugInTopic } from '../../model/routes.ts';
import { cleanMarkdownSource } from '../../seo/markdown-source.ts';
import { isIndexable } from '../../seo/sitemap.ts';

// A build writes these files itself, in parallel, after the pages (src/integration/page-files.ts);
// this route serves them in `astro dev`.
export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const model = await site.model();
  return [...model.articles.values()]
    .filter(({ article }) => isIndexable(article))
    .map(({ article, topic }) => ({
      params: { topic: topic.name, slug: slugInTopic(article) },
      props: { file: article.file, buildOnly: article.entry.buildOnly },
    }));
}) satisfies GetStaticPaths;

/** `/<topic>/<slug>.md`: the article's Markdown, without the parts only the build reads. */
export const GET: APIRoute<{ file: string; buildOnly: { line: number; endLine: number }[] }> = async ({
  props,
}) => {
  const source = await readFile(path.join(site.settings.contentDir, props.file), 'utf8');
  // As the loader reads it: line endings normalised, so that the lines are the facts' lines.
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return new Response(cleanMarkdownSource(text, props.buildOnly), {
    headers: { 'content-type': 'text/markdown; charset=utf-8' },
  });
};

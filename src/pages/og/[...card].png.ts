import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from 'virtual:proven-kb/site';
import { cacheRoot } from '../../core/cache-store.ts';
import { createCardRenderer, type CardRenderer, type SocialCard } from '../../seo/social-card.ts';
import { socialCards } from '../../seo/social-cards.ts';

// A build writes the cards itself, in parallel, after the pages (src/integration/page-files.ts);
// this route serves them in `astro dev`.
export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  // One renderer for the dev server: it reads the fonts once and caches cards by content. It draws
  // in this thread, one card per request, so there are no workers to end when the server stops.
  const renderer = createCardRenderer({
    root: process.cwd(),
    cacheDir: cacheRoot(process.cwd(), process.env),
    threads: 0,
  });
  return socialCards(await site.model(), site.settings).map(({ path, card }) => ({
    params: { card: path.replace(/^\/og\//, '').replace(/\.png$/, '') },
    props: { card, renderer },
  }));
}) satisfies GetStaticPaths;

/** `/og/<page>.png`: the page's social card, 1200×630. */
export const GET: APIRoute<{ card: SocialCard; renderer: CardRenderer }> = async ({ props }) => {
  const { png } = await props.renderer.render(props.card);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};

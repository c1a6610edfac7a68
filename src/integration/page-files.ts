import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { SiteSettings } from '../settings/settings.ts';
import type { SiteModel } from '../model/site-model.ts';
import { cleanMarkdownSource } from '../seo/markdown-source.ts';
import { markdownPathFor } from '../core/site-paths.ts';
import { createCardRenderer, defaultCardThreads, type CardRenderer } from '../seo/social-card.ts';
import { socialCards } from '../seo/social-cards.ts';
import { isIndexable } from '../seo/sitemap.ts';

/** What `writePageFiles` wrote, for the build log. */
export interface PageFilesSummary {
  markdown: number;
  cards: number;
  /** Cards drawn in this build (the others were copied from the card cache). */
  drawn: number;
}

/** Files in flight at once: enough to keep the disk busy, few enough to stay far below the open-files limit. */
const PARALLEL_WRITES = 32;

/** Social cards being drawn while Astro renders the pages; `writePageFiles` then finds them in the card cache. */
export interface CardsAhead {
  renderer: CardRenderer;
  /** Settles, with how many cards were drawn rather than found in the cache, once every card is done. */
  drawn: Promise<number>;
}

/**
 * Starts drawing the site's social cards into the card cache, in worker threads, as soon as the
 * site model is known: the cards need nothing of the pages, and while Astro renders them on one
 * core the other would otherwise idle. A card that fails here is drawn again by `writePageFiles`,
 * which reports the failure.
 */
export function drawCardsAhead(options: {
  model: SiteModel;
  settings: SiteSettings;
  root: string;
  cacheDir: string;
}): CardsAhead {
  const renderer = createCardRenderer({
    root: options.root,
    cacheDir: options.cacheDir,
    threads: defaultCardThreads(),
  });
  const limit = pLimit(PARALLEL_WRITES);
  // Only whether each card was drawn is kept: holding every card's PNG until the last one is
  // done kept all of them (470 MB for 10,000 cards) alive through the search indexing.
  const drawn = Promise.allSettled(
    socialCards(options.model, options.settings).map(({ card }) =>
      limit(async () => !(await renderer.render(card)).cached),
    ),
  ).then((outcomes) =>
    outcomes.reduce((count, outcome) => count + (outcome.status === 'fulfilled' && outcome.value ? 1 : 0), 0),
  );
  return { renderer, drawn };
}

/**
 * Writes the files every page has beside its HTML: each published article's Markdown source
 * (`/topic/slug.md`) and each page's social card (`/og/topic/slug.png`). Done in one parallel
 * pass after the pages, rather than as Astro routes, which a build renders one at a time.
 */
export async function writePageFiles(options: {
  model: SiteModel;
  settings: SiteSettings;
  root: string;
  outDir: string;
  /** The one cache folder, where cards are kept between builds. */
  cacheDir: string;
  /** A content file's text as the build already read it (`topic/slug.md` → its Markdown); read from disk otherwise. */
  textOf?: (file: string) => string | undefined;
  /** The cards `drawCardsAhead` started, if it did. */
  cardsAhead?: CardsAhead | undefined;
}): Promise<PageFilesSummary> {
  const { model, settings, root, outDir } = options;
  const limit = pLimit(PARALLEL_WRITES);
  // Folders made and files written synchronously: they are small (core/write-file-atomic.ts says why).
  const folders = new Set<string>();
  const prepare = (sitePath: string) => {
    const file = path.join(outDir, ...sitePath.split('/'));
    const folder = path.dirname(file);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    return file;
  };

  const articles = [...model.articles.values()].map(({ article }) => article).filter(isIndexable);
  const markdown = articles.map((article) =>
    limit(async () => {
      const source =
        options.textOf?.(article.file) ??
        (await readFile(path.join(settings.contentDir, article.file), 'utf8'));
      writeFileSync(
        prepare(markdownPathFor(article.url)),
        cleanMarkdownSource(source, article.entry.buildOnly),
      );
    }),
  );

  // One renderer for the whole build: it caches cards by content and draws the others in a worker
  // thread per core, each of which loads the fonts once. Cards drawn ahead are in its cache.
  const renderer =
    options.cardsAhead?.renderer ??
    createCardRenderer({ root, cacheDir: options.cacheDir, threads: defaultCardThreads() });
  const drawnAhead = (await options.cardsAhead?.drawn) ?? 0;
  const cards = socialCards(model, settings).map(({ path: sitePath, card }) =>
    limit(async () => renderer.writeTo(card, prepare(sitePath))),
  );
  // Every write settles before the workers end, so a card still queued behind a failed one
  // neither meets a closed pool nor fails unobserved.
  const outcomes = await Promise.allSettled([...markdown, ...cards]);
  await renderer.close();
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  const drawn = outcomes
    .slice(markdown.length)
    .filter((outcome) => outcome.status === 'fulfilled' && !outcome.value);
  return { markdown: markdown.length, cards: cards.length, drawn: drawnAhead + drawn.length };
}

import { rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { openFileStore, type FileStore } from '../core/cache-store.ts';
import { hash, loadCardAssets, type CardAssets } from './card-assets.ts';
import type { SocialCard } from './card-layout.ts';

export type { SocialCard } from './card-layout.ts';

/** Renders social cards, reading a card from the cache when the same card was rendered before. */
export interface CardRenderer {
  render(card: SocialCard): Promise<{ png: Buffer; cached: boolean }>;
  /** Writes the card's PNG to `file`. Returns whether it was cached. */
  writeTo(card: SocialCard, file: string): Promise<boolean>;
  /** Ends the drawing threads, if any were started, and keeps the cache's index. */
  close(): Promise<void>;
}

/** Bump when the cards' format changes. */
const CARDS_VERSION = 1;

/**
 * How many threads a build draws cards in: one per core, up to eight. Each worker holds the fonts
 * and, between collections, the pixels of its last few dozen cards (about 100 MB in all), and
 * eight already draw a few thousand cards a second.
 */
export function defaultCardThreads(): number {
  return Math.min(availableParallelism(), 8);
}

/** Draws a card; `label` names it in errors. */
type DrawCard = (card: SocialCard, label: string) => Promise<Buffer>;

/**
 * Creates a renderer for one build. Each card is cached in the cache folder (`cards/`, by the
 * one cache convention) by a hash of everything that shapes it (its text, the template, the
 * fonts, the logo and the drawing library's version), so an unchanged card is not drawn again. Cards are drawn in `threads` worker threads, or in
 * this thread when `threads` is 0 (the dev server, which draws one card per request). The drawing
 * code is loaded only when a card must be drawn: a build whose cards are all cached never pays
 * for it.
 */
export function createCardRenderer(options: {
  root: string;
  cacheDir: string;
  threads: number;
}): CardRenderer {
  let assets: Promise<CardAssets> | undefined;
  let drawer: Promise<{ draw: DrawCard; close(): Promise<void> }> | undefined;
  const loadDrawer = async () => {
    const loaded = await (assets ??= loadCardAssets(options.root));
    if (options.threads > 0) {
      const { createCardPool } = await import('./card-pool.ts');
      return createCardPool({ assets: loaded, size: options.threads });
    }
    const { createCardPainter } = await import('./draw-card.ts');
    const painter = await createCardPainter(loaded);
    return {
      draw: async (card: SocialCard, label: string) => {
        try {
          return painter.paint(card);
        } catch (error) {
          throw new Error(`Could not draw the social card ${label}: ${(error as Error).message}`, {
            cause: error,
          });
        }
      },
      close: async () => {},
    };
  };

  let store: Promise<FileStore> | undefined;
  const cards = () =>
    (store ??= openFileStore({ dir: options.cacheDir, name: 'cards', version: CARDS_VERSION }));
  const keyOf = async (card: SocialCard) => {
    const { fingerprint } = await (assets ??= loadCardAssets(options.root));
    return hash(JSON.stringify({ fingerprint, card }));
  };
  const render = async (card: SocialCard, key: string, label: string) => {
    const cached = await (await cards()).read(key);
    if (cached) return { png: cached, cached: true };
    const png = await (await (drawer ??= loadDrawer())).draw(card, label);
    await (await cards()).write(key, png);
    return { png, cached: false };
  };

  return {
    render: async (card) => render(card, await keyOf(card), JSON.stringify(card.title)),
    async writeTo(card, destination) {
      // The cached file itself, linked: a card is written once, into the cache. One this run
      // drew or checked already is not read again.
      const store = await cards();
      const key = await keyOf(card);
      if ((await store.has(key)) && (await store.link(key, destination))) return true;
      const { png, cached } = await render(card, key, destination);
      if (await store.link(key, destination)) return cached;
      // Not over a file that is there already: it may be linked to a cached card.
      await rm(destination, { force: true });
      await writeFile(destination, png);
      return cached;
    },
    async close() {
      if (store) await (await store).save();
      const started = drawer;
      drawer = undefined;
      // A drawer that failed to start has nothing to close; its error reached the cards already.
      if (started)
        await started.then(
          (loaded) => loaded.close(),
          () => undefined,
        );
    },
  };
}

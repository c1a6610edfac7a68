import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../core/write-file-atomic.ts';
import { hash, loadCardAssets, type CardAssets } from './card-assets.ts';
import type { SocialCard } from './card-layout.ts';

export type { SocialCard } from './card-layout.ts';

/** Renders social cards, reading a card from the cache when the same card was rendered before. */
export interface CardRenderer {
  render(card: SocialCard): Promise<{ png: Buffer; cached: boolean }>;
  /** Writes the card's PNG to `file`; a cached card is copied, not read into memory. Returns whether it was cached. */
  writeTo(card: SocialCard, file: string): Promise<boolean>;
  /** Ends the drawing threads, if any were started. */
  close(): Promise<void>;
}

/** Where the cards are cached between builds, under the project's `node_modules/.cache`. */
export function defaultCardCacheDir(root: string): string {
  return path.join(root, 'node_modules/.cache/kb-social-cards');
}

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
 * Creates a renderer for one build. Each card is cached under `cacheDir` by a hash of everything
 * that shapes it (its text, the template, the fonts, the logo and the drawing library's version),
 * so an unchanged card is copied, not drawn. Cards are drawn in `threads` worker threads, or in
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

  const cacheFileOf = async (card: SocialCard) => {
    const { fingerprint } = await (assets ??= loadCardAssets(options.root));
    return path.join(options.cacheDir, `${hash(JSON.stringify({ fingerprint, card }))}.png`);
  };
  const draw = async (card: SocialCard, cacheFile: string, label: string) => {
    const png = await (await (drawer ??= loadDrawer())).draw(card, label);
    await writeFileAtomic(cacheFile, png);
    return png;
  };

  return {
    async render(card) {
      const file = await cacheFileOf(card);
      const cached = await readFile(file).catch(() => undefined);
      if (cached) return { png: cached, cached: true };
      return { png: await draw(card, file, JSON.stringify(card.title)), cached: false };
    },
    async writeTo(card, destination) {
      const file = await cacheFileOf(card);
      try {
        await copyFile(file, destination);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      await writeFile(destination, await draw(card, file, destination));
      return false;
    },
    async close() {
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

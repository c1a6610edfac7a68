import { createWorkerPool } from '../core/worker-pool.ts';
import type { CardAssets } from './card-assets.ts';
import type { SocialCard } from './card-layout.ts';

/** Draws cards in worker threads. */
export interface CardPool {
  /** The card as a PNG. A failure names `label` (the card's path). */
  draw(card: SocialCard, label: string): Promise<Buffer>;
  /** Ends the workers; cards asked for afterwards start new ones. */
  close(): Promise<void>;
}

/**
 * Cards each worker holds at once. One: the canvas library hands each card's pixels (3 MB) to
 * JavaScript in memory that the garbage collector does not count, and a worker kept busy
 * without a pause frees it too late; with two cards queued, 1,000 cards held 1–3 GB, with one,
 * under 500 MB (`bench/card-phase.ts` reports it). Handing over the next card costs less than a
 * tenth of a millisecond.
 */
const CARDS_PER_WORKER = 1;

/**
 * A pool of `size` worker threads that paint cards (card-worker.ts). Canvas drawing and PNG
 * encoding are synchronous, so on one thread they take turns however many run "in parallel";
 * in workers they use every core. Workers start on the first card (a build whose cards are all
 * cached starts none), each loads the fonts once, and they keep the process alive only while
 * they have cards to draw.
 */
export function createCardPool(options: {
  assets: Pick<CardAssets, 'fonts' | 'logo'>;
  size: number;
}): CardPool {
  const pool = createWorkerPool<SocialCard, Uint8Array>({
    script: new URL('./card-worker.ts', import.meta.url),
    workerData: options.assets,
    size: options.size,
    tasksPerWorker: CARDS_PER_WORKER,
    describe: (label) => `Could not draw the social card ${label}`,
  });
  return {
    async draw(card, label) {
      const png = await pool.run(card, label);
      return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    },
    close: () => pool.close(),
  };
}

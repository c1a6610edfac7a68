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
 * Cards each worker holds at once: while it draws one, the next is already there, so it never
 * waits for the main thread, which is busy rendering pages, to hand it over. The worker lets the
 * event loop turn before each card, which frees the pixels of the one before (card-worker.ts).
 */
const CARDS_PER_WORKER = 3;

/**
 * How long the canvas library's allocator (mimalloc, linked into it) keeps memory it freed before
 * returning it to the system, in milliseconds; mimalloc's own default is 10. V8 frees the cards'
 * pixels (3 MB each) in batches, at its collections, so by the next cards that memory had gone
 * back, and they drew on fresh pages the kernel had to zero first: 5-10 % of a card's processor
 * time. A second keeps it for the cards that follow, and still returns it once drawing stops.
 */
export const CARD_MEMORY_KEEP_MS = 1000;

/**
 * The size of each card thread's young generation, in megabytes (V8 lets it grow to 192 here). A
 * card leaves little garbage on the heap (its text, its layout; the pixels are outside it), which
 * a young generation this small collects while it is still in the processor's cache: the bench's
 * card phase took 2.67 ms of processor time a card against 2.81 ms. Parsing is the other
 * way round (a small young generation made it slower), so the parse threads keep the default.
 */
export const CARD_YOUNG_GENERATION_MB = 3;

/**
 * How far each card thread lowers its scheduling priority (its niceness, on Linux). The pages, and
 * pagefind indexing them, go first whenever they want a core, and the cards take what is left:
 * so the cards still drawing when the pages are done fill the other core while pagefind writes
 * the index, rather than that core idling while the cards hold up the index.
 */
export const CARD_PRIORITY_STEPS = 10;

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
  // mimalloc reads its options from the process's environment once, when a worker first loads
  // the library; examples run with an environment of their own. A value the user set stays.
  process.env.MIMALLOC_PURGE_DELAY ??= String(CARD_MEMORY_KEEP_MS);
  const pool = createWorkerPool<SocialCard, Uint8Array>({
    script: new URL('./card-worker.ts', import.meta.url),
    workerData: options.assets,
    size: options.size,
    tasksPerWorker: CARDS_PER_WORKER,
    describe: (label) => `Could not draw the social card ${label}`,
    resourceLimits: { maxYoungGenerationSizeMb: CARD_YOUNG_GENERATION_MB },
  });
  return {
    async draw(card, label) {
      const png = await pool.run(card, label);
      return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    },
    close: () => pool.close(),
  };
}

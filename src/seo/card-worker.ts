// A worker thread of the card pool (card-pool.ts): loads the fonts and the logo once, then paints
// each card it is sent and posts the PNG back, its memory transferred rather than copied.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { workerData } from 'node:worker_threads';
import { lowerThreadPriority } from '../core/thread-priority.ts';
import { serveTasks } from '../core/worker-pool.ts';
import type { CardAssets } from './card-assets.ts';
import type { SocialCard } from './card-layout.ts';
import { createCardPainter } from './draw-card.ts';
import { CARD_PRIORITY_STEPS } from './card-pool.ts';

// The pages go first (card-pool.ts says why).
lowerThreadPriority(CARD_PRIORITY_STEPS);

// Made once; a font or the logo that fails to load fails every card with its reason.
const painter = createCardPainter(workerData as Pick<CardAssets, 'fonts' | 'logo'>);
// Awaited by each card; until the first arrives, its failure must not end the worker unreported.
painter.catch(() => undefined);

serveTasks<SocialCard, Uint8Array>(
  async (card) => {
    // The canvas library frees each card's pixels (3 MB) in a callback that runs only when the
    // event loop turns, not between tasks that arrive together; without a turn before each
    // card, a worker holding several would hold every card's pixels until it ran out of work.
    await nextTurn();
    // A fresh ArrayBuffer of exactly the PNG's length, so that transferring it moves no other data.
    return new Uint8Array((await painter).paint(card));
  },
  (png) => [png.buffer as ArrayBuffer],
);

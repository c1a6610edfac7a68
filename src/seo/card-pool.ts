import { Worker } from 'node:worker_threads';
import type { CardAssets } from './card-assets.ts';
import type { SocialCard } from './card-layout.ts';

/** A card sent to a worker. */
export interface CardRequest {
  id: number;
  card: SocialCard;
}

/** A worker's answer: the PNG, or why it could not draw the card. */
export type CardResponse =
  | { id: number; png: Uint8Array; error?: undefined }
  | { id: number; png?: undefined; error: { message: string; stack: string | undefined } };

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

interface Task {
  request: CardRequest;
  label: string;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  running: Map<number, Task>;
  /** Whether it has answered a card: a worker that dies before its first answer cannot start at all. */
  answered: boolean;
}

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
  const size = Math.max(1, Math.floor(options.size));
  const slots: Slot[] = [];
  const waiting: Task[] = [];
  let nextId = 0;

  const settle = (slot: Slot, response: CardResponse) => {
    const task = slot.running.get(response.id);
    if (!task) return;
    slot.running.delete(response.id);
    slot.answered = true;
    if (response.png) {
      task.resolve(Buffer.from(response.png.buffer, response.png.byteOffset, response.png.byteLength));
    } else {
      const cause = Object.assign(new Error(response.error!.message), { stack: response.error!.stack });
      task.reject(new Error(`Could not draw the social card ${task.label}: ${cause.message}`, { cause }));
    }
    dispatch();
  };

  // A worker that dies after drawing (a crash in the native library) fails the card it held, and
  // the next card starts a fresh worker. One that dies before its first answer (its code or the
  // canvas library failed to load) would fail the same way again: every waiting card fails with it.
  const fail = (slot: Slot, error: Error) => {
    slots.splice(slots.indexOf(slot), 1);
    const failed = [...slot.running.values(), ...(slot.answered ? [] : waiting.splice(0))];
    slot.running.clear();
    for (const task of failed) {
      task.reject(
        new Error(`Could not draw the social card ${task.label}: ${error.message}`, { cause: error }),
      );
    }
    dispatch();
  };

  const start = (): Slot => {
    const worker = new Worker(new URL('./card-worker.ts', import.meta.url), { workerData: options.assets });
    const slot: Slot = { worker, running: new Map(), answered: false };
    worker.on('message', (response: CardResponse) => settle(slot, response));
    worker.on('error', (error) => fail(slot, error));
    worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(slot, new Error(`the card worker stopped with exit code ${code}`));
    });
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    while (waiting.length > 0) {
      const idle = slots.find((slot) => slot.running.size === 0);
      const slot =
        idle ??
        (slots.length < size
          ? start()
          : slots.find((candidate) => candidate.running.size < CARDS_PER_WORKER));
      if (!slot) break;
      const task = waiting.shift()!;
      slot.running.set(task.request.id, task);
      slot.worker.postMessage(task.request);
    }
    // An idle worker must not keep the process running: a caller that forgets `close()` still exits.
    for (const slot of slots) {
      if (slot.running.size > 0) slot.worker.ref();
      else slot.worker.unref();
    }
  };

  return {
    draw(card, label) {
      return new Promise<Buffer>((resolve, reject) => {
        waiting.push({ request: { id: nextId++, card }, label, resolve, reject });
        dispatch();
      });
    },
    async close() {
      const closing = slots.splice(0);
      await Promise.all(closing.map(({ worker }) => worker.terminate()));
      for (const { running } of closing) {
        for (const task of running.values()) {
          task.reject(new Error(`Could not draw the social card ${task.label}: the card pool was closed`));
        }
      }
    },
  };
}

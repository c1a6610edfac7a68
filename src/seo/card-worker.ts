// A worker thread of the card pool (card-pool.ts): loads the fonts and the logo once, then paints
// each card it is sent and posts the PNG back, its memory transferred rather than copied.
import { parentPort, workerData } from 'node:worker_threads';
import type { CardAssets } from './card-assets.ts';
import type { CardRequest, CardResponse } from './card-pool.ts';
import { createCardPainter } from './draw-card.ts';

const port = parentPort!;
const painter = createCardPainter(workerData as Pick<CardAssets, 'fonts' | 'logo'>);

port.on('message', (request: CardRequest) => {
  painter
    .then(({ paint }) => {
      const png = paint(request.card);
      // A fresh ArrayBuffer of exactly the PNG's length, so that transferring it moves no other data.
      const bytes = new Uint8Array(png);
      port.postMessage({ id: request.id, png: bytes } satisfies CardResponse, [bytes.buffer]);
    })
    .catch((error: unknown) => {
      // The painter could not be made (a font or the logo failed to load), or this card failed.
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: request.id, error: { message, stack } } satisfies CardResponse);
    });
});

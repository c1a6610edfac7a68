// `node bench/card-png-levels.ts [--cards 40] [--runs 5]`: what each zlib setting costs and saves
// on real social cards, the figures behind `CARD_PNG_LEVEL` (src/seo/encode-png.ts).
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { constants, deflateSync } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { loadCardAssets } from '../src/seo/card-assets.ts';
import { createCardPainter } from '../src/seo/draw-card.ts';
import { CARD_SIZE } from '../src/core/site-paths.ts';
import { median } from './measure.ts';
import { benchCards } from './card-phase.ts';

const { values } = parseArgs({
  options: { cards: { type: 'string', default: '40' }, runs: { type: 'string', default: '5' } },
});
const [count, runs] = [Number(values.cards), Number(values.runs)];

// Real cards' pixels: painted, then decoded again, since the painter hands out only PNGs.
const painter = await createCardPainter(await loadCardAssets(process.cwd()));
const canvas = createCanvas(CARD_SIZE.width, CARD_SIZE.height);
const ctx = canvas.getContext('2d');
const rows: Buffer[] = [];
for (const card of benchCards(count)) {
  ctx.drawImage(await loadImage(painter.paint(card)), 0, 0);
  const rgba = canvas.data();
  const stride = CARD_SIZE.width * 4;
  const filtered = Buffer.alloc((stride + 1) * CARD_SIZE.height);
  for (let y = 0; y < CARD_SIZE.height; y++) {
    filtered.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  rows.push(filtered);
}

const settings = [
  ...[1, 2, 3, 4, 6, 9].map((level) => ({ level, strategy: 'default' as const })),
  { level: 1, strategy: 'rle' as const },
];
const [load1] = loadavg();
process.stdout.write(
  `${count} cards, RGBA rows unfiltered; median of ${runs} runs; one thread; load average ${load1!.toFixed(2)} on ${availableParallelism()} cores\n\n`,
);
process.stdout.write('level  strategy  ms per card  kB per card\n');
for (const { level, strategy } of settings) {
  const options = {
    level,
    strategy: strategy === 'rle' ? constants.Z_RLE : constants.Z_DEFAULT_STRATEGY,
  };
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    bytes = rows.reduce((total, raw) => total + deflateSync(raw, options).length, 0);
    times.push((performance.now() - started) / rows.length);
  }
  process.stdout.write(
    `${String(level).padStart(5)}  ${strategy.padEnd(8)}  ${median(times).toFixed(2).padStart(11)}  ${(bytes / rows.length / 1024).toFixed(1).padStart(11)}\n`,
  );
}

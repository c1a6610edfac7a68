import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build-site.ts';
import { CARD_COLOURS, type SocialCard } from '../../src/seo/card-layout.ts';
import { createCardRenderer, type CardRenderer } from '../../src/seo/social-card.ts';

const CARD = { eyebrow: 'Widgets', title: 'What is a widget? </script>', footer: 'Async Answers' };

/** Decodes a PNG with the canvas library's decoder (Skia's, not our encoder): its size and RGBA pixels. */
async function decode(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    pixels: canvas.getContext('2d').getImageData(0, 0, image.width, image.height).data,
  };
}

/** Pixels of the title's band (between the topic and the footer rule) that are the title's colour or near it. */
function darkPixelsInTitleBand(pixels: Uint8ClampedArray, width: number): number {
  const text = [1, 3, 5].map((at) => Number.parseInt(CARD_COLOURS.text.slice(at, at + 2), 16));
  let count = 0;
  for (let y = 140; y < 480; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      if (text.every((channel, i) => Math.abs(pixels[at + i]! - channel) < 24)) count++;
    }
  }
  return count;
}

const newRenderer = (cacheDir: string, threads = 0) => createCardRenderer({ root: ROOT, cacheDir, threads });

describe('social cards', () => {
  it('draws a valid 1200×630 PNG whose title band holds the title, and a different title draws a different image', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'kb-cards-'));
    const renderer = newRenderer(cacheDir);
    const { png } = await renderer.render(CARD);
    const first = await decode(png);
    expect([first.width, first.height]).toEqual([1200, 630]);
    expect(darkPixelsInTitleBand(first.pixels, first.width)).toBeGreaterThan(2000);

    const { png: otherPng } = await renderer.render({ ...CARD, title: 'Which widget should I choose?' });
    const other = await decode(otherPng);
    expect(Buffer.from(other.pixels).equals(Buffer.from(first.pixels))).toBe(false);
    // A card with no title keeps the rest of the design and nothing in the title's band.
    const untitled = await decode((await renderer.render({ ...CARD, title: '' })).png);
    expect(darkPixelsInTitleBand(untitled.pixels, untitled.width)).toBe(0);
  });

  it('reads an unchanged card from the cache instead of drawing it again, and draws a changed one', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'kb-cards-'));
    /** One build: a renderer, closed when the build ends (which keeps the cache's index). */
    const build = async <T>(use: (renderer: CardRenderer) => Promise<T>): Promise<T> => {
      const renderer = newRenderer(cacheDir);
      try {
        return await use(renderer);
      } finally {
        await renderer.close();
      }
    };
    const first = await build((renderer) => renderer.render(CARD));
    expect(first.cached).toBe(false);

    // A new build (a new renderer) with the same card: served from the cache, byte for byte.
    const again = await build((renderer) => renderer.render(CARD));
    expect(again.cached).toBe(true);
    expect(again.png.equals(first.png)).toBe(true);

    const changed = await build((renderer) => renderer.render({ ...CARD, title: 'Changed?' }));
    expect(changed.cached).toBe(false);
    expect(
      (await readdir(path.join(cacheDir, 'cards'))).filter((file) => file !== 'index.json'),
    ).toHaveLength(2);

    // writeTo writes a cached card and reports it as cached.
    const out = await mkdtemp(path.join(tmpdir(), 'kb-cards-out-'));
    expect(await build((renderer) => renderer.writeTo(CARD, path.join(out, 'card.png')))).toBe(true);
    expect((await readFile(path.join(out, 'card.png'))).equals(first.png)).toBe(true);
  });

  it('draws a very long title and titles in other scripts without failing', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'kb-cards-'));
    const renderer = newRenderer(cacheDir);
    const titles = [
      `How do I ${'cancel a long-running task safely, '.repeat(20)}?`,
      'W'.repeat(400),
      'Как отменить промис, не теряя результатов?',
      '如何取消一个正在运行的 Promise？プロミスをキャンセルするには',
      'كيف ألغي وعدًا؟ איך מבטלים הבטחה?',
      'Is 🚀 faster than 🐢? Ελληνικά, Tiếng Việt',
    ];
    for (const title of titles) {
      const card: SocialCard = { ...CARD, eyebrow: title, title, footer: title };
      const image = await decode((await renderer.render(card)).png);
      expect([image.width, image.height], title).toEqual([1200, 630]);
      expect(darkPixelsInTitleBand(image.pixels, image.width), title).toBeGreaterThan(0);
    }
  });

  it('draws in worker threads the same card, byte for byte, as in this thread', async () => {
    const inThread = await newRenderer(await mkdtemp(path.join(tmpdir(), 'kb-cards-'))).render(CARD);
    const pooled = newRenderer(await mkdtemp(path.join(tmpdir(), 'kb-cards-')), 2);
    try {
      const { png, cached } = await pooled.render(CARD);
      expect(cached).toBe(false);
      expect(png.equals(inThread.png)).toBe(true);
    } finally {
      await pooled.close();
    }
  });
});

import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import type { CardAssets } from './card-assets.ts';
import { layoutCard, type SocialCard } from './card-layout.ts';
import { createPngEncoder } from './encode-png.ts';
import { CARD_SIZE } from '../core/site-paths.ts';

/** Draws cards one after another on one canvas, in the thread that created it. */
export interface CardPainter {
  /** The card as a 1200×630 PNG. */
  paint(card: SocialCard): Buffer;
}

/**
 * Registers the card fonts (once per process: the canvas library keeps one font collection for
 * every thread, and registering a path again returns the first registration), decodes the logo
 * and returns a painter that reuses one canvas for every card.
 */
export async function createCardPainter(assets: Pick<CardAssets, 'fonts' | 'logo'>): Promise<CardPainter> {
  for (const { file, family } of assets.fonts) {
    if (!GlobalFonts.registerFromPath(file, family)) throw new Error(`Could not load the font \`${file}\`.`);
  }
  const logo = assets.logo && (await loadImage(Buffer.from(assets.logo)));
  // The generic family last: a character no Inter file has comes from an installed sans-serif font.
  const families = [...new Set(assets.fonts.map(({ family }) => family)), 'sans-serif'].join(', ');
  const canvas = createCanvas(CARD_SIZE.width, CARD_SIZE.height);
  const ctx = canvas.getContext('2d');
  ctx.lang = 'en'; // the host's language would otherwise choose fallback glyphs, differently per machine
  const png = createPngEncoder();
  let font = '';
  const useFont = (weight: number, size: number) => {
    const wanted = `${weight} ${size}px ${families}`;
    // Parsing a font string is the slowest part of measuring a word.
    if (wanted !== font) ctx.font = font = wanted;
  };
  const measure = (text: string, weight: 400 | 700, size: number) => {
    useFont(weight, size);
    return ctx.measureText(text).width;
  };

  return {
    paint(card) {
      // Clearing the whole canvas also drops the drawing commands the library records until pixels
      // are read, so one card's drawing never replays into the next; unlike setting the canvas's
      // width, it keeps the pixel memory, which would otherwise be allocated afresh for every card.
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const layout = layoutCard(card, measure, Boolean(logo));
      ctx.fillStyle = layout.background;
      ctx.fillRect(0, 0, layout.width, layout.height);
      for (const box of layout.boxes) {
        ctx.fillStyle = box.colour;
        ctx.fillRect(box.x, box.y, box.width, box.height);
      }
      if (logo && layout.logo)
        ctx.drawImage(logo, layout.logo.x, layout.logo.y, layout.logo.size, layout.logo.size);
      for (const run of layout.text) {
        useFont(run.weight, run.size);
        ctx.fillStyle = run.colour;
        ctx.fillText(run.text, run.x, run.y);
      }
      // The canvas's own PNG encoder tries every row filter at zlib level 6 (about 15 ms a card);
      // the raw pixels encode several times faster (encode-png.ts). They are premultiplied, which
      // changes nothing here: the background makes every pixel opaque.
      return png.encode(canvas.data(), layout.width, layout.height);
    },
  };
}

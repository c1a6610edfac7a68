import { CARD_SIZE } from '../core/site-paths.ts';
import { cutOnWordBoundary } from './text.ts';

/** What a social card shows: the question (or page title), what it belongs to, and the site. */
export interface SocialCard {
  /** Small text above the title: the topic, or empty. */
  eyebrow: string;
  title: string;
  /** The site's name, at the bottom. */
  footer: string;
}

/** The card's colours. */
export const CARD_COLOURS = {
  background: '#ffffff',
  text: '#1f2328',
  soft: '#57606a',
  accent: '#1d4ed8',
  rule: '#d0d7de',
} as const;

/**
 * The card's geometry, in pixels: a 16 px accent bar along the top, the topic at the top of the
 * padded area, the title centred in the space between, and a rule, the logo and the site's name
 * at the bottom.
 */
export const CARD_GEOMETRY = {
  padding: { top: 72, side: 80, bottom: 56 },
  accentBar: 16,
  eyebrowSize: 32,
  /**
   * Title sizes, largest first, each with the longest title (in characters) that starts at it: a
   * short question reads big, a long one does not fill the card with a few huge words. A title
   * steps down from its size until it fits; the last step's length is where a title is cut, on
   * a word boundary, before it is laid out.
   */
  titleSizes: [
    { size: 76, maxChars: 40 },
    { size: 62, maxChars: 80 },
    { size: 52, maxChars: 115 },
    { size: 44, maxChars: 150 },
  ],
  titleLineHeight: 1.15,
  titleMaxLines: 4,
  footerSize: 32,
  footerRule: 2,
  footerGap: 28,
  logoSize: 48,
  logoGap: 20,
  /** Eyebrow and footer are cut on a word boundary at this many characters. */
  lineMaxChars: 60,
} as const;

/** Inter's ascender and descender (hhea, per em): where a line box puts the baseline, as CSS does. */
const INTER_METRICS = { ascent: 0.96875, descent: 0.2412 } as const;

const ELLIPSIS = '…';

/** One line of text to draw: its font, colour and baseline position. */
export interface TextRun {
  text: string;
  weight: 400 | 700;
  size: number;
  colour: string;
  x: number;
  /** The alphabetic baseline. */
  y: number;
}

/** A filled rectangle to draw. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
}

/** Everything drawn on one card, in pixels, in drawing order: boxes, then the logo, then text. */
export interface CardLayout {
  width: number;
  height: number;
  background: string;
  boxes: Box[];
  /** Where the logo goes, when there is one. */
  logo: { x: number; y: number; size: number } | undefined;
  text: TextRun[];
}

/** Measures the advance width of `text` in Inter at `weight` and `size` px. */
export type MeasureText = (text: string, weight: 400 | 700, size: number) => number;

/**
 * Lays out a card: the title wrapped on word boundaries at the largest size (up to the one its
 * length suggests) at which it fits in four lines, else at the smallest size clamped to four
 * lines with an ellipsis; a word wider than a line (a URL, or a script written without spaces)
 * is broken between characters. The topic and the footer stay on one line, cut with an ellipsis.
 */
export function layoutCard(card: SocialCard, measure: MeasureText, hasLogo: boolean): CardLayout {
  const g = CARD_GEOMETRY;
  const { width, height } = CARD_SIZE;
  const contentWidth = width - 2 * g.padding.side;
  const left = g.padding.side;

  const eyebrowBox = lineBox(g.eyebrowSize, normalLineHeight(g.eyebrowSize));
  const eyebrowBottom = g.padding.top + eyebrowBox.height;
  const footerContent = Math.max(hasLogo ? g.logoSize : 0, normalLineHeight(g.footerSize));
  const footerTop = height - g.padding.bottom - footerContent - g.footerGap - g.footerRule;

  const title = fitTitle(card.title, measure, contentWidth, footerTop - eyebrowBottom);
  const lineHeight = title.size * g.titleLineHeight;
  // The title sits in the middle of the space between the topic and the footer, as flexbox's
  // `justify-content: space-between` placed it in the earlier template.
  const titleTop = eyebrowBottom + (footerTop - eyebrowBottom - title.lines.length * lineHeight) / 2;
  const titleBox = lineBox(title.size, lineHeight);

  const footerTextLeft = left + (hasLogo ? g.logoSize + g.logoGap : 0);
  const footerContentTop = footerTop + g.footerRule + g.footerGap;
  const footerLine = normalLineHeight(g.footerSize);
  const eyebrow = card.eyebrow.trim()
    ? fitLine(cutOnWordBoundary(card.eyebrow, g.lineMaxChars), measure, 700, g.eyebrowSize, contentWidth)
    : '';
  const footer = fitLine(
    cutOnWordBoundary(card.footer, g.lineMaxChars),
    measure,
    400,
    g.footerSize,
    width - g.padding.side - footerTextLeft,
  );

  const text: TextRun[] = [];
  if (eyebrow) {
    text.push({
      text: eyebrow,
      weight: 700,
      size: g.eyebrowSize,
      colour: CARD_COLOURS.accent,
      x: left,
      y: g.padding.top + eyebrowBox.baseline,
    });
  }
  title.lines.forEach((line, index) =>
    text.push({
      text: line,
      weight: 700,
      size: title.size,
      colour: CARD_COLOURS.text,
      x: left,
      y: titleTop + index * lineHeight + titleBox.baseline,
    }),
  );
  if (footer) {
    text.push({
      text: footer,
      weight: 400,
      size: g.footerSize,
      colour: CARD_COLOURS.soft,
      x: footerTextLeft,
      y: footerContentTop + (footerContent - footerLine) / 2 + lineBox(g.footerSize, footerLine).baseline,
    });
  }
  return {
    width,
    height,
    background: CARD_COLOURS.background,
    boxes: [
      { x: 0, y: 0, width, height: g.accentBar, colour: CARD_COLOURS.accent },
      { x: left, y: footerTop, width: contentWidth, height: g.footerRule, colour: CARD_COLOURS.rule },
    ],
    logo: hasLogo
      ? { x: left, y: footerContentTop + (footerContent - g.logoSize) / 2, size: g.logoSize }
      : undefined,
    text,
  };
}

/** The title's size and lines. */
function fitTitle(
  raw: string,
  measure: MeasureText,
  maxWidth: number,
  room: number,
): { size: number; lines: string[] } {
  const g = CARD_GEOMETRY;
  const title = cutOnWordBoundary(raw, g.titleSizes.at(-1)!.maxChars);
  const first = g.titleSizes.findIndex(({ maxChars }) => title.length <= maxChars);
  let fitted = { size: 0, lines: [] as string[], maxLines: 0, width: (_: string) => 0 };
  for (const { size } of g.titleSizes.slice(first)) {
    const width = (text: string) => measure(text, 700, size);
    const maxLines = Math.min(g.titleMaxLines, Math.floor(room / (size * g.titleLineHeight)));
    fitted = { size, lines: wrap(title, width, maxWidth), maxLines, width };
    if (fitted.lines.length <= maxLines) return fitted;
  }
  // Too long even at the smallest size: its first lines, the last of them ending in an ellipsis.
  const kept = fitted.lines.slice(0, fitted.maxLines);
  kept[kept.length - 1] = withEllipsis(kept.at(-1)!, fitted.width, maxWidth);
  return { size: fitted.size, lines: kept };
}

/**
 * Greedy line breaking: words are added to a line while it fits; a word wider than a whole line
 * is broken between grapheme clusters. Widths are measured per word and summed, so a title of
 * n words costs n measurements rather than one per candidate line.
 */
function wrap(text: string, width: (text: string) => number, maxWidth: number): string[] {
  const space = width(' ');
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const push = (piece: string, pieceWidth: number) => {
    if (line && lineWidth + space + pieceWidth <= maxWidth) {
      line += ` ${piece}`;
      lineWidth += space + pieceWidth;
      return;
    }
    if (line) lines.push(line);
    line = piece;
    lineWidth = pieceWidth;
  };
  for (const word of text.split(' ').filter(Boolean)) {
    const wordWidth = width(word);
    if (wordWidth <= maxWidth) {
      push(word, wordWidth);
      continue;
    }
    for (const piece of breakWord(word, width, maxWidth)) push(piece, width(piece));
  }
  if (line) lines.push(line);
  return lines;
}

/** Splits a word wider than `maxWidth` into pieces that fit, between grapheme clusters. */
function breakWord(word: string, width: (text: string) => number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(word)) {
    if (piece && width(piece + segment) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** One line of text, shortened with an ellipsis until it fits in `maxWidth`. */
function fitLine(
  text: string,
  measure: MeasureText,
  weight: 400 | 700,
  size: number,
  maxWidth: number,
): string {
  const width = (value: string) => measure(value, weight, size);
  return width(text) <= maxWidth ? text : withEllipsis(text, width, maxWidth);
}

/**
 * `text` ending in an ellipsis, shortened until it fits: whole words are dropped from the end
 * (characters, when one word is left), and punctuation before the ellipsis with them.
 */
function withEllipsis(text: string, width: (text: string) => number, maxWidth: number): string {
  const ended = (body: string) => `${body.replace(/[\s,;:.!?\-–—…]+$/, '')}${ELLIPSIS}`;
  let body = text;
  while (body && width(ended(body)) > maxWidth) {
    const lastSpace = body.trimEnd().lastIndexOf(' ');
    body =
      lastSpace > 0
        ? body.slice(0, lastSpace)
        : Array.from(
            new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(body),
            (s) => s.segment,
          )
            .slice(0, -1)
            .join('');
  }
  return ended(body);
}

/** CSS's `line-height: normal` for Inter: its ascender plus its descender. */
function normalLineHeight(size: number): number {
  return size * (INTER_METRICS.ascent + INTER_METRICS.descent);
}

/** Where the baseline falls in a line box of `height`: half the leading above the ascender, as CSS does. */
function lineBox(size: number, height: number): { height: number; baseline: number } {
  const content = size * (INTER_METRICS.ascent + INTER_METRICS.descent);
  return { height, baseline: (height - content) / 2 + size * INTER_METRICS.ascent };
}

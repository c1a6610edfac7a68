import { describe, expect, it } from 'vitest';
import { CARD_GEOMETRY, layoutCard, type MeasureText, type SocialCard } from '../../src/seo/card-layout.ts';
import { CARD_SIZE } from '../../src/core/site-paths.ts';

// A monospaced stand-in for the font: every character is 0.6 em wide, so line breaks are predictable.
const measure: MeasureText = (text, _weight, size) => [...text].length * size * 0.6;
const contentWidth = CARD_SIZE.width - 2 * CARD_GEOMETRY.padding.side;

const card = (title: string, extra: Partial<SocialCard> = {}): SocialCard => ({
  eyebrow: 'Promises',
  title,
  footer: 'Async Answers',
  ...extra,
});
const titleRuns = (layout: ReturnType<typeof layoutCard>) =>
  layout.text.filter((run) => run.weight === 700 && run.size !== CARD_GEOMETRY.eyebrowSize);

describe('social card layout', () => {
  it('sets a short title at the largest size, on one line, between the topic and the footer', () => {
    const layout = layoutCard(card('What is a promise?'), measure, true);
    const [title, ...more] = titleRuns(layout);
    expect(more).toEqual([]);
    expect(title).toMatchObject({ text: 'What is a promise?', size: CARD_GEOMETRY.titleSizes[0]!.size });
    const [eyebrow] = layout.text;
    const footer = layout.text.at(-1)!;
    expect(eyebrow!.text).toBe('Promises');
    expect(footer.text).toBe('Async Answers');
    expect(eyebrow!.y).toBeLessThan(title!.y);
    expect(title!.y).toBeLessThan(footer.y);
  });

  it('wraps a longer title on word boundaries, each line within the card, every word kept', () => {
    const title = 'Why does a resolved promise callback run before a timer that was scheduled earlier?';
    const lines = titleRuns(layoutCard(card(title), measure, true));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((line) => line.text).join(' ')).toBe(title);
    for (const line of lines) expect(measure(line.text, 700, line.size)).toBeLessThanOrEqual(contentWidth);
    // Lines share one size and follow each other down the card.
    expect(new Set(lines.map((line) => line.size)).size).toBe(1);
    expect(lines.map((line) => line.y)).toEqual([...lines.map((line) => line.y)].sort((a, b) => a - b));
  });

  it('clamps a title too long for the card to four lines at the smallest size, ending in an ellipsis', () => {
    // Wide glyphs: a title of 140 characters needs about seven lines.
    const wide: MeasureText = (text, _weight, size) => [...text].length * size;
    const title = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
    const lines = titleRuns(layoutCard(card(title), wide, true));
    expect(lines).toHaveLength(CARD_GEOMETRY.titleMaxLines);
    expect(lines[0]!.size).toBe(CARD_GEOMETRY.titleSizes.at(-1)!.size);
    const shown = lines.map((line) => line.text).join(' ');
    expect(shown).toMatch(/…$/);
    expect(title.startsWith(shown.slice(0, -1))).toBe(true);
    for (const line of lines) expect(wide(line.text, 700, line.size)).toBeLessThanOrEqual(contentWidth);
  });

  it('breaks a word wider than the card (a URL, or a script written without spaces) between characters', () => {
    const cjk = '非同期処理のキャンセルはどのように行いますか'.repeat(3);
    for (const title of [`See https://example.org/${'a'.repeat(90)}`, cjk]) {
      const lines = titleRuns(layoutCard(card(title), measure, true));
      expect(lines.length, title).toBeGreaterThan(1);
      for (const line of lines) expect(measure(line.text, 700, line.size)).toBeLessThanOrEqual(contentWidth);
    }
  });

  it('cuts a topic or footer too wide for one line with an ellipsis, and leaves room for the logo', () => {
    const long = 'Questions about asynchronous programming answered with examples that really run';
    const withLogo = layoutCard(card('Q?', { eyebrow: long, footer: long }), measure, true);
    const withoutLogo = layoutCard(card('Q?', { eyebrow: long, footer: long }), measure, false);
    expect(withLogo.text[0]!.text).toMatch(/…$/);
    const footer = withLogo.text.at(-1)!;
    expect(footer.text).toMatch(/…$/);
    expect(footer.x + measure(footer.text, 400, footer.size)).toBeLessThanOrEqual(
      CARD_SIZE.width - CARD_GEOMETRY.padding.side,
    );
    expect(withLogo.logo).toBeDefined();
    expect(withoutLogo.logo).toBeUndefined();
    expect(withoutLogo.text.at(-1)!.x).toBeLessThan(footer.x);
  });

  it('draws no topic line for a card without one (the home page)', () => {
    const layout = layoutCard(card('Async Answers', { eyebrow: '' }), measure, true);
    expect(layout.text.map((run) => run.text)).toEqual(['Async Answers', 'Async Answers']);
  });
});

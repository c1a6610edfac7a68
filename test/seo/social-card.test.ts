import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build-site.ts';
import { createCardRenderer } from '../../src/seo/social-card.ts';

const CARD = { eyebrow: 'Widgets', title: 'What is a widget? </script>', footer: 'Async Answers' };

describe('social cards', () => {
  it('renders a 1200×630 PNG, and reads an unchanged card from the cache instead of drawing it again', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'kb-cards-'));
    const first = await createCardRenderer({ root: ROOT, cacheDir }).render(CARD);
    expect(first.cached).toBe(false);
    expect(first.png.subarray(1, 4).toString()).toBe('PNG');
    expect([first.png.readUInt32BE(16), first.png.readUInt32BE(20)]).toEqual([1200, 630]);

    // A new build (a new renderer) with the same card: served from the cache, byte for byte.
    const again = await createCardRenderer({ root: ROOT, cacheDir }).render(CARD);
    expect(again.cached).toBe(true);
    expect(again.png.equals(first.png)).toBe(true);

    const changed = await createCardRenderer({ root: ROOT, cacheDir }).render({ ...CARD, title: 'Changed?' });
    expect(changed.cached).toBe(false);
    expect((await readdir(cacheDir)).filter((file) => file.endsWith('.png'))).toHaveLength(2);
  }, 60_000);
});

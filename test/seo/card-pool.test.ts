import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build-site.ts';
import { loadCardAssets } from '../../src/seo/card-assets.ts';
import { CARD_MEMORY_KEEP_MS, CARD_PRIORITY_STEPS, createCardPool } from '../../src/seo/card-pool.ts';
import { nicenessOf, SHOWS_THREAD_PRIORITY, threadsAt } from '../helpers/thread-niceness.ts';

const run = promisify(execFile);
const SCRIPT = path.join(import.meta.dirname, 'fixtures/card-pool/draw-cards.ts');

describe('card pool', () => {
  // In a process of its own, so that a worker left running shows as a process that never ends
  // (the time limit here detects a hang; it does not measure speed).
  it.each(['close', 'leave-open'])(
    'draws many cards in worker threads, and the process ends by itself (%s)',
    async (ending) => {
      const { stdout } = await run(process.execPath, [SCRIPT, '120', ending], {
        cwd: ROOT,
        timeout: 120_000,
      });
      expect(JSON.parse(stdout)).toMatchObject({ drawn: 120, valid: 120, distinct: 120 });
    },
    150_000,
  );

  it('frees each card’s pixels as it goes, though every worker holds several cards', async () => {
    // Each card's pixels are 3 MB: kept until the workers run out of cards, 300 cards hold about
    // 1 GB; freed as they go, memory grows by what two workers need to start (about 250 MB).
    const { stdout } = await run(process.execPath, [SCRIPT, '300', 'close'], {
      cwd: ROOT,
      timeout: 120_000,
    });
    const report = JSON.parse(stdout) as { drawn: number; rssGrowthMb: number };
    expect(report.drawn).toBe(300);
    expect(report.rssGrowthMb).toBeLessThan(600);
  }, 150_000);

  it('has the canvas library’s allocator keep freed memory a second, unless the user chose', async () => {
    // mimalloc prints its options when verbose: what the library's allocator itself read.
    const { MIMALLOC_PURGE_DELAY: _, ...env } = process.env;
    const purgeDelay = async (extra: Record<string, string>) => {
      const { stderr } = await run(process.execPath, [SCRIPT, '2', 'close'], {
        cwd: ROOT,
        env: { ...env, MIMALLOC_VERBOSE: '1', ...extra },
        timeout: 120_000,
      });
      return /option 'purge_delay': (-?\d+)/.exec(stderr)?.[1];
    };
    expect(await purgeDelay({})).toBe(String(CARD_MEMORY_KEEP_MS));
    expect(await purgeDelay({ MIMALLOC_PURGE_DELAY: '25' })).toBe('25');
  }, 150_000);

  it.skipIf(!SHOWS_THREAD_PRIORITY)('draws in threads that let the rest of the build go first', async () => {
    const lowered = Math.min(19, nicenessOf('thread-self') + CARD_PRIORITY_STEPS);
    const before = threadsAt(lowered).length;
    const pool = createCardPool({ assets: await loadCardAssets(ROOT), size: 2 });
    try {
      // Two at once: the pool starts its second thread rather than queue behind the first.
      const cards = ['One?', 'Two?'].map((title) =>
        pool.draw({ eyebrow: '', title, footer: 'Site' }, `/og/${title}.png`),
      );
      await Promise.all(cards);
      expect(threadsAt(lowered).length - before).toBe(2);
    } finally {
      await pool.close();
    }
    expect(threadsAt(lowered).length).toBe(before);
  });

  it('fails each card it cannot draw with the card’s path and the reason, and closes', async () => {
    const assets = await loadCardAssets(ROOT);
    const missing = path.join(ROOT, 'no-such-font.woff2');
    const pool = createCardPool({
      assets: { ...assets, fonts: [{ file: missing, family: 'missing' }] },
      size: 2,
    });
    try {
      const card = { eyebrow: '', title: 'Q?', footer: 'Site' };
      await expect(pool.draw(card, '/og/topic/question.png')).rejects.toThrow(
        `Could not draw the social card /og/topic/question.png: Could not load the font \`${missing}\`.`,
      );
      await expect(pool.draw(card, '/og/other.png')).rejects.toThrow('/og/other.png');
    } finally {
      await pool.close();
    }
  });
});

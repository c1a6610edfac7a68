import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import type { SocialCard } from '../src/seo/card-layout.ts';
import { createCardRenderer, defaultCardThreads } from '../src/seo/social-card.ts';
import { createRandom } from './generate-corpus.ts';
import { median, type PhaseResult } from './measure.ts';

/** What the card phase found besides its times. */
export interface CardPhaseReport {
  phase: PhaseResult;
  threads: number;
  /** Processor time of the whole process (main thread and workers) per card, the median run: what the cards cost on an idle machine. */
  cpuMsPerCard: number;
  /** How far the process's resident memory rose while it drew the cards (workers included), at most, above where it stood before. */
  peakRssGrowthMb: number;
}

const TOPICS = ['Promises', 'Event loop', 'Streams', 'Asyncio tasks', 'Cancellation', 'Error handling'];
const STARTS = ['How do I', 'Why does', 'When should I', 'What happens when I', 'Can I'];
const MIDDLES = [
  'cancel a pending promise',
  'retry a failed request with exponential backoff',
  'run tasks in parallel but keep their results in order',
  'drain a stream before closing the socket that feeds it',
  'await several coroutines with a deadline and collect the partial results',
  'debounce a callback',
];

/** `count` cards shaped like a knowledge base's: titles of every length, one per article. Deterministic. */
export function benchCards(count: number): SocialCard[] {
  const random = createRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, index) => ({
    eyebrow: pick(TOPICS),
    title: `${pick(STARTS)} ${pick(MIDDLES)} (case ${index + 1})?`,
    footer: 'Benchmark answers',
  }));
}

/**
 * Draws `count` cards cold, the way a clean build does: a new renderer (so its workers start and
 * load the fonts inside the measured time), an empty card cache, the build's threads, and each
 * card written to an output folder. Reports the median seconds of `runs` runs.
 */
export async function measureCardPhase(options: {
  root: string;
  count: number;
  runs: number;
}): Promise<CardPhaseReport> {
  const threads = defaultCardThreads();
  const cards = benchCards(options.count);
  const seconds: number[] = [];
  const cpu: number[] = [];
  const loads: number[] = [];
  let growth = 0;
  for (let run = 0; run < options.runs; run++) {
    const work = await mkdtemp(path.join(tmpdir(), 'kb-bench-cards-'));
    const renderer = createCardRenderer({ root: options.root, cacheDir: path.join(work, 'cache'), threads });
    // The benchmark's own process holds the corpus and more: what the cards add is the figure.
    const before = process.memoryUsage.rss();
    const sample = setInterval(() => (growth = Math.max(growth, process.memoryUsage.rss() - before)), 25);
    try {
      const usage = process.cpuUsage();
      const started = performance.now();
      // As many cards in flight as the build keeps (src/integration/page-files.ts).
      const limit = pLimit(32);
      await Promise.all(
        cards.map((card, index) => limit(() => renderer.writeTo(card, path.join(work, `${index}.png`)))),
      );
      await renderer.close();
      seconds.push((performance.now() - started) / 1000);
      const { user, system } = process.cpuUsage(usage);
      cpu.push((user + system) / 1000 / cards.length);
      loads.push(loadavg()[0]!);
    } finally {
      clearInterval(sample);
      await renderer.close();
      await rm(work, { recursive: true, force: true });
    }
  }
  return {
    phase: {
      phase: 'social cards cold (worker threads)',
      runs: seconds,
      median: median(seconds),
      items: cards.length,
      unit: 'cards',
      load: median(loads),
    },
    threads,
    cpuMsPerCard: median(cpu),
    peakRssGrowthMb: Math.round(growth / 1024 / 1024),
  };
}

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import type { BenchReport } from '../../bench/run-bench.ts';
import { ROOT } from '../helpers/build-site.ts';
import { defaultCardThreads } from '../../src/seo/social-card.ts';

const run = promisify(execFile);

let folder = '';
afterAll(() => rm(folder, { recursive: true, force: true }));

// Keeps `npm run bench` working: it must finish and report every phase; its figures are not asserted.
it('runs every phase of the benchmark on a tiny corpus and reports them as a table and as JSON', async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'kb-bench-test-'));
  const json = path.join(folder, 'bench.json');
  const { stdout } = await run(
    process.execPath,
    ['scripts/bench.ts', '--articles', '4', '--runs', '1', '--settle', '0', '--baseline', '--json', json],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 280_000,
    },
  );
  const report = JSON.parse(await readFile(json, 'utf8')) as BenchReport;
  expect(report.phases.map((phase) => phase.phase)).toEqual([
    'load + validate (cold)',
    'link and structure checks',
    'load + validate (cached)',
    'examples cold',
    'examples warm (nothing changed)',
    'examples after one article changed',
    'examples baseline (sequential, a process each, no cache)',
    'social cards cold (worker threads)',
    'clean build: proving (load, parse, render, check; examples cached)',
    'clean build: astro (pages indexed as rendered), cards and Markdown files',
    'clean build: search index, after the pages (pagefind: check and write)',
    'clean build (every cache deleted but the examples’ results)',
    'build, nothing changed',
    'build, nothing changed but one file of the site',
    'build, one article edited',
  ]);
  expect(report.comparisons).toEqual([]);
  expect(report.articles).toBe(4);
  expect(report.examples).toBe(4);
  for (const phase of report.phases) {
    expect(phase.runs.length, phase.phase).toBeGreaterThan(0);
    expect(Number.isFinite(phase.median), phase.phase).toBe(true);
  }
  expect(report.peakLargestProcessMb).toBeGreaterThan(0);
  expect(report.peakBuildMemoryMb).toBeGreaterThanOrEqual(report.peakLargestProcessMb);
  expect(report.machine.cores).toBeGreaterThan(0);
  expect(Number.isFinite(report.machine.loadAverage)).toBe(true);
  for (const phase of report.phases) expect(Number.isFinite(phase.load), phase.phase).toBe(true);
  // A card for every page the build publishes.
  const cards = report.phases.find((phase) => phase.unit === 'cards')!;
  expect(cards.items).toBe(report.phases.find((phase) => phase.unit === 'pages')!.items);
  expect(report.cards.threads).toBe(defaultCardThreads());
  expect(report.cards.cpuMsPerCard).toBeGreaterThan(0);
  expect(report.cards.peakRssGrowthMb).toBeGreaterThanOrEqual(0);
  expect(stdout).toContain('load average');
  for (const phase of report.phases) expect(stdout).toContain(phase.phase);
}, 300_000);

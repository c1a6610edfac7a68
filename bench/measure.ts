import { loadavg } from 'node:os';

/** One measured phase: every run's seconds and their median. */
export interface PhaseResult {
  phase: string;
  runs: number[];
  median: number;
  /** Items the phase handles (articles, examples, pages, cards), for per-item figures. */
  items: number;
  unit: 'articles' | 'examples' | 'pages' | 'cards';
  /** The machine's 1-minute load average as the phase's runs ended (their median): other work slows every figure. */
  load: number;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `measure` `runs` times (after `prepare` each time, untimed) and keeps the seconds it reports. */
export async function measurePhase(
  phase: string,
  items: number,
  unit: PhaseResult['unit'],
  runs: number,
  measure: () => Promise<number>,
): Promise<PhaseResult> {
  const seconds: number[] = [];
  const loads: number[] = [];
  for (let run = 0; run < runs; run++) {
    seconds.push(await measure());
    loads.push(loadavg()[0]!);
  }
  return { phase, runs: seconds, median: median(seconds), items, unit, load: median(loads) };
}

/** Times an async function in seconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** The table the benchmark prints: phase, median seconds, milliseconds per item, items per second, runs, load. */
export function formatTable(results: readonly PhaseResult[]): string {
  const rows = results.map((r) => [
    r.phase,
    r.median.toFixed(2),
    r.items ? ((r.median * 1000) / r.items).toFixed(2) : '-',
    r.median > 0 && r.items ? `${(r.items / r.median).toFixed(0)} ${r.unit}/s` : '-',
    String(r.runs.length),
    r.load.toFixed(2),
  ]);
  const header = ['phase', 'median s', 'ms per item', 'throughput', 'runs', 'load'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

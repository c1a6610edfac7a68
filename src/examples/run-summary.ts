import type { ExampleRunReport } from './run-examples.ts';

/** Examples named in the summary's `slowest:` line. */
const SLOWEST_SHOWN = 3;

/**
 * The lines that end a run's report: the counts, the interpreters the examples ran on (path and
 * version), how they were isolated and what that does not enforce, and the slowest examples.
 * `failed` replaces the count of failures (after `--update` fixed some).
 */
export function summariseExampleRun(report: ExampleRunReport, failed = report.counts.failed): string[] {
  const { total, ran, cached, notRun } = report.counts;
  const lines = [
    `examples: ${total} found, ${ran} run, ${cached} cached, ${notRun} not run (norun), ${failed} failed`,
  ];
  const runtimes = [...report.runtimes.values()]
    .filter((runtime) => !runtime.problem)
    .map((runtime) => `${runtime.label} (${runtime.executable ?? runtime.command[0]})`);
  if (runtimes.length) lines.push(`  ran on: ${[...new Set(runtimes)].join(', ')}`);
  if (report.sandbox) {
    const { description, notEnforced } = report.sandbox;
    lines.push(`  isolation: ${description}; not enforced: ${notEnforced.join(', ')}`);
  }
  if (report.slowest.length) {
    const slowest = report.slowest
      .slice(0, SLOWEST_SHOWN)
      .map((slow) => `${slow.file}:${slow.line} (${(slow.ms / 1000).toFixed(1)} s)`);
    lines.push(`  slowest: ${slowest.join(', ')}`);
  }
  return lines;
}

// `npm run bench -- [--articles N] [--runs N] [--seed N] [--baseline] [--json FILE]`: measured speed and scale.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable } from '../bench/measure.ts';
import { runBench } from '../bench/run-bench.ts';
import { SETTLE_SECONDS } from '../bench/settle.ts';

const USAGE = `Usage: npm run bench -- [--articles 1000] [--runs 3] [--seed 42] [--baseline] [--starlight DIR] [--mkdocs] [--settle ${SETTLE_SECONDS}] [--json FILE]\n`;
let values;
try {
  ({ values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '42' },
      baseline: { type: 'boolean', default: false },
      starlight: { type: 'string' },
      mkdocs: { type: 'boolean', default: false },
      settle: { type: 'string', default: String(SETTLE_SECONDS) },
      json: { type: 'string' },
    },
    strict: true,
  }));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const [articles, runs, seed, settle] = [values.articles, values.runs, values.seed, values.settle].map(Number);
if (
  ![articles, runs, seed].every((n) => Number.isInteger(n) && n! > 0) ||
  !(Number.isInteger(settle) && settle! >= 0)
) {
  process.stderr.write(
    `--articles, --runs and --seed take positive whole numbers, --settle a whole number of seconds.\n${USAGE}`,
  );
  process.exit(2);
}
const report = await runBench({
  root: process.cwd(),
  articles: articles!,
  runs: runs!,
  seed: seed!,
  baseline: values.baseline,
  starlight: values.starlight,
  mkdocs: values.mkdocs,
  settleSeconds: settle!,
  log: (line) => process.stderr.write(`  ${line}\n`),
});
const jsonFile = values.json ?? path.join('bench-results', `bench-${articles}.json`);
await mkdir(path.dirname(path.resolve(jsonFile)), { recursive: true });
await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
const { machine } = report;
process.stdout.write(
  `\n${report.articles} articles, ${report.examples} examples; ${machine.cores} cores (${machine.cpu}), Node.js ${machine.node}, ${machine.python}; load average ${machine.loadAverage.toFixed(2)} at the start (the load column: as each phase ended)\n\n`,
);
process.stdout.write(
  `${formatTable(report.phases)}\n\npeak memory of a full build: ${report.peakBuildMemoryMb} MB, all its processes together (largest single process ${report.peakLargestProcessMb} MB)\n`,
);
process.stdout.write(
  `social cards: ${report.cards.threads} threads, ${report.cards.cpuMsPerCard.toFixed(2)} ms of processor time per card, memory +${report.cards.peakRssGrowthMb} MB at most while drawing them\n`,
);
for (const comparison of report.comparisons) {
  process.stdout.write(
    `${comparison.name}: clean build ${comparison.cleanSeconds.toFixed(2)} s (ours ${comparison.cleanRatio.toFixed(2)}×), nothing changed ${comparison.warmSeconds.toFixed(2)} s (ours ${comparison.warmRatio.toFixed(2)}×), peak memory ${comparison.peakMemoryMb} MB\n`,
  );
}
process.stdout.write(`written to ${jsonFile}\n`);

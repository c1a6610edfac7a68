import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { collectExamples, programParts, type Example } from '../src/examples/collect-examples.ts';
import { runExamples } from '../src/examples/run-examples.ts';
import { resolveRuntimes } from '../src/examples/runtime-versions.ts';
import { DEFAULT_RUNTIMES } from '../src/examples/runtimes.ts';
import { checkContent } from '../src/checks/check-content.ts';
import { ENV } from '../src/core/env.ts';
import type { BuildReport } from '../src/integration/build-report.ts';
import { ourBuildCommand } from './build-command.ts';
import { measureCardPhase, type CardPhaseReport } from './card-phase.ts';
import { mkdocsCompetitor, starlightCompetitor, type Competitor } from './competitors.ts';
import { generateCorpus } from './generate-corpus.ts';
import { createSetAside, type SetAside } from './set-aside.ts';
import { settleFileSystem, syncFileSystem } from './settle.ts';
import { watchTreeMemory } from './tree-memory.ts';
import { measurePhase, median, timed, type PhaseResult } from './measure.ts';

const run = promisify(execFile);

/** The example results the example phases warm, in the work folder; the builds read them too. */
const EXAMPLE_CACHE_FILE = 'examples.json';

/** What to measure. */
export interface BenchOptions {
  root: string;
  articles: number;
  seed: number;
  runs: number;
  /** Also time the sequential one-process-per-example baseline (slow: it runs every example again). */
  baseline: boolean;
  /** A stock Starlight site (a folder with its `node_modules`) to build the same corpus with, interleaved with ours. */
  starlight?: string | undefined;
  /** Also build the corpus with Material for MkDocs (`mkdocs` on PATH), interleaved with ours. */
  mkdocs?: boolean | undefined;
  /** Seconds to wait, after the deletions of the phases before, before the whole builds (see `settle.ts`). */
  settleSeconds: number;
  log: (line: string) => void;
}

/** How another generator's builds of the same corpus compare with ours: their medians, and ours over theirs. */
export interface Comparison {
  name: string;
  cleanSeconds: number;
  warmSeconds: number;
  /** Our clean build's median over theirs: below 1 is faster. */
  cleanRatio: number;
  /** Our nothing-changed build's median over theirs. */
  warmRatio: number;
  peakMemoryMb: number;
}

/** Everything one benchmark run found, as printed and as written to JSON. */
export interface BenchReport {
  /** `loadAverage`: the 1-minute load average when the benchmark started (each phase notes its own). */
  machine: { cores: number; cpu: string; node: string; python: string; loadAverage: number };
  articles: number;
  examples: number;
  seed: number;
  phases: PhaseResult[];
  /** The build's processes together (Astro, pagefind, the example runtimes). */
  peakBuildMemoryMb: number;
  /** The largest single process of the build. */
  peakLargestProcessMb: number;
  /** The card phase's threads, processor time per card and peak memory. */
  cards: Omit<CardPhaseReport, 'phase'>;
  /** Other generators on the same corpus, when asked for (`--starlight`, `--mkdocs`). */
  comparisons: Comparison[];
}

/** Generates a corpus and times each phase of checking and building it. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const loadAverage = loadavg()[0]!;
  const work = await mkdtemp(path.join(tmpdir(), 'kb-bench-'));
  try {
    const contentDir = path.join(work, 'content');
    options.log(`generating ${options.articles} articles in ${contentDir}`);
    const corpus = await generateCorpus(contentDir, options.articles, options.seed);
    const phases: PhaseResult[] = [];
    const add = (result: PhaseResult) => {
      phases.push(result);
      options.log(`${result.phase}: ${result.median.toFixed(2)} s`);
    };
    const docCache = path.join(work, 'check-cache');
    const exampleCache = path.join(work, EXAMPLE_CACHE_FILE);
    const check = () => checkContent({ contentDir, cwd: work, cacheDir: docCache });

    // Load + validate and the link check, cold (no document cache) and warm (nothing changed).
    const cold = { load: [] as number[], checks: [] as number[] };
    for (let i = 0; i < options.runs; i++) {
      await rm(docCache, { recursive: true, force: true });
      const { timings } = await check();
      cold.load.push(timings.load / 1000);
      cold.checks.push(timings.checks / 1000);
    }
    add(
      await measurePhase('load + validate (cold)', corpus.articles, 'articles', 1, async () =>
        median(cold.load),
      ),
    );
    add(
      await measurePhase('link and structure checks', corpus.articles, 'articles', 1, async () =>
        median(cold.checks),
      ),
    );
    add(
      await measurePhase(
        'load + validate (cached)',
        corpus.articles,
        'articles',
        options.runs,
        async () => (await check()).timings.load / 1000,
      ),
    );
    const { documents } = await check();
    const runtimes = DEFAULT_RUNTIMES;
    const examplesRun = () =>
      runExamples({
        root: options.root,
        documents,
        runtimes,
        useCache: true,
        cacheFile: exampleCache,
        env: process.env,
      });

    // Listed, not run: the first run must be the measured cold one.
    const examples = documents
      .flatMap((doc) => collectExamples(doc, runtimes))
      .filter((e) => !e.meta.flags.has('norun'));
    add(
      await measurePhase('examples cold', examples.length, 'examples', options.runs, async () => {
        await rm(exampleCache, { force: true });
        return timed(() => examplesRun());
      }),
    );
    add(
      await measurePhase('examples warm (nothing changed)', examples.length, 'examples', options.runs, () =>
        timed(() => examplesRun()),
      ),
    );
    add(
      await measurePhase(
        'examples after one article changed',
        examples.length,
        'examples',
        options.runs,
        async () => {
          const file = path.join(contentDir, corpus.sampleArticle);
          const text = await readFile(file, 'utf8');
          await writeFile(
            file,
            text.replace(
              '```\n\n**Output:**',
              `${text.includes('```ts') ? '//' : '#'} edited ${Date.now()}\n\`\`\`\n\n**Output:**`,
            ),
          );
          const { documents: changed } = await check();
          return timed(() =>
            runExamples({
              root: options.root,
              documents: changed,
              runtimes,
              useCache: true,
              cacheFile: exampleCache,
              env: process.env,
            }),
          );
        },
      ),
    );
    if (options.baseline) {
      add(
        await measurePhase(
          'examples baseline (sequential, a process each, no cache)',
          examples.length,
          'examples',
          1,
          () => baseline(examples, options.root, work),
        ),
      );
    }

    // Social cards drawn cold, on their own: the builds below find them in the card cache.
    const pages = corpus.articles + corpus.topics.length + 1;
    const { phase: cardPhase, ...cards } = await measureCardPhase({
      root: options.root,
      count: pages,
      runs: options.runs,
    });
    add(cardPhase);

    // Whole builds: clean (every cache deleted but the examples' results, which the example
    // phases left), nothing changed, one article edited; other generators interleaved with ours.
    const setAside = createSetAside();
    const competitors = [
      ...(options.starlight
        ? [starlightCompetitor(path.resolve(options.starlight), contentDir, setAside)]
        : []),
      ...(options.mkdocs ? [mkdocsCompetitor(work, contentDir, setAside)] : []),
    ];
    const build = await measureBuilds(
      options,
      work,
      contentDir,
      pages,
      corpus.sampleArticle,
      competitors,
      setAside,
    ).finally(() => setAside.dispose());
    phases.push(...build.phases);
    for (const phase of build.phases) options.log(`${phase.phase}: ${phase.median.toFixed(2)} s`);
    return {
      machine: {
        cores: availableParallelism(),
        cpu: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        python: pythonVersion(),
        loadAverage,
      },
      articles: corpus.articles,
      examples: examples.length,
      seed: options.seed,
      phases,
      peakBuildMemoryMb: build.peakMb,
      peakLargestProcessMb: build.largestProcessMb,
      cards,
      comparisons: build.comparisons,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Our builds, each `runs` times: clean (the output and every cache set aside, but the examples'
 * results), nothing changed, nothing changed but the published site, and one article edited;
 * the clean build split by the phases its report gives, with its peak memory. Competitors build the same corpus clean and warm, each
 * round after ours, so that the machine's load falls on all alike.
 */
async function measureBuilds(
  options: BenchOptions,
  work: string,
  contentDir: string,
  pages: number,
  sampleArticle: string,
  competitors: readonly Competitor[],
  setAside: SetAside,
) {
  const loads: number[] = [];
  const clean = { totals: [] as number[], proving: [] as number[], search: [] as number[] };
  const warm: number[] = [];
  const siteTouched: number[] = [];
  const edited: number[] = [];
  const theirs = competitors.map((competitor) => ({
    competitor,
    clean: [] as number[],
    warm: [] as number[],
    peakKb: 0,
  }));
  let peakKb = 0;
  let largestKb = 0;
  for (const entry of theirs) {
    options.log(`preparing ${entry.competitor.name}`);
    await entry.competitor.prepare();
  }
  await settleFileSystem(options.settleSeconds, options.log);
  // Each build starts with nothing left to write of the builds before it.
  const ours = () => {
    syncFileSystem();
    return buildOnce(options.root, work, contentDir);
  };
  for (let i = 0; i < options.runs; i++) {
    // `.dist.spare`: the output before last, which a build rewrites in place (staged-output.ts).
    for (const folder of ['dist', '.dist.spare', 'build-cache']) await setAside.move(path.join(work, folder));
    const result = await ours();
    clean.totals.push(result.seconds);
    clean.proving.push(result.provingSeconds);
    clean.search.push(result.searchSeconds);
    peakKb = Math.max(peakKb, result.peakKb);
    largestKb = Math.max(largestKb, result.largestKb);
    loads.push(loadavg()[0]!);
    options.log(`clean build ${i + 1}: ${result.seconds.toFixed(2)} s`);
    for (const entry of theirs) {
      syncFileSystem();
      const run = await entry.competitor.clean();
      entry.clean.push(run.seconds);
      entry.peakKb = Math.max(entry.peakKb, run.peakKb);
      options.log(`${entry.competitor.name} clean build ${i + 1}: ${run.seconds.toFixed(2)} s`);
    }
  }
  // Ours first, then theirs: Starlight's and MkDocs' builds empty their output folder, and the
  // thousands of files they delete would slow the next builds' file creation (see `settle.ts`).
  for (let i = 0; i < options.runs; i++) warm.push((await ours()).seconds);
  for (let i = 0; i < options.runs; i++) {
    // A file of the published site rewritten as it was: the build renders every page again.
    const published = path.join(work, 'dist', '404.html');
    await writeFile(published, await readFile(published));
    siteTouched.push((await ours()).seconds);
  }
  const file = path.join(contentDir, sampleArticle);
  for (let i = 0; i < options.runs; i++) {
    // Prose, not code: the page changes, its example does not run again.
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/\n## /, `\nEdited for run ${i + 1} at ${Date.now()}.\n\n## `));
    edited.push((await ours()).seconds);
  }
  for (let i = 0; i < options.runs; i++) {
    for (const entry of theirs) {
      syncFileSystem();
      entry.warm.push((await entry.competitor.warm()).seconds);
    }
  }
  const phase = (name: string, values: number[]): PhaseResult => ({
    phase: name,
    runs: values,
    median: median(values),
    items: pages,
    unit: 'pages',
    load: median(loads),
  });
  const astro = clean.totals.map((total, i) => total - clean.proving[i]! - clean.search[i]!);
  const ourWarm = median(warm);
  const ourClean = median(clean.totals);
  return {
    phases: [
      phase('clean build: proving (load, parse, render, check; examples cached)', clean.proving),
      phase('clean build: astro (pages indexed as rendered), cards and Markdown files', astro),
      phase('clean build: search index, after the pages (pagefind: check and write)', clean.search),
      phase('clean build (every cache deleted but the examples’ results)', clean.totals),
      phase('build, nothing changed', warm),
      phase('build, nothing changed but one file of the site', siteTouched),
      phase('build, one article edited', edited),
      ...theirs.flatMap((entry) => [
        phase(`${entry.competitor.name}: clean build`, entry.clean),
        phase(`${entry.competitor.name}: build, nothing changed`, entry.warm),
      ]),
    ],
    peakMb: Math.round(peakKb / 1024),
    largestProcessMb: Math.round(largestKb / 1024),
    comparisons: theirs.map((entry): Comparison => ({
      name: entry.competitor.name,
      cleanSeconds: median(entry.clean),
      warmSeconds: median(entry.warm),
      cleanRatio: ourClean / median(entry.clean),
      warmRatio: ourWarm / median(entry.warm),
      peakMemoryMb: Math.round(entry.peakKb / 1024),
    })),
  };
}

async function buildOnce(root: string, work: string, contentDir: string) {
  const started = performance.now();
  const reportFile = path.join(work, 'build-report.json');
  await rm(reportFile, { force: true });
  const build = ourBuildCommand(root);
  const pending = run('/usr/bin/time', ['-f', 'PEAK_KB %M', build.command, ...build.args], {
    cwd: root,
    env: {
      ...process.env,
      [ENV.contentDir]: contentDir,
      [ENV.outDir]: path.join(work, 'dist'),
      [ENV.cacheDir]: path.join(work, 'build-cache'),
      [ENV.exampleCache]: path.join(work, EXAMPLE_CACHE_FILE),
      [ENV.buildReport]: reportFile,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
    maxBuffer: 256 * 1024 * 1024,
  });
  const memory = watchTreeMemory(pending.child.pid!);
  let treeKb = 0;
  const { stderr, stdout } = await pending.finally(() => (treeKb = memory.stop()));
  const seconds = (performance.now() - started) / 1000;
  // `time` reports the largest process on stderr; the build reports its phases as data.
  const largestKb = Number(/PEAK_KB (\d+)/.exec(`${stdout}\n${stderr}`)?.[1] ?? 0);
  const report = JSON.parse(await readFile(reportFile, 'utf8')) as BuildReport;
  return {
    seconds,
    provingSeconds: report.provingMs / 1000,
    searchSeconds: report.searchMs / 1000,
    // The sampled tree total, unless the largest single process (exact, from `time`) peaked higher between samples.
    peakKb: Math.max(treeKb, largestKb),
    largestKb,
  };
}

/** The naive way: each example in a fresh runtime process, one after the other, nothing cached or shared. */
async function baseline(examples: readonly Example[], root: string, work: string): Promise<number> {
  const runtimes = await resolveRuntimes(
    DEFAULT_RUNTIMES,
    examples.map((example) => example.runtime),
    { root, env: process.env },
  );
  const dir = path.join(work, 'baseline');
  await mkdir(dir, { recursive: true });
  return timed(async () => {
    for (const example of examples) {
      const runtime = runtimes.get(example.runtime)!;
      const file = path.join(dir, `main${runtime.spec.extension}`);
      await writeFile(file, programParts(example).join('\n'));
      spawnSync(runtime.command[0]!, [...runtime.command.slice(1), file], {
        cwd: dir,
        timeout: 10_000,
        stdio: 'ignore',
      });
    }
  });
}

function pythonVersion(): string {
  const result = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return (result.stdout || result.stderr || 'unknown').trim();
}

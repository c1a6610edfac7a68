import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { collectExamples, programParts, type Example } from '../src/examples/collect-examples.ts';
import { runExamples } from '../src/examples/run-examples.ts';
import { resolveRuntimes } from '../src/examples/runtime-versions.ts';
import { DEFAULT_RUNTIMES } from '../src/examples/runtimes.ts';
import { checkContent } from '../src/checks/check-content.ts';
import { generateCorpus } from './generate-corpus.ts';
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
  log: (line: string) => void;
}

/** Everything one benchmark run found, as printed and as written to JSON. */
export interface BenchReport {
  machine: { cores: number; cpu: string; node: string; python: string };
  articles: number;
  examples: number;
  seed: number;
  phases: PhaseResult[];
  /** The build's processes together (Astro, pagefind, the example runtimes). */
  peakBuildMemoryMb: number;
  /** The largest single process of the build. */
  peakLargestProcessMb: number;
}

/** Generates a corpus and times each phase of checking and building it. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
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
    const docCache = path.join(work, 'documents.json');
    const exampleCache = path.join(work, EXAMPLE_CACHE_FILE);
    const check = () => checkContent({ contentDir, cwd: work, cacheFile: docCache });

    // Load + validate and the link check, cold (no document cache) and warm (nothing changed).
    const cold = { load: [] as number[], checks: [] as number[] };
    for (let i = 0; i < options.runs; i++) {
      await rm(docCache, { force: true });
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

    // The whole build, with the example cache warm: our proving step, Astro, pagefind.
    const build = await measureBuilds(options, work, contentDir, corpus.articles + corpus.topics.length + 1);
    phases.push(...build.phases);
    for (const phase of build.phases) options.log(`${phase.phase}: ${phase.median.toFixed(2)} s`);
    return {
      machine: {
        cores: availableParallelism(),
        cpu: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        python: pythonVersion(),
      },
      articles: corpus.articles,
      examples: examples.length,
      seed: options.seed,
      phases,
      peakBuildMemoryMb: build.peakMb,
      peakLargestProcessMb: build.largestProcessMb,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Full `npm run build` runs with its peak memory, split by the timings the build logs. */
async function measureBuilds(options: BenchOptions, work: string, contentDir: string, pages: number) {
  const totals: number[] = [];
  const proving: number[] = [];
  const search: number[] = [];
  let peakKb = 0;
  let largestKb = 0;
  // A first, unmeasured build warms the other caches (rendered Markdown, cards) the way an author's
  // machine has them; the examples' results are the ones the example phases left.
  await buildOnce(options.root, work, contentDir);
  for (let i = 0; i < options.runs; i++) {
    await rm(path.join(work, 'dist'), { recursive: true, force: true });
    const result = await buildOnce(options.root, work, contentDir);
    totals.push(result.seconds);
    proving.push(result.provingSeconds);
    search.push(result.searchSeconds);
    peakKb = Math.max(peakKb, result.peakKb);
    largestKb = Math.max(largestKb, result.largestKb);
  }
  const astro = totals.map((total, i) => total - proving[i]! - search[i]!);
  const phase = (name: string, values: number[]): PhaseResult => ({
    phase: name,
    runs: values,
    median: median(values),
    items: pages,
    unit: 'pages',
  });
  return {
    phases: [
      phase('build: proving step (check + cached examples)', proving),
      phase('build: astro (render and write pages)', astro),
      phase('build: search indexing (pagefind)', search),
      phase('full npm run build (examples cache warm)', totals),
    ],
    peakMb: Math.round(peakKb / 1024),
    largestProcessMb: Math.round(largestKb / 1024),
  };
}

async function buildOnce(root: string, work: string, contentDir: string) {
  const started = performance.now();
  const pending = run(
    '/usr/bin/time',
    ['-f', 'PEAK_KB %M', process.execPath, path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: root,
      env: {
        ...process.env,
        KB_CONTENT_DIR: contentDir,
        KB_OUT_DIR: path.join(work, 'dist'),
        KB_CACHE_DIR: path.join(work, 'astro-cache'),
        KB_EXAMPLE_CACHE: path.join(work, EXAMPLE_CACHE_FILE),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const memory = watchTreeMemory(pending.child.pid!);
  let treeKb = 0;
  const { stderr, stdout } = await pending.finally(() => (treeKb = memory.stop()));
  const seconds = (performance.now() - started) / 1000;
  const log = `${stdout}\n${stderr}`;
  const ms = (pattern: RegExp) => Number(pattern.exec(log)?.[1] ?? 0) / 1000;
  const largestKb = Number(/PEAK_KB (\d+)/.exec(log)?.[1] ?? 0);
  return {
    seconds,
    provingSeconds: ms(/proved in (\d+) ms/),
    searchSeconds: ms(/search index: .*? in (\d+) ms/),
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

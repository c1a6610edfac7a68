import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { applyRuleLevels, type RuleLevel } from '../checks/rule-levels.ts';
import type { Diagnostic } from '../checks/diagnostics.ts';
import { RULES, type RuleId } from '../checks/rule-ids.ts';
import { didYouMean } from '../core/did-you-mean.ts';
import {
  collectExamples,
  KNOWN_FLAGS,
  KNOWN_OPTIONS,
  type Example,
  type ExampleDocument,
} from './collect-examples.ts';
import { earlierKey, exampleKey, hash, openExampleCache, type ExampleCache } from './example-cache.ts';
import type { ExampleSettings, TypecheckOptions } from './example-settings.ts';
import { guardInterrupts } from './interrupts.ts';
import { createProcessLauncher } from './process-launcher.ts';
import { createForkServers } from './python-fork-server.ts';
import { importedModules } from './python-fork-plan.ts';
import { cleanEnvironment } from './run-program.ts';
import type { Progress } from './progress.ts';
import {
  createWorkRoot,
  parseTimeout,
  runExample,
  type ExampleOutcome,
  type RunDefaults,
} from './run-example.ts';
import {
  runtimeResolver,
  type ResolvedRuntime,
  type ResolveOptions,
  type RuntimeResolver,
} from './runtime-versions.ts';
import type { RuntimeSpec } from './runtimes.ts';
import { createSandbox, expectedIsolation, isolationFromEnv, type IsolationKind } from './sandbox.ts';
import type { TypeDiagnostic } from './typecheck-examples.ts';
import { typecheckInThread } from './typecheck-in-thread.ts';

/** What running the examples needs. */
export interface ExampleRunOptions {
  root: string;
  /** The documents whose examples run; only `file`, `displayPath`, `text` and `facts.code` are read. */
  documents: readonly ExampleDocument[];
  runtimes: Record<string, RuntimeSpec>;
  jobs?: number | undefined;
  useCache: boolean;
  cacheFile: string;
  defaults?: Partial<RunDefaults>;
  env: Record<string, string | undefined>;
  progress?: Progress | undefined;
  /** The site's `examples` settings: the default time limit, each runtime's environment, type-check options. */
  settings?: ExampleSettings | undefined;
  /** Rule levels from the site settings; they apply to the examples' findings as to every other. */
  rules?: Partial<Record<RuleId, RuleLevel>> | undefined;
  /** Resolves `runtimes` (made by `exampleRuntimeResolver`), when they were asked ahead, while the content loaded. */
  resolver?: RuntimeResolver | undefined;
  /** The isolation kinds allowed, best first; the first that works is used. Default: `KB_ISOLATION`, else all. */
  isolation?: readonly IsolationKind[] | undefined;
}

/** How the examples that ran were isolated, for the summary and the build log. */
export interface IsolationReport {
  kind: IsolationKind;
  /** What it enforces: `bubblewrap: no network, …`. */
  description: string;
  /** What it does not enforce. */
  notEnforced: string[];
}

/** An example and how long its last run took. */
export interface SlowExample {
  file: string;
  line: number;
  ms: number;
}

/** The examples' verdicts, as diagnostics and figures. */
export interface ExampleRunReport {
  diagnostics: Diagnostic[];
  examples: Example[];
  outcomes: Map<Example, ExampleOutcome>;
  /** The runtimes the examples ran on, by name, with the interpreter's path and version (`label`). */
  runtimes: Map<string, ResolvedRuntime>;
  counts: { total: number; ran: number; cached: number; notRun: number; failed: number };
  /** How examples were isolated; undefined when none had to run (all cached). */
  sandbox: IsolationReport | undefined;
  /** The slowest examples by their last run (a cached one's included), slowest first. */
  slowest: SlowExample[];
}

/** Defaults for examples whose fence sets no limit. */
export const DEFAULT_LIMITS: RunDefaults = { timeoutMs: 10_000, maxOutputBytes: 1024 * 1024 };
const TYPESCRIPT_LANGUAGES = new Set(['ts', 'typescript']);
const SLOWEST_LISTED = 5;

/** Runs every example of the documents (from the cache where nothing changed) and type-checks the TypeScript ones. */
export async function runExamples(options: ExampleRunOptions): Promise<ExampleRunReport> {
  const siteTimeout = parseTimeout(options.settings?.timeout);
  const defaults: RunDefaults = {
    ...DEFAULT_LIMITS,
    ...(siteTimeout === undefined ? {} : { timeoutMs: siteTimeout }),
    ...options.defaults,
  };
  const cache = await openExampleCache(options.useCache ? options.cacheFile : undefined);
  const examples = options.documents.flatMap((doc) => collectExamples(doc, options.runtimes));
  const used = examples.filter((e) => !e.meta.flags.has('norun')).map((e) => e.runtime);
  const resolver = options.resolver ?? runtimeResolver(options.runtimes, resolveOptionsOf(options));
  const runtimes = await resolver(used);
  const kinds = options.isolation ?? isolationFromEnv(options.env);
  const isolation = await expectedIsolation(options.env, kinds);
  const diagnostics: Diagnostic[] = [];
  const report = (example: Example, ruleId: RuleId, message: string, line = example.line) =>
    diagnostics.push({
      file: example.doc.displayPath,
      line,
      column: example.column,
      severity: RULES[ruleId].severity,
      ruleId,
      message,
    });

  const outcomes = new Map<Example, ExampleOutcome>();
  const queue: { example: Example; runtime: ResolvedRuntime; key: string }[] = [];
  let notRun = 0;
  let cached = 0;
  for (const example of examples) {
    for (const word of unknownMeta(example)) {
      const hint = didYouMean(word, [...KNOWN_FLAGS, ...KNOWN_OPTIONS]);
      const known = [...KNOWN_FLAGS, ...KNOWN_OPTIONS.map((o) => `${o}=…`)].join(', ');
      report(
        example,
        'example-unknown-meta',
        `\`${word}\` is not a fence option the runner knows${hint || `; known: ${known}`}`,
      );
    }
    const timeout = example.meta.options.get('timeout');
    if (timeout !== undefined && parseTimeout(timeout) === undefined) {
      report(
        example,
        'example-unknown-meta',
        `\`timeout=${timeout}\` is not a duration; write \`timeout=2s\` or \`timeout=500ms\` (the default ${defaults.timeoutMs / 1000} s applies)`,
      );
    }
    if (example.meta.flags.has('norun')) {
      notRun++;
      continue;
    }
    const runtime = runtimes.get(example.runtime)!;
    if (runtime.problem) {
      report(
        example,
        'example-runtime-missing',
        `this \`${example.language}\` example cannot run: ${runtime.problem}; install it or mark the example \`norun\``,
      );
      continue;
    }
    const timeoutMs = parseTimeout(timeout) ?? defaults.timeoutMs;
    const key = exampleKey(example, runtime, isolation, timeoutMs);
    const hit = cache.verdict(key);
    if (hit && (hit.earlier === undefined || hit.earlier === earlierKey(example))) {
      outcomes.set(example, { ...hit.outcome, cacheable: true });
      cached++;
    } else {
      queue.push({ example, runtime, key });
    }
  }

  // The compiler's pass needs only the examples' code: it runs beside them, in a thread of its own.
  const typeErrors = typecheck(examples, options.root, cache, options.settings?.typecheck);
  // Awaited below; until then a failure must not count as unhandled.
  typeErrors.catch(() => undefined);

  let sandbox: IsolationReport | undefined;
  if (queue.length > 0) {
    const jobs = Math.min(Math.max(1, options.jobs ?? defaultJobs()), queue.length);
    // A slot's fork server has a process group of its own: the slot's sweeps would kill it.
    const box = await createSandbox({ env: options.env, slots: jobs * 2, kinds });
    sandbox = { kind: box.kind, description: box.description, notEnforced: box.notEnforced };
    const workRoot = await createWorkRoot(tmpdir());
    const launcher = createProcessLauncher();
    const forkServers = createForkServers({
      sandbox: box,
      workRoot,
      serverSlot: (slot) => jobs + slot,
      imports: importsByRuntime(queue),
      environment: cleanEnvironment,
    });
    // Ctrl-C stops the examples, and their folders go, before the checker does.
    const guard = guardInterrupts(() => {
      box.abort();
      rmSync(workRoot, { recursive: true, force: true });
    });
    let done = 0;
    try {
      await Promise.all(
        Array.from({ length: jobs }, async (_, slot) => {
          for (let item = queue.shift(); item; item = queue.shift()) {
            const outcome = await runExample(item.example, item.runtime, {
              sandbox: box,
              workRoot,
              slot,
              tracker: guard,
              launcher,
              forkServers,
              defaults,
            });
            outcomes.set(item.example, outcome);
            // A verdict reached in another sandbox than the key says (its probe failed) is not kept.
            if (outcome.cacheable && box.kind === isolation) {
              const { cacheable: _, ...stored } = outcome;
              cache.keepVerdict(item.key, {
                outcome: stored,
                earlier: outcome.usedEarlier ? earlierKey(item.example) : undefined,
              });
            }
            options.progress?.tick(++done, done + queue.length);
          }
        }),
      );
    } finally {
      await forkServers.close();
      await launcher.close();
      guard.release();
      await rm(workRoot, { recursive: true, force: true }).catch(() => undefined);
      await box.dispose();
    }
  }

  for (const example of examples) {
    const outcome = outcomes.get(example);
    if (!outcome) continue;
    for (const note of outcome.notes ?? []) report(example, note.ruleId, note.message);
    if (!outcome.passed && outcome.ruleId && outcome.message)
      report(example, outcome.ruleId, outcome.message, outcome.line);
  }
  for (const type of await typeErrors) {
    const example = examples.find((e) => e.doc.file === type.file)!;
    diagnostics.push({
      file: example.doc.displayPath,
      line: type.line,
      column: type.column,
      severity: 'error',
      ruleId: 'example-type-error',
      message: `type error in the example: ${type.message}`,
    });
  }
  await cache.save();

  const leveled = applyRuleLevels(diagnostics, options.rules);
  const ran = outcomes.size - cached;
  const failed = examples.filter((example) => {
    const outcome = outcomes.get(example);
    if (!outcome || outcome.passed || !outcome.ruleId) return false;
    const level = options.rules?.[outcome.ruleId] ?? RULES[outcome.ruleId].severity;
    return level === 'error';
  }).length;
  const slowest = [...outcomes]
    .filter(([, outcome]) => outcome.durationMs > 0)
    .sort(([, a], [, b]) => b.durationMs - a.durationMs)
    .slice(0, SLOWEST_LISTED)
    .map(([example, outcome]) => ({
      file: example.doc.displayPath,
      line: example.line,
      ms: Math.round(outcome.durationMs),
    }));
  return {
    diagnostics: leveled,
    examples,
    outcomes,
    runtimes,
    counts: { total: examples.length, ran, cached, notRun, failed },
    sandbox,
    slowest,
  };
}

/**
 * One compiler pass over every TypeScript example, cached as a whole by all their code and the
 * options. The compiler loads only on a cache miss (importing it alone takes about a second),
 * in a worker thread, so that the pass runs while the examples do.
 */
async function typecheck(
  examples: readonly Example[],
  root: string,
  cache: ExampleCache,
  settings: TypecheckOptions | undefined,
): Promise<TypeDiagnostic[]> {
  const checked = examples.filter(
    (e) => TYPESCRIPT_LANGUAGES.has(e.language.toLowerCase()) && !e.meta.flags.has('nocheck'),
  );
  if (checked.length === 0) return [];
  const key = hash([
    typescriptVersion(root),
    settings ?? {},
    checked.map((e) => [e.doc.file, e.line, e.column, e.prelude.map((p) => p.code), e.code]),
  ]);
  const hit = cache.typecheck(key);
  if (hit) return hit;
  const diagnostics = await typecheckInThread(checked, root, settings);
  cache.keepTypecheck(key, diagnostics);
  return diagnostics;
}

/** The compiler's version, read from its package so that a cache hit needs no compiler. */
function typescriptVersion(root: string): string {
  const require = createRequire(path.join(root, 'package.json'));
  return (require('typescript/package.json') as { version: string }).version;
}

function unknownMeta(example: Example): string[] {
  const flags = [...example.meta.flags].filter((flag) => !(KNOWN_FLAGS as readonly string[]).includes(flag));
  const keys = [...example.meta.options.keys()].filter(
    (key) => !(KNOWN_OPTIONS as readonly string[]).includes(key),
  );
  return [...flags, ...keys];
}

/** The modules the queued examples import, by runtime: what each runtime's fork servers import ahead. */
function importsByRuntime(
  queue: readonly { example: Example; runtime: ResolvedRuntime }[],
): Map<string, string[]> {
  const imports = new Map<string, Set<string>>();
  for (const { example, runtime } of queue) {
    if (runtime.spec.family !== 'python') continue;
    const names = imports.get(runtime.name) ?? new Set<string>();
    for (const name of importedModules(example)) names.add(name);
    imports.set(runtime.name, names);
  }
  return new Map([...imports].map(([name, names]) => [name, [...names].sort()]));
}

/**
 * The resolver a run of `options`' examples would make, asked about every runtime at once: made
 * before the content loads, the runtimes' probes run while it does.
 */
export function exampleRuntimeResolver(
  options: Pick<ExampleRunOptions, 'root' | 'env' | 'runtimes' | 'settings'>,
): RuntimeResolver {
  const resolver = runtimeResolver(options.runtimes, resolveOptionsOf(options));
  // Errors come again, and are reported, when the run asks.
  resolver(Object.keys(options.runtimes)).catch(() => undefined);
  return resolver;
}

/** Where a run's runtimes are resolved: the project, the caller's environment, the site's interpreters. */
function resolveOptionsOf(options: Pick<ExampleRunOptions, 'root' | 'env' | 'settings'>): ResolveOptions {
  return { root: options.root, env: options.env, environments: options.settings?.environments };
}

/**
 * Examples run at once by default: one per core, and one more. Each also waits on the kernel
 * (joining its process group, making its namespaces), while which another can use the core: on
 * two cores, three at once ran 1,000 examples in 14.5 s where two took 15.9.
 */
export function defaultJobs(): number {
  return availableParallelism() + 1;
}

import { createRequire } from 'node:module';
import path from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { rm } from 'node:fs/promises';
import type { Diagnostic } from '../checks/diagnostics.ts';
import type { ContentDocument } from '../model/load-document.ts';
import { RULES, type RuleId } from '../checks/rule-ids.ts';
import { collectExamples, KNOWN_FLAGS, KNOWN_OPTIONS, type Example } from './collect-examples.ts';
import { exampleKey, hash, loadCache, saveCache } from './example-cache.ts';
import type { Progress } from './progress.ts';
import {
  createWorkRoot,
  parseTimeout,
  runExample,
  type ExampleOutcome,
  type RunDefaults,
} from './run-example.ts';
import { didYouMean } from '../core/did-you-mean.ts';
import { resolveRuntimes, type ResolvedRuntime } from './runtime-versions.ts';
import type { RuntimeSpec } from './runtimes.ts';
import { createSandbox } from './sandbox.ts';
import type { TypeDiagnostic } from './typecheck-examples.ts';

/** What running the examples needs. */
export interface ExampleRunOptions {
  root: string;
  documents: readonly ContentDocument[];
  runtimes: Record<string, RuntimeSpec>;
  jobs?: number | undefined;
  useCache: boolean;
  cacheFile: string;
  defaults?: Partial<RunDefaults>;
  env: Record<string, string | undefined>;
  progress?: Progress | undefined;
}

/** The examples' verdicts, as diagnostics and figures. */
export interface ExampleRunReport {
  diagnostics: Diagnostic[];
  examples: Example[];
  outcomes: Map<Example, ExampleOutcome>;
  runtimes: Map<string, ResolvedRuntime>;
  counts: { total: number; ran: number; cached: number; notRun: number; failed: number };
  sandbox: string | undefined;
}

/** Defaults for examples whose fence sets no limit. */
export const DEFAULT_LIMITS: RunDefaults = { timeoutMs: 5000, maxOutputBytes: 1024 * 1024 };
const TYPESCRIPT_LANGUAGES = new Set(['ts', 'typescript']);

/** Runs every example of the documents (from the cache where nothing changed) and type-checks the TypeScript ones. */
export async function runExamples(options: ExampleRunOptions): Promise<ExampleRunReport> {
  const defaults = { ...DEFAULT_LIMITS, ...options.defaults };
  const now = Date.now();
  const cache = options.useCache
    ? await loadCache(options.cacheFile)
    : { runner: 0, versions: {}, results: {}, typecheck: {} };
  const runtimes = await resolveRuntimes(options.runtimes, options.root, cache.versions, options.env);
  const examples = options.documents.flatMap((doc) => collectExamples(doc, options.runtimes));
  const diagnostics: Diagnostic[] = [];
  const report = (
    example: Example,
    ruleId: RuleId,
    message: string,
    line = example.line,
    column = example.column,
  ) =>
    diagnostics.push({
      file: example.doc.displayPath,
      line,
      column,
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
        `\`timeout=${timeout}\` is not a duration; write \`timeout=2s\` or \`timeout=500ms\` (the default ${DEFAULT_LIMITS.timeoutMs / 1000} s applies)`,
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
    const key = exampleKey(example, runtime);
    const hit = options.useCache ? cache.results[key] : undefined;
    if (hit) {
      hit.usedAt = now;
      outcomes.set(example, { ...hit.outcome, cacheable: true });
      cached++;
    } else {
      queue.push({ example, runtime, key });
    }
  }

  let sandbox: string | undefined;
  if (queue.length > 0) {
    const jobs = Math.min(Math.max(1, options.jobs ?? availableParallelism()), queue.length);
    const box = await createSandbox(options.env, jobs);
    sandbox = box.description;
    const workRoot = await createWorkRoot(tmpdir());
    let done = 0;
    try {
      await Promise.all(
        Array.from({ length: jobs }, async (_, slot) => {
          for (let item = queue.shift(); item; item = queue.shift()) {
            const outcome = await runExample(item.example, item.runtime, box, workRoot, defaults, slot);
            outcomes.set(item.example, outcome);
            if (outcome.cacheable) {
              const { cacheable: _, ...stored } = outcome;
              cache.results[item.key] = { outcome: stored, usedAt: now };
            }
            options.progress?.tick(++done, done + queue.length);
          }
        }),
      );
    } finally {
      await rm(workRoot, { recursive: true, force: true });
      await box.dispose();
    }
  }

  for (const example of examples) {
    const outcome = outcomes.get(example);
    if (outcome && !outcome.passed && outcome.ruleId && outcome.message)
      report(example, outcome.ruleId, outcome.message);
  }
  for (const type of await typecheck(examples, options.root, cache, now)) {
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
  if (options.useCache) await saveCache(options.cacheFile, cache, now);

  const ran = outcomes.size - cached;
  const failed = [...outcomes.values()].filter((outcome) => !outcome.passed).length;
  return {
    diagnostics,
    examples,
    outcomes,
    runtimes,
    counts: { total: examples.length, ran, cached, notRun, failed },
    sandbox,
  };
}

/**
 * One compiler pass over every TypeScript example, cached as a whole by all their code.
 * The compiler loads only on a cache miss: importing it alone takes about a second.
 */
async function typecheck(
  examples: readonly Example[],
  root: string,
  cache: Awaited<ReturnType<typeof loadCache>>,
  now: number,
): Promise<TypeDiagnostic[]> {
  const checked = examples.filter(
    (e) => TYPESCRIPT_LANGUAGES.has(e.language.toLowerCase()) && !e.meta.flags.has('nocheck'),
  );
  if (checked.length === 0) return [];
  const key = hash([
    typescriptVersion(root),
    checked.map((e) => [e.doc.file, e.line, e.column, e.prelude.map((p) => p.code), e.code]),
  ]);
  const hit = cache.typecheck[key];
  if (hit) {
    hit.usedAt = now;
    return hit.diagnostics;
  }
  const { typecheckExamples } = await import('./typecheck-examples.ts');
  const diagnostics = typecheckExamples(checked, root);
  cache.typecheck[key] = { diagnostics, usedAt: now };
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

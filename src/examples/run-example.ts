import { chmod, mkdir } from 'node:fs/promises';
import { makeRunFolder } from './run-folders.ts';
import type { RuleId } from '../checks/rule-ids.ts';
import { scriptOf, type Example } from './collect-examples.ts';
import { judgeRun, type RunVerdict } from './judge-run.ts';
import { normaliseOutput } from './match-output.ts';
import { defines, mentions } from './names-in-code.ts';
import {
  finalError,
  isLoopback,
  looksLikeNetwork,
  missingModule,
  nodeNetworkHost,
  probedHost,
  undefinedName,
} from './read-failure.ts';
import { runProgram, type ProgramRun, type RunContext } from './run-program.ts';
import type { ResolvedRuntime } from './runtime-versions.ts';
import { describeChanges } from './unstable-output.ts';

/** Limits that apply when the fence says nothing else. */
export interface RunDefaults {
  timeoutMs: number;
  maxOutputBytes: number;
}

/** A finding beside an example's verdict, such as a suggestion. */
export interface ExampleNote {
  ruleId: RuleId;
  message: string;
}

/** The verdict on one example, as cached and reported. */
export interface ExampleOutcome extends RunVerdict {
  /** Findings beside the verdict: that a fragment ran after the earlier blocks, as `continue` would. */
  notes?: ExampleNote[];
  /** True when the verdict depends on the article's earlier blocks (it used a name they may define). */
  usedEarlier?: boolean;
  /** How long the example's own run took, in milliseconds. */
  durationMs: number;
}

/** Where a run of examples happens: the worker's context, and what the site named for each runtime. */
export interface ExampleContext extends Omit<RunContext, 'limits'> {
  defaults: RunDefaults;
}

/**
 * Runs one example and judges it as a careful reader would. A block that fails only for a name
 * that an earlier block of its article defines runs again after those blocks, as `continue`
 * would. A failure is named for what it is: a module that is not installed, a network the
 * sandbox does not give. A wrong output is run once more: when the two runs differ from each
 * other, the output is unstable, not wrong. Any error of the checker itself while doing so is
 * this example's finding, never the end of the run.
 */
export async function runExample(
  example: Example,
  runtime: ResolvedRuntime,
  context: ExampleContext,
): Promise<ExampleOutcome> {
  const timeoutMs = parseTimeout(example.meta.options.get('timeout')) ?? context.defaults.timeoutMs;
  const limits = { timeoutMs, maxOutputBytes: context.defaults.maxOutputBytes };
  // Every run after the first is a fresh process, and so is the first unless it passes forked.
  const runContext: RunContext = { ...context, limits, forkServers: undefined };
  const family = runtime.spec.family;
  try {
    let prelude = example.prelude;
    let run = await runProgram(example, prelude, runtime, {
      ...runContext,
      forkServers: context.forkServers,
    });
    let verdict = judgeRun(example, run, runtime, limits);
    if (run.forked && !verdict.passed) {
      run = await runProgram(example, prelude, runtime, runContext);
      verdict = judgeRun(example, run, runtime, limits);
    }
    const durationMs = run.durationMs;
    const notes: ExampleNote[] = [];
    let usedEarlier = false;

    const missingName = verdict.passed ? undefined : undefinedName(errorOf(run, family), family);
    if (missingName) {
      usedEarlier = true;
      const definer =
        example.earlier.find((earlier) => defines(scriptOf(earlier), missingName)) ??
        example.earlier.find((earlier) => mentions(scriptOf(earlier), missingName));
      if (definer && prelude.length < example.earlier.length) {
        // The blocks up to the one that defines the name: a later one that fails would stop the program.
        const needed = example.earlier.slice(0, example.earlier.indexOf(definer) + 1);
        const retry = await runProgram(example, needed, runtime, runContext);
        // Judged by the second run, unless the earlier blocks themselves failed or did not help.
        if (retry.reached && undefinedName(errorOf(retry, family), family) !== missingName) {
          prelude = needed;
          run = retry;
          verdict = judgeRun(example, retry, runtime, limits);
          notes.push({
            ruleId: 'example-fragment',
            message: `this block uses \`${missingName}\`, which the block at line ${definer.line} defines, so it was run after the article's earlier blocks; add \`continue\` to its fence to say so`,
          });
        }
      }
    }

    if (
      !verdict.passed &&
      (verdict.ruleId === 'example-failed' || verdict.ruleId === 'example-output-mismatch')
    ) {
      const named =
        missingModuleVerdict(run, runtime, verdict) ??
        (await networkVerdict(example, prelude, run, runtime, runContext, verdict));
      if (named) verdict = named;
    }

    if (verdict.ruleId === 'example-output-mismatch') {
      const again = await runProgram(example, prelude, runtime, runContext);
      const changes = instability(example, run, again, verdict, judgeRun(example, again, runtime, limits));
      if (changes) {
        verdict = {
          passed: false,
          ruleId: 'example-output-unstable',
          message: `the example printed something different on a second run, so no output block can show what every run prints; where it changes, write \`...\` in the output block:\n${changes}`,
          printed: verdict.printed,
          cacheable: true,
          ...(verdict.line === undefined ? {} : { line: verdict.line }),
        };
      }
    }

    const cleanupError = run.cleanupError;
    if (cleanupError && verdict.passed) {
      verdict = {
        passed: false,
        ruleId: 'example-failed',
        message: `the example's folder could not be removed after it ran (${cleanupError}); an example must not change what the checker may do with its files`,
        printed: verdict.printed,
        cacheable: false,
      };
    }
    return {
      ...verdict,
      durationMs,
      ...(notes.length ? { notes } : {}),
      ...(usedEarlier ? { usedEarlier } : {}),
    };
  } catch (error) {
    return {
      passed: false,
      ruleId: 'example-failed',
      message: `the checker could not run this example: ${(error as Error).message}`,
      printed: '',
      durationMs: 0,
      cacheable: false,
    };
  }
}

/** The error that ended a run: a session's first unexpected error, else what stderr ends with. */
function errorOf(run: ProgramRun, family: ResolvedRuntime['spec']['family']) {
  const failure = run.session?.failure;
  if (failure?.kind === 'exception') return finalError(failure.error ?? '', family);
  return finalError(run.stderr, family);
}

function missingModuleVerdict(
  run: ProgramRun,
  runtime: ResolvedRuntime,
  verdict: RunVerdict,
): RunVerdict | undefined {
  const family = runtime.spec.family;
  const module = missingModule(errorOf(run, family), family);
  if (!module) return undefined;
  const where = `${runtime.label} at \`${runtime.executable ?? runtime.command[0]}\``;
  const fix =
    family === 'node'
      ? 'examples run in a folder of their own, where only the modules built into Node.js can be imported; mark the example `norun`'
      : runtime.requirements
        ? `add it to \`${runtime.requirements.file}\` and install that file there (\`${runtime.executable ?? runtime.command[0]} -m pip install -r ${runtime.requirements.file}\`), or mark the example \`norun\``
        : `install it there (\`${runtime.executable ?? runtime.command[0]} -m pip install ${module}\`), or name a Python that has it in \`examples.environments.${runtime.name}.interpreter\` in the site settings; or mark the example \`norun\``;
  return {
    passed: false,
    ruleId: 'example-missing-module',
    message: `\`${module}\` is not installed for ${where}; ${fix}`,
    printed: verdict.printed,
    // Installing the module changes nothing the cache key sees.
    cacheable: false,
    ...(verdict.line === undefined ? {} : { line: verdict.line }),
  };
}

async function networkVerdict(
  example: Example,
  prelude: readonly Example[],
  run: ProgramRun,
  runtime: ResolvedRuntime,
  context: RunContext,
  verdict: RunVerdict,
): Promise<RunVerdict | undefined> {
  const family = runtime.spec.family;
  const errorText = run.session?.failure?.error ?? run.stderr;
  if (!family || !looksLikeNetwork(errorText)) return undefined;
  const host =
    family === 'node'
      ? nodeNetworkHost(run.stderr)
      : probedHost((await runProgram(example, prelude, runtime, context, true)).process.stderr);
  if (!host || isLoopback(host)) return undefined;
  const why =
    context.sandbox.kind === 'none'
      ? 'and failed (examples are meant to run without a network, and do in a sandbox)'
      : 'but examples run without a network';
  return {
    passed: false,
    ruleId: 'example-needs-network',
    message: `the example tried to reach \`${host}\` ${why}; mark it \`norun\` and show its output as text, or make it talk to a server it starts itself`,
    printed: verdict.printed,
    cacheable: true,
    ...(verdict.line === undefined ? {} : { line: verdict.line }),
  };
}

/** What changed between two runs of an example whose output did not match, if anything did. */
function instability(
  example: Example,
  first: ProgramRun,
  second: ProgramRun,
  firstVerdict: RunVerdict,
  secondVerdict: RunVerdict,
): string | undefined {
  if (example.session) {
    const [a, b] = [first.session?.failure, second.session?.failure];
    if (a && b && a.line === b.line && a.got === b.got) return undefined;
    if (!a || !b || a.line !== b.line) return '  the session goes wrong at another statement on each run';
    return describeChanges(a.got ?? '', b.got ?? '');
  }
  if (normaliseOutput(firstVerdict.printed) === normaliseOutput(secondVerdict.printed)) return undefined;
  return describeChanges(firstVerdict.printed, secondVerdict.printed);
}

/** `2s`, `500ms`, `1.5` (seconds) → milliseconds. */
export function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] === 'ms' ? amount : amount * 1000;
}

/** Makes the folder all example folders of one run live in (and removes those of runs that were killed). */
export async function createWorkRoot(base: string): Promise<string> {
  await mkdir(base, { recursive: true });
  const root = await makeRunFolder(base, 'kb-examples');
  await chmod(root, 0o755);
  return root;
}

import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { programParts, type Example } from './collect-examples.ts';
import { normaliseOutput, outputMatches } from './match-output.ts';
import { runProcess } from './run-process.ts';
import type { ResolvedRuntime } from './runtime-versions.ts';
import { SEPARATOR } from './runtimes.ts';
import { SANDBOX_DIR, type Sandbox } from './sandbox.ts';
import type { RuleId } from '../checks/rule-ids.ts';

/** Limits that apply when the fence says nothing else. */
export interface RunDefaults {
  timeoutMs: number;
  maxOutputBytes: number;
}

/** The verdict on one example, as cached and reported. */
export interface ExampleOutcome {
  passed: boolean;
  /** Set on failure. */
  ruleId?: RuleId;
  message?: string;
  /** What the example's own block printed: stdout, or stdout then stderr for `throws`. */
  printed: string;
  /** False when the verdict depends on the moment (a time-out), so it must not be cached. */
  cacheable: boolean;
}

const STDERR_TAIL_LINES = 8;

/** Runs one example in a fresh folder and judges its exit and output. */
export async function runExample(
  example: Example,
  runtime: ResolvedRuntime,
  sandbox: Sandbox,
  workRoot: string,
  defaults: RunDefaults,
  slot: number,
): Promise<ExampleOutcome> {
  const timeoutMs = parseTimeout(example.meta.options.get('timeout')) ?? defaults.timeoutMs;
  const dir = await mkdtemp(path.join(workRoot, 'ex-'));
  try {
    // The sandbox's own user must be able to write here.
    await chmod(dir, 0o777);
    const parts = programParts(example);
    const separator = runtime.spec.separator;
    const source = separator ? parts.join(`\n${separator}\n`) : parts.join('\n');
    const program = runtime.spec.stripTypes ? stripTypes(source) : { code: source };
    const fileName = `main${runtime.spec.stripTypes ? '.mjs' : runtime.spec.extension}`;
    if (program.error !== undefined) {
      return {
        passed: false,
        ruleId: 'example-failed',
        message: `Node.js cannot run this TypeScript: ${program.error}`,
        printed: '',
        cacheable: true,
      };
    }
    await writeFile(path.join(dir, fileName), `${program.code}\n`);
    const wrapped = sandbox.wrap(runtime.command, dir, fileName, slot);
    const outcome = await runProcess(wrapped.command, {
      cwd: wrapped.cwd,
      env: cleanEnvironment(sandbox.kind === 'bubblewrap' ? SANDBOX_DIR : dir),
      limits: { timeoutMs, maxOutputBytes: defaults.maxOutputBytes },
    });
    const markers = separator ? parts.length - 1 : 0;
    const ownStdout = ownSegment(outcome.stdout, markers);
    const ownStderr = ownSegment(outcome.stderr, markers);
    const throws = example.meta.flags.has('throws');
    const printed = throws ? joinStreams(ownStdout.text, ownStderr.text) : ownStdout.text;
    const fail = (ruleId: RuleId, message: string, cacheable = true): ExampleOutcome => ({
      passed: false,
      ruleId,
      message,
      printed,
      cacheable,
    });

    // bubblewrap reports its own failures (a runtime it cannot start, a mount it cannot make) on stderr.
    const sandboxError = /^bwrap: (.*)$/m.exec(outcome.stderr)?.[1];
    if (sandboxError && outcome.exitCode !== 0) {
      return fail('example-runtime-missing', `the sandbox could not run the example: ${sandboxError}`, false);
    }
    if (outcome.spawnError)
      return fail(
        'example-runtime-missing',
        `\`${runtime.command[0]}\` could not be started: ${outcome.spawnError}`,
        false,
      );
    if (outcome.timedOut) {
      return fail(
        'example-timeout',
        `the example did not finish within ${formatSeconds(timeoutMs)} and was stopped; make it faster or raise the limit with \`timeout=10s\` in the fence`,
        false,
      );
    }
    if (outcome.outputLimitHit) {
      return fail(
        'example-output-limit',
        `the example printed more than ${formatBytes(defaults.maxOutputBytes)} and was stopped`,
      );
    }
    if (!ownStdout.reached) {
      return fail(
        'example-failed',
        `an earlier block this one continues failed, so it never ran (exit code ${outcome.exitCode ?? outcome.signal})${stderrTail(outcome.stderr)}`,
      );
    }
    const failedExit = outcome.exitCode !== 0;
    if (throws && !failedExit)
      return fail('example-failed', 'the example is marked `throws` but exited cleanly (exit code 0)');
    if (!throws && failedExit) {
      const signal =
        outcome.signal ?? (sandbox.kind === 'bubblewrap' ? signalOf(outcome.exitCode) : undefined);
      const how = signal
        ? `was killed by ${signal}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}`
        : `exited with code ${outcome.exitCode}`;
      return fail(
        'example-failed',
        `the example ${how}; mark it \`throws\` if that is the point${stderrTail(ownStderr.text)}`,
      );
    }
    if (example.expected && !outputMatches(example.expected.text, printed)) {
      return fail(
        'example-output-mismatch',
        `the example printed something other than its output block:\n${outputDiff(example.expected.text, printed)}`,
      );
    }
    return { passed: true, printed, cacheable: true };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Node's own type stripping (what it does to a `.mts` file), done once here instead of in
 * each example's process. Only erasable syntax is accepted, as when Node runs the file.
 */
function stripTypes(source: string): { code: string; error?: string } {
  // The stripper is marked experimental and warns on first use; that warning is ours, not the reader's.
  const emitWarning = process.emitWarning;
  process.emitWarning = () => undefined;
  try {
    return { code: stripTypeScriptTypes(source, { mode: 'strip' }) };
  } catch (error) {
    return { code: '', error: (error as Error).message.split('\n')[0] ?? 'invalid TypeScript' };
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** A clean environment: nothing of the caller's (no tokens, no proxies), fixed locale and time zone. */
function cleanEnvironment(home: string): Record<string, string> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TMPDIR: home,
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    NO_COLOR: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
}

/** `2s`, `500ms`, `1.5` (seconds) → milliseconds. */
export function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] === 'ms' ? amount : amount * 1000;
}

/** The example's own output: what follows the last of the `markers` separators its preludes print. */
function ownSegment(text: string, markers: number): { text: string; reached: boolean } {
  if (markers === 0) return { text, reached: true };
  const segments = text.split(`\n${SEPARATOR}\n`);
  return segments.length > markers
    ? { text: segments.slice(markers).join('\n'), reached: true }
    : { text: '', reached: false };
}

/** The signal behind an exit code of 128 + N, which is how bubblewrap (like a shell) reports a killed child. */
function signalOf(exitCode: number | null): string | undefined {
  if (exitCode === null || exitCode <= 128) return undefined;
  return Object.entries(constants.signals).find(([, number]) => number === exitCode - 128)?.[0];
}

function joinStreams(stdout: string, stderr: string): string {
  if (!stdout) return stderr;
  if (!stderr) return stdout;
  return `${stdout.replace(/\n?$/, '\n')}${stderr}`;
}

function stderrTail(stderr: string): string {
  const lines = normaliseOutput(stderr).split('\n').filter(Boolean).slice(-STDERR_TAIL_LINES);
  return lines.length ? `; its last lines of stderr:\n${lines.map((line) => `  | ${line}`).join('\n')}` : '';
}

/** A unified diff, expected (`-`) against actual (`+`), its two header lines saying which is which. */
export function outputDiff(expected: string, actual: string): string {
  const patch = createTwoFilesPatch(
    'expected',
    'actual',
    `${normaliseOutput(expected)}\n`,
    `${normaliseOutput(actual)}\n`,
    '',
    '',
    { context: 3 },
  );
  // Past the `=====` separator line: `--- expected` and `+++ actual` name the sides.
  return patch
    .split('\n')
    .slice(1)
    .filter((line) => line !== '' && !line.startsWith('\\'))
    .map((line) => `  ${line}`)
    .join('\n');
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}

/** Makes the folder all example folders of one run live in. */
export async function createWorkRoot(base: string): Promise<string> {
  await mkdir(base, { recursive: true });
  const root = await mkdtemp(path.join(base, 'kb-examples-'));
  await chmod(root, 0o755);
  return root;
}

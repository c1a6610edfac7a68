import { constants } from 'node:os';
import type { RuleId } from '../checks/rule-ids.ts';
import type { Example } from './collect-examples.ts';
import { normaliseOutput, outputMatches } from './match-output.ts';
import { outputDiff } from './output-diff.ts';
import type { SessionFailure } from './python-session.ts';
import type { ProgramRun } from './run-program.ts';
import type { ResolvedRuntime } from './runtime-versions.ts';

/** A verdict on one run of an example. */
export interface RunVerdict {
  passed: boolean;
  /** Set on failure. */
  ruleId?: RuleId;
  message?: string;
  /** Where the finding is, when not at the example's opening fence (a session's wrong value). */
  line?: number;
  /** What the example's own block printed: stdout, or stdout then stderr for `throws`. */
  printed: string;
  /** False when the verdict depends on the moment (a time-out), so it must not be cached. */
  cacheable: boolean;
}

const STDERR_TAIL_LINES = 8;

/** Judges one run of an example: how it ended, and whether it printed what its article shows. */
export function judgeRun(
  example: Example,
  run: ProgramRun,
  runtime: ResolvedRuntime,
  limits: { timeoutMs: number; maxOutputBytes: number },
): RunVerdict {
  const { process: outcome } = run;
  const throws = example.meta.flags.has('throws');
  const printed = throws ? joinStreams(run.stdout, run.stderr) : run.stdout;
  const fail = (ruleId: RuleId, message: string, cacheable = true, line?: number): RunVerdict => ({
    passed: false,
    ruleId,
    message,
    printed,
    cacheable,
    ...(line === undefined ? {} : { line }),
  });

  if (run.buildError !== undefined)
    return fail('example-failed', `Node.js cannot run this TypeScript: ${run.buildError}`);
  // The sandbox's tools report their own failures (a runtime they cannot start, a mount they cannot make) on stderr.
  const sandboxError = /^(?:bwrap|unshare|setpriv|kb-sandbox): (.*)$/m.exec(outcome.stderr)?.[1];
  if (sandboxError && outcome.exitCode !== 0)
    return fail('example-runtime-missing', `the sandbox could not run the example: ${sandboxError}`, false);
  if (outcome.spawnError)
    return fail(
      'example-runtime-missing',
      `\`${runtime.command[0]}\` could not be started: ${outcome.spawnError}`,
      false,
    );
  if (outcome.timedOut) {
    const seconds = Math.ceil((limits.timeoutMs * 2) / 1000);
    return fail(
      'example-timeout',
      `the example did not finish within ${formatSeconds(limits.timeoutMs)} and was stopped; make it faster or raise the limit with \`timeout=${seconds}s\` in the fence${partialMismatch(example, printed)}`,
      false,
    );
  }
  if (outcome.outputLimitHit) {
    return fail(
      'example-output-limit',
      `the example printed more than ${formatBytes(limits.maxOutputBytes)} and was stopped`,
    );
  }
  if (!run.reached) {
    return fail(
      'example-failed',
      `an earlier block this one continues failed, so it never ran (exit code ${outcome.exitCode ?? outcome.signal})${stderrTail(outcome.stderr)}`,
    );
  }
  if (example.session && run.session) {
    if (run.session.parse !== undefined) {
      const message = run.session.parse.replace(
        /line (\d+) of the docstring for session/,
        (_, line: string) => `line ${example.line + Number(line)}`,
      );
      return fail('example-failed', `this block is not a well-formed \`>>>\` session: ${message}`);
    }
    const failure = run.session.failure;
    if (failure) return { ...judgeSessionFailure(example, failure), printed, cacheable: true };
    if (outcome.exitCode === 0) return { passed: true, printed, cacheable: true };
  }
  if (example.session && !run.session && outcome.exitCode === 0)
    return fail('example-failed', 'the session ended before the checker could read its verdict');

  const failedExit = outcome.exitCode !== 0;
  if (throws && !failedExit)
    return fail('example-failed', 'the example is marked `throws` but exited cleanly (exit code 0)');
  if (!throws && failedExit) {
    const signal = outcome.signal ?? signalOf(outcome.exitCode);
    const how = signal
      ? `was killed by ${signal}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}`
      : `exited with code ${outcome.exitCode}`;
    return fail(
      'example-failed',
      `the example ${how}; mark it \`throws\` if that is the point${stderrTail(run.stderr)}`,
    );
  }
  if (!example.session && example.expected && !outputMatches(example.expected.text, printed)) {
    return fail(
      'example-output-mismatch',
      `the example printed something other than its output block:\n${outputDiff(example.expected.text, printed)}`,
    );
  }
  return { passed: true, printed, cacheable: true };
}

/** A session's first wrong statement, at the line of the value it shows (or of its prompt). */
function judgeSessionFailure(
  example: Example,
  failure: SessionFailure,
): { passed: false; ruleId: RuleId; message: string; line: number } {
  const statementLine = example.line + 1 + failure.line;
  const statement = `\`>>> ${failure.source.split('\n')[0]}\``;
  if (failure.kind === 'mismatch') {
    const sourceLines = failure.source.replace(/\n$/, '').split('\n').length;
    const got = failure.got ?? '';
    return {
      passed: false,
      ruleId: 'example-output-mismatch',
      line: failure.want ? statementLine + sourceLines : statementLine,
      message:
        got.trim() === ''
          ? `${statement} prints nothing, but the session shows a value after it:\n${quoted(failure.want)}`
          : `${statement} prints something other than the session shows:\n${outputDiff(failure.want, got)}`,
    };
  }
  return {
    passed: false,
    ruleId: 'example-failed',
    line: statementLine,
    message: `${statement} raised an error the session does not show:\n${quoted(failure.error ?? '')}`,
  };
}

/** Text as quoted lines under a message: `  | line`. */
function quoted(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `  | ${line}`)
    .join('\n');
}

/**
 * When a time-out stopped an example whose output block has no `...`, whether the complete lines
 * it had printed already differ from that block: then the time-out is not its only problem.
 */
function partialMismatch(example: Example, printed: string): string {
  if (!example.expected || example.expected.text.includes('...')) return '';
  const text = printed.replace(/\r\n?/g, '\n');
  const complete = normaliseOutput(text.slice(0, text.lastIndexOf('\n') + 1));
  if (complete === '') return '';
  const got = complete.split('\n');
  const want = normaliseOutput(example.expected.text).split('\n').slice(0, got.length);
  if (got.every((line, index) => line === want[index])) return '';
  return `; what it printed before then already differs from its output block:\n${outputDiff(want.join('\n'), complete)}`;
}

/** The signal behind an exit code of 128 + N, which is how a sandbox (like a shell) reports a killed child. */
function signalOf(exitCode: number | null): string | undefined {
  if (exitCode === null || exitCode <= 128) return undefined;
  return Object.entries(constants.signals).find(([, number]) => number === exitCode - 128)?.[0];
}

function joinStreams(stdout: string, stderr: string): string {
  if (!stdout) return stderr;
  if (!stderr) return stdout;
  return `${stdout.replace(/\n?$/, '\n')}${stderr}`;
}

/** The last lines of stderr, indented, after `; its last lines of stderr:`; nothing when it is empty. */
export function stderrTail(stderr: string): string {
  const lines = normaliseOutput(stderr).split('\n').filter(Boolean).slice(-STDERR_TAIL_LINES);
  return lines.length ? `; its last lines of stderr:\n${lines.map((line) => `  | ${line}`).join('\n')}` : '';
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}

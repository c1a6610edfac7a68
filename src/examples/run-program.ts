import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Example } from './collect-examples.ts';
import { sessionDriver, sessionReplay, SESSION_RESULT_FILE, type SessionResult } from './python-session.ts';
import type { ProcessLauncher } from './process-launcher.ts';
import { looksAtInterpreter } from './python-fork-plan.ts';
import type { ForkLease, ForkServers } from './python-fork-server.ts';
import { PYTHON_NETWORK_PROBE } from './read-failure.ts';
import {
  notStarted,
  runProcess,
  type ProcessLimits,
  type ProcessOutcome,
  type ProcessTracker,
} from './run-process.ts';
import type { ResolvedRuntime } from './runtime-versions.ts';
import { SEPARATOR } from './runtimes.ts';
import type { Sandbox } from './sandbox.ts';

const run = promisify(execFile);

/** Where and how the programs of one worker run. */
export interface RunContext {
  sandbox: Sandbox;
  /** The folder the examples' own folders are made in. */
  workRoot: string;
  /** The worker running the program. */
  slot: number;
  limits: ProcessLimits;
  tracker?: ProcessTracker | undefined;
  /** Starts the programs from a small process of its own; without one, from this process. */
  launcher?: ProcessLauncher | undefined;
  /** Runs Python programs as children of a warm interpreter; without them, as fresh processes. */
  forkServers?: ForkServers | undefined;
}

/** One run of an example's program, as it happened. */
export interface ProgramRun {
  process: ProcessOutcome;
  /** The example's own stdout and stderr, after the output of the blocks it runs after. */
  stdout: string;
  stderr: string;
  /** False when a block it runs after failed, so that its own code never ran. */
  reached: boolean;
  /** A session's verdict, when the example is one and its driver got to write it. */
  session: SessionResult | undefined;
  /** Why the program could not be made at all (TypeScript that Node.js cannot strip). */
  buildError: string | undefined;
  /** Why the example's folder could not be removed after the run. */
  cleanupError: string | undefined;
  durationMs: number;
  /** Run by a child of the slot's Python fork server, not by a fresh process: only a pass counts. */
  forked: boolean;
}

/**
 * Runs an example after the blocks of `prelude`, in a fresh folder in the sandbox, and removes
 * the folder. `probe` runs it under Python's network probe instead, to learn the host it wanted.
 */
export async function runProgram(
  example: Example,
  prelude: readonly Example[],
  runtime: ResolvedRuntime,
  context: RunContext,
  probe = false,
): Promise<ProgramRun> {
  // A session in the prelude is replayed as typed; the example's own session is judged.
  const parts = [
    ...prelude.map((block) => (block.session ? sessionReplay(block.code) : block.code)),
    example.session ? sessionDriver(example.code) : example.code,
  ];
  const separator = runtime.spec.separator;
  const source = separator ? parts.join(`\n${separator}\n`) : parts.join('\n');
  const program = runtime.spec.stripTypes ? stripTypes(source) : { code: source };
  if (program.error !== undefined) return notRun(program.error);
  const fileName = `main${runtime.spec.stripTypes ? '.mjs' : runtime.spec.extension}`;
  // A `throws` example's stderr is judged too, where a fork would miss what teardown prints.
  const forkable = !probe && !example.meta.flags.has('throws') && !looksAtInterpreter(source);
  const lease = forkable ? await context.forkServers?.lease(context.slot, runtime) : undefined;
  if (lease) {
    const forked = await runForked(example, lease, fileName, program.code, context);
    if (forked) {
      const { outcome, ...run } = forked;
      return { ...collect(outcome, parts.length, separator), ...run, buildError: undefined, forked: true };
    }
  }
  const hostDir = await mkdtemp(path.join(context.workRoot, 'ex-'));
  const started = performance.now();
  let outcome: ProcessOutcome;
  let session: SessionResult | undefined;
  try {
    // The sandbox's own user must be able to write here.
    await chmod(hostDir, 0o777);
    await writeFile(path.join(hostDir, fileName), `${program.code}\n`);
    const folder = context.sandbox.folder(hostDir);
    const file = `${folder}/${fileName}`;
    const argv = probe ? [...runtime.command, '-c', PYTHON_NETWORK_PROBE, file] : [...runtime.command, file];
    const launch = context.launcher ? context.launcher.run.bind(context.launcher) : runProcess;
    outcome = await launch(context.sandbox.wrap(argv, hostDir, context.slot, runtime.paths), {
      cwd: hostDir,
      env: cleanEnvironment(folder),
      limits: context.limits,
      tracker: context.tracker,
    });
    // What left the example's session (a daemon) is not in its process group; the cgroup knows it.
    await context.sandbox.sweep(context.slot);
    if (example.session) session = await readSession(hostDir);
  } catch (error) {
    await removeFolder(hostDir);
    throw error;
  }
  const durationMs = performance.now() - started;
  return {
    ...collect(outcome, parts.length, separator),
    session,
    buildError: undefined,
    cleanupError: await removeFolder(hostDir),
    durationMs,
    forked: false,
  };
}

/**
 * Runs the program in a child of the slot's fork server, in the server's folder, which is
 * emptied after; undefined when the server failed, and the program must run as a fresh process.
 */
async function runForked(
  example: Example,
  lease: ForkLease,
  fileName: string,
  code: string,
  context: RunContext,
): Promise<
  (Pick<ProgramRun, 'session' | 'cleanupError' | 'durationMs'> & { outcome: ProcessOutcome }) | undefined
> {
  const started = performance.now();
  let outcome: ProcessOutcome | undefined;
  let session: SessionResult | undefined;
  try {
    await writeFile(path.join(lease.hostDir, fileName), `${code}\n`);
    outcome = await lease.run(fileName, context.limits, context.tracker);
    if (outcome && example.session) session = await readSession(lease.hostDir);
  } finally {
    // A folder that cannot be emptied is the example's doing: a fresh run will say so, and the
    // next example gets another server and folder.
    if (await emptyFolder(lease.hostDir)) {
      lease.discard();
      outcome = undefined;
    }
  }
  if (!outcome) return undefined;
  return { outcome, session, cleanupError: undefined, durationMs: performance.now() - started };
}

/** The example's own output and whether its code was reached, from the program's whole output. */
function collect(
  outcome: ProcessOutcome,
  parts: number,
  separator: string | undefined,
): Pick<ProgramRun, 'process' | 'stdout' | 'stderr' | 'reached'> {
  const markers = separator ? parts - 1 : 0;
  const stdout = ownSegment(outcome.stdout, markers);
  return {
    process: outcome,
    stdout: stdout.text,
    stderr: ownSegment(outcome.stderr, markers).text,
    reached: stdout.reached,
  };
}

function notRun(error: string): ProgramRun {
  return {
    process: notStarted(),
    stdout: '',
    stderr: '',
    reached: false,
    session: undefined,
    buildError: error,
    cleanupError: undefined,
    durationMs: 0,
    forked: false,
  };
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
export function cleanEnvironment(home: string): Record<string, string> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TMPDIR: home,
    PWD: home,
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    NO_COLOR: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
}

/** The example's own output: what follows the last of the `markers` separators its preludes print. */
function ownSegment(text: string, markers: number): { text: string; reached: boolean } {
  if (markers === 0) return { text, reached: true };
  const segments = text.split(`\n${SEPARATOR}\n`);
  return segments.length > markers
    ? { text: segments.slice(markers).join('\n'), reached: true }
    : { text: '', reached: false };
}

async function readSession(hostDir: string): Promise<SessionResult | undefined> {
  try {
    const result = JSON.parse(await readFile(path.join(hostDir, SESSION_RESULT_FILE), 'utf8')) as unknown;
    return typeof result === 'object' && result !== null ? (result as SessionResult) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes an example's folder. An example that ran unsandboxed as root may have marked files
 * immutable (`chattr +i`); those flags are cleared first. Returns why removal failed, if it did.
 */
async function removeFolder(dir: string): Promise<string | undefined> {
  try {
    await rm(dir, { recursive: true, force: true });
    return undefined;
  } catch (error) {
    await run('chattr', ['-R', '-i', '-a', dir], { timeout: 10_000 }).catch(() => undefined);
    try {
      await rm(dir, { recursive: true, force: true });
      return undefined;
    } catch (again) {
      return `${(again as NodeJS.ErrnoException).code ?? 'error'}: ${(again as Error).message} (first: ${(error as Error).message})`;
    }
  }
}

/** Removes what is in a fork server's folder, which stays (the server's sandbox shows it); returns why that failed, if it did. */
async function emptyFolder(dir: string): Promise<string | undefined> {
  try {
    const names = await readdir(dir);
    const errors = await Promise.all(names.map((name) => removeFolder(path.join(dir, name))));
    return errors.find((error) => error !== undefined);
  } catch (error) {
    return (error as Error).message;
  }
}

import { spawn } from 'node:child_process';

/** Limits of one run. */
export interface ProcessLimits {
  timeoutMs: number;
  /** Bytes kept of stdout and of stderr each; more ends the process. */
  maxOutputBytes: number;
}

/** How a run ended. */
export interface ProcessOutcome {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  outputLimitHit: boolean;
  /** Set when the program could not be started at all. */
  spawnError: string | undefined;
}

/** Keeps a kill function for each running process, so that an interrupted run can stop them all. */
export interface ProcessTracker {
  /** Registers a running process; the returned function unregisters it. */
  track(kill: () => void): () => void;
}

/**
 * How long the output pipes may stay open after the process ended or was killed: a process
 * that left the group (`setsid`) and kept them open must not hold the run past its limit.
 */
const PIPE_GRACE_MS = 500;

/** Where and how a program runs. */
export interface RunOptions {
  cwd: string;
  env: Record<string, string>;
  limits: ProcessLimits;
  tracker?: ProcessTracker | undefined;
}

/** The outcome of a program before it ran (or of one that never could: `spawnError` says why). */
export function notStarted(spawnError?: string): ProcessOutcome {
  return {
    stdout: '',
    stderr: '',
    exitCode: null,
    signal: null,
    timedOut: false,
    outputLimitHit: false,
    spawnError,
  };
}

/**
 * Runs a command in its own process group with a clean environment, a time limit and an
 * output limit; on either limit, and when the process ends, the whole group is killed. The
 * run ends at most a moment after that, whoever still holds the output pipes.
 */
export function runProcess(command: readonly string[], options: RunOptions): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    const [program = '', ...args] = command;
    const outcome = notStarted();
    const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
    const sizes = { stdout: 0, stderr: 0 };
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const untrack = options.tracker?.track(killGroup) ?? (() => undefined);
    let grace: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      killGroup();
      untrack();
      child.stdout.destroy();
      child.stderr.destroy();
      outcome.stdout = Buffer.concat(chunks.stdout).toString('utf8');
      outcome.stderr = Buffer.concat(chunks.stderr).toString('utf8');
      resolve(outcome);
    };
    const stop = () => {
      killGroup();
      grace ??= setTimeout(finish, PIPE_GRACE_MS);
    };
    const timer = setTimeout(() => {
      outcome.timedOut = true;
      stop();
    }, options.limits.timeoutMs);
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].on('data', (chunk: Buffer) => {
        const room = options.limits.maxOutputBytes - sizes[stream];
        if (room > 0) chunks[stream].push(chunk.subarray(0, room));
        sizes[stream] += chunk.length;
        if (sizes[stream] > options.limits.maxOutputBytes && !outcome.outputLimitHit) {
          outcome.outputLimitHit = true;
          stop();
        }
      });
    }
    child.on('error', (error) => {
      outcome.spawnError = error.message;
      finish();
    });
    child.on('exit', (code, signal) => {
      outcome.exitCode = code;
      outcome.signal = signal;
      // The group may still hold children that outlived the main process.
      stop();
    });
    child.on('close', finish);
  });
}

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

/**
 * Runs a command in its own process group with a clean environment, a time limit and an
 * output limit; on either limit the whole group is killed.
 */
export function runProcess(
  command: readonly string[],
  options: {
    cwd: string;
    env: Record<string, string>;
    limits: ProcessLimits;
    uid?: number | undefined;
    gid?: number | undefined;
  },
): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    const [program = '', ...args] = command;
    const outcome: ProcessOutcome = {
      stdout: '',
      stderr: '',
      exitCode: null,
      signal: null,
      timedOut: false,
      outputLimitHit: false,
      spawnError: undefined,
    };
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
    const timer = setTimeout(() => {
      outcome.timedOut = true;
      killGroup();
    }, options.limits.timeoutMs);
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].on('data', (chunk: Buffer) => {
        const room = options.limits.maxOutputBytes - sizes[stream];
        if (room > 0) chunks[stream].push(chunk.subarray(0, room));
        sizes[stream] += chunk.length;
        if (sizes[stream] > options.limits.maxOutputBytes && !outcome.outputLimitHit) {
          outcome.outputLimitHit = true;
          killGroup();
        }
      });
    }
    child.on('error', (error) => {
      outcome.spawnError = error.message;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // The group may still hold children that outlived the main process.
      killGroup();
      outcome.exitCode = code;
      outcome.signal = signal;
      outcome.stdout = Buffer.concat(chunks.stdout).toString('utf8');
      outcome.stderr = Buffer.concat(chunks.stderr).toString('utf8');
      resolve(outcome);
    });
  });
}

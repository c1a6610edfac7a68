import { fork, type ChildProcess } from 'node:child_process';
import { notStarted, type ProcessOutcome, type RunOptions } from './run-process.ts';

/** What one run asks the launcher for: `runProcess`'s arguments, the tracker aside. */
export interface LaunchRequest extends Omit<RunOptions, 'tracker'> {
  id: number;
  command: readonly string[];
}

/** The launcher's messages: a run's outcome. */
export interface LaunchAnswer {
  id: number;
  outcome: ProcessOutcome;
}

/** Starts programs as `runProcess` does, from a small process of its own. */
export interface ProcessLauncher {
  run(command: readonly string[], options: RunOptions): Promise<ProcessOutcome>;
  /** Ends the launcher; runs still going end with it. */
  close(): Promise<void>;
}

/**
 * Creates a launcher: a small Node.js process (launcher-process.ts) that starts each program and
 * reports how it ended. Starting a process copies the address space of the one that starts it
 * (libuv forks, then execs), and blocks it meanwhile: from a build that holds a gigabyte, about
 * 60 ms each; from the launcher, which holds a few dozen megabytes, about 2 ms. The launcher ends
 * with this process, killing what it started.
 */
export function createProcessLauncher(): ProcessLauncher {
  let child: ChildProcess | undefined;
  let nextId = 0;
  const pending = new Map<number, (outcome: ProcessOutcome) => void>();

  const failAll = (reason: string) => {
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve(notStarted(reason));
    }
  };
  const start = (): ChildProcess => {
    const started = fork(new URL('./launcher-process.ts', import.meta.url), [], {
      // Only the IPC channel: the programs' output comes back in the answers.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    started.on('message', ({ id, outcome }: LaunchAnswer) => {
      pending.get(id)?.(outcome);
      pending.delete(id);
      if (pending.size === 0) started.unref();
    });
    started.on('exit', (code, signal) => {
      if (child === started) child = undefined;
      failAll(`the example launcher stopped (${signal ?? `exit code ${code}`})`);
    });
    started.on('error', (error) => failAll(`the example launcher failed: ${error.message}`));
    return started;
  };

  return {
    run(command, options) {
      const launcher = (child ??= start());
      const id = nextId++;
      launcher.ref();
      return new Promise<ProcessOutcome>((resolve) => {
        const untrack = options.tracker?.track(() => launcher.send({ kill: id })) ?? (() => undefined);
        pending.set(id, (outcome) => {
          untrack();
          resolve(outcome);
        });
        const request: LaunchRequest = {
          id,
          command,
          cwd: options.cwd,
          env: options.env,
          limits: options.limits,
        };
        launcher.send(request);
      });
    },
    async close() {
      const closing = child;
      child = undefined;
      if (!closing || closing.exitCode !== null || closing.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        closing.once('exit', () => resolve());
        // Until it is gone, which this process waits for.
        closing.ref();
        closing.disconnect();
      });
    },
  };
}

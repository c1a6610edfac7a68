import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { constants } from 'node:os';
import path from 'node:path';
import type { ProcessLimits, ProcessOutcome, ProcessTracker } from './run-process.ts';
import type { ResolvedRuntime } from './runtime-versions.ts';
import type { Sandbox } from './sandbox.ts';

const SERVER_SOURCE = readFileSync(new URL('./python-fork-server.py', import.meta.url), 'utf8');

/** Past an example's own time limit, how long the runner waits for the server's answer before giving up on it. */
const ANSWER_GRACE_MS = 5_000;
/** A server that failed this often for a slot is not started again: its examples run as fresh processes. */
const MAX_FAILURES = 2;

/** A slot's warm Python: the folder its examples run in, and a way to run the program written there. */
export interface ForkLease {
  /** The example's folder on the host, empty; the program goes here. */
  hostDir: string;
  /** Where that folder is inside the sandbox. */
  folder: string;
  /**
   * Runs the program `fileName` of the folder in a child of the server; undefined when the server
   * failed (it died, or did not answer in time): the example is then run as a fresh process.
   */
  run(
    fileName: string,
    limits: ProcessLimits,
    tracker: ProcessTracker | undefined,
  ): Promise<ProcessOutcome | undefined>;
  /** Ends the server: its folder could not be emptied, and must not be the next example's. */
  discard(): void;
}

/**
 * Python fork servers, one per worker slot and runtime: a Python started once in the slot's
 * sandbox, with the standard-library modules the examples import already imported, forks a child
 * for each example (python-fork-server.py). Starting an interpreter and importing `asyncio` cost
 * about 45 ms of processor time an example; a fork costs about 2.
 *
 * Only a pass is taken from a forked run (run-example.ts): anything else is decided by a fresh
 * process, so that what the fork shares (the hash seed, the imported modules, a few frames under
 * the example's) can never fail an example that a reader's `python3 main.py` would pass.
 */
export interface ForkServers {
  /** The slot's server for `runtime`, started if need be; undefined where examples run as fresh processes. */
  lease(slot: number, runtime: ResolvedRuntime): Promise<ForkLease | undefined>;
  /** Ends every server. */
  close(): Promise<void>;
}

/** What starting the servers needs. */
export interface ForkServerOptions {
  sandbox: Sandbox;
  /** The folder the servers' folders are made in. */
  workRoot: string;
  /** The sandbox slot a worker's server runs in, apart from the worker's own (whose sweeps would kill it). */
  serverSlot(slot: number): number;
  /** Modules the examples import, by runtime name: the server imports those of the standard library first. */
  imports: ReadonlyMap<string, readonly string[]>;
  /** The environment of an example in `folder`. */
  environment(folder: string): Record<string, string>;
}

/** Fork servers, where the sandbox gives each its own process namespace (the server sweeps it between examples). */
export function createForkServers(options: ForkServerOptions): ForkServers {
  const servers = new Map<string, Promise<Server | undefined>>();
  const failures = new Map<string, number>();
  const runnerNamespace = readlinkSync('/proc/self/ns/pid');

  const start = async (slot: number, runtime: ResolvedRuntime): Promise<Server | undefined> => {
    const hostDir = await mkdtemp(path.join(options.workRoot, 'py-'));
    // The sandbox's own user must be able to write here.
    await chmod(hostDir, 0o777);
    const folder = options.sandbox.folder(hostDir);
    const argv = [
      ...runtime.command,
      '-c',
      SERVER_SOURCE,
      runnerNamespace,
      ...(options.imports.get(runtime.name) ?? []),
    ];
    const [program = '', ...args] = options.sandbox.wrap(
      argv,
      hostDir,
      options.serverSlot(slot),
      runtime.paths,
    );
    const child = spawn(program, args, {
      cwd: hostDir,
      env: options.environment(folder),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    return new Promise((resolve) => {
      child.once('spawn', () => resolve(new Server(child, hostDir, folder)));
      child.once('error', () => resolve(undefined));
    });
  };

  return {
    async lease(slot, runtime) {
      if (runtime.spec.family !== 'python' || !options.sandbox.ownProcesses) return undefined;
      const key = `${slot}\0${runtime.name}`;
      const known = servers.has(key);
      let server = await servers.get(key);
      if (!server || server.dead) {
        // One that could not start, or that died, counts against the slot.
        if (known) failures.set(key, (failures.get(key) ?? 0) + 1);
        if ((failures.get(key) ?? 0) >= MAX_FAILURES) return undefined;
        const pending = start(slot, runtime).catch(() => undefined);
        servers.set(key, pending);
        server = await pending;
        if (!server) return undefined;
      }
      const { hostDir, folder } = server;
      return {
        hostDir,
        folder,
        run: (fileName, limits, tracker) => server.run(`${folder}/${fileName}`, limits, tracker),
        discard: () => server.kill(),
      };
    },
    async close() {
      const all = await Promise.all(servers.values());
      servers.clear();
      await Promise.all(all.map((server) => server?.stop()));
    },
  };
}

/** The answer's first line, as the server writes it. */
interface Answer {
  stdout: number;
  stderr: number;
  code: number | null;
  signal: number | null;
  timedOut: boolean;
  limitHit: boolean;
}

/** One running server: requests go one at a time, each answer is a JSON line and the output's bytes. */
class Server {
  dead = false;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: (() => void) | undefined;

  private readonly child: ChildProcessWithoutNullStreams;
  readonly hostDir: string;
  readonly folder: string;

  constructor(child: ChildProcessWithoutNullStreams, hostDir: string, folder: string) {
    this.child = child;
    this.hostDir = hostDir;
    this.folder = folder;
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.waiting?.();
    });
    // Its own errors (a module that failed to import says so); never the examples', which have their own pipes.
    child.stderr.resume();
    child.stdin.on('error', () => this.kill());
    child.once('exit', () => {
      this.dead = true;
      this.waiting?.();
    });
  }

  async run(
    file: string,
    limits: ProcessLimits,
    tracker: ProcessTracker | undefined,
  ): Promise<ProcessOutcome | undefined> {
    if (this.dead) return undefined;
    const untrack = tracker?.track(() => this.kill()) ?? (() => undefined);
    const guard = setTimeout(() => this.kill(), limits.timeoutMs + ANSWER_GRACE_MS);
    try {
      this.child.stdin.write(
        `${JSON.stringify({ file, timeout: limits.timeoutMs / 1000, limit: limits.maxOutputBytes })}\n`,
      );
      const header = await this.read((buffer) => {
        const end = buffer.indexOf(10);
        return end < 0 ? undefined : end + 1;
      });
      if (!header) return undefined;
      const answer = JSON.parse(header.toString('utf8')) as Answer | { unforkable: true };
      if ('unforkable' in answer) {
        this.kill();
        return undefined;
      }
      const body = await this.read((buffer) =>
        buffer.length >= answer.stdout + answer.stderr ? answer.stdout + answer.stderr : undefined,
      );
      if (!body) return undefined;
      return {
        stdout: body.subarray(0, answer.stdout).toString('utf8'),
        stderr: body.subarray(answer.stdout).toString('utf8'),
        exitCode: answer.code,
        signal: signalName(answer.signal),
        timedOut: answer.timedOut,
        outputLimitHit: answer.limitHit,
        spawnError: undefined,
      };
    } catch {
      this.kill();
      return undefined;
    } finally {
      clearTimeout(guard);
      untrack();
    }
  }

  /** The first bytes of the answer, once `size` says how many; undefined if the server ended first. */
  private async read(size: (buffer: Buffer) => number | undefined): Promise<Buffer | undefined> {
    for (;;) {
      const wanted = size(this.buffered);
      if (wanted !== undefined) {
        const taken = this.buffered.subarray(0, wanted);
        this.buffered = this.buffered.subarray(wanted);
        return taken;
      }
      if (this.dead) return undefined;
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = undefined;
    }
  }

  kill(): void {
    this.dead = true;
    try {
      if (this.child.pid) process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    this.waiting?.();
  }

  /** Asks the server to end (its stdin closes), and kills it if it does not. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.kill(), 1_000);
    await exited;
    clearTimeout(timer);
  }
}

function signalName(signal: number | null): NodeJS.Signals | null {
  if (signal === null) return null;
  const entry = Object.entries(constants.signals).find(([, value]) => value === signal);
  return (entry?.[0] as NodeJS.Signals | undefined) ?? null;
}

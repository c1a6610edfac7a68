import { getCompileCacheDir } from 'node:module';
import path from 'node:path';
import { parentPort, Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';

/** What the pool sends a worker: one task. */
interface TaskMessage<In> {
  id: number;
  input: In;
}

/** A worker's answer to one task: its result, or why it failed. */
type AnswerMessage<Out> =
  | { id: number; output: Out; error?: undefined }
  | { id: number; output?: undefined; error: { message: string; stack: string | undefined } };

/** Runs tasks in worker threads. */
export interface WorkerPool<In, Out> {
  /** The task's result; a failure's message names `label` (such as the file the task is about). */
  run(input: In, label: string): Promise<Out>;
  /**
   * Starts every worker now rather than with the first tasks, for a caller that knows tasks will
   * come: a worker takes a few tenths of a second to load its code, time the caller can use.
   */
  warm(): void;
  /** Ends the workers; tasks asked for afterwards start new ones. */
  close(): Promise<void>;
}

interface Task<In, Out> {
  message: TaskMessage<In>;
  label: string;
  resolve: (output: Out) => void;
  reject: (error: Error) => void;
}

interface Slot<In, Out> {
  worker: Worker;
  running: Map<number, Task<In, Out>>;
  /** Whether it has answered a task: a worker that dies before its first answer cannot start at all. */
  answered: boolean;
}

/**
 * A pool of up to `size` worker threads, each running `script` (which calls `serveTasks`). A
 * worker starts when a task needs it, so a run with nothing to do starts none, and keeps the
 * process alive only while it has tasks. Each worker holds `tasksPerWorker` tasks at once, so
 * that it never waits for its next one while an answer crosses threads. `describe(label)`
 * begins every failure's message.
 */
export function createWorkerPool<In, Out>(options: {
  script: URL;
  workerData: unknown;
  size: number;
  tasksPerWorker: number;
  describe: (label: string) => string;
  /** Each worker's heap limits (Node.js's `resourceLimits`); V8's defaults where not given. */
  resourceLimits?: ResourceLimits;
}): WorkerPool<In, Out> {
  const size = Math.max(1, Math.floor(options.size));
  const slots: Slot<In, Out>[] = [];
  const waiting: Task<In, Out>[] = [];
  let nextId = 0;

  const settle = (slot: Slot<In, Out>, answer: AnswerMessage<Out>) => {
    const task = slot.running.get(answer.id);
    if (!task) return;
    slot.running.delete(answer.id);
    slot.answered = true;
    if (answer.error) {
      const cause = Object.assign(new Error(answer.error.message), { stack: answer.error.stack });
      task.reject(new Error(`${options.describe(task.label)}: ${cause.message}`, { cause }));
    } else {
      task.resolve(answer.output);
    }
    dispatch();
  };

  // A worker that dies after answering fails the tasks it held, and the next task starts a fresh
  // worker. One that dies before its first answer (its code failed to load) would fail the same
  // way again: every waiting task fails with it.
  const fail = (slot: Slot<In, Out>, error: Error) => {
    slots.splice(slots.indexOf(slot), 1);
    const failed = [...slot.running.values(), ...(slot.answered ? [] : waiting.splice(0))];
    slot.running.clear();
    for (const task of failed) {
      task.reject(new Error(`${options.describe(task.label)}: ${error.message}`, { cause: error }));
    }
    dispatch();
  };

  const start = (): Slot<In, Out> => {
    const worker = new Worker(options.script, {
      workerData: options.workerData,
      env: workerEnvironment(),
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
    const slot: Slot<In, Out> = { worker, running: new Map(), answered: false };
    worker.on('message', (answer: AnswerMessage<Out>) => settle(slot, answer));
    worker.on('error', (error) => fail(slot, error));
    worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(slot, new Error(`the worker thread stopped with exit code ${code}`));
    });
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    while (waiting.length > 0) {
      const idle = slots.find((slot) => slot.running.size === 0);
      const slot =
        idle ??
        (slots.length < size
          ? start()
          : slots
              .filter((candidate) => candidate.running.size < options.tasksPerWorker)
              .sort((a, b) => a.running.size - b.running.size)[0]);
      if (!slot) break;
      const task = waiting.shift()!;
      slot.running.set(task.message.id, task);
      slot.worker.postMessage(task.message);
    }
    // An idle worker must not keep the process running: a caller that forgets `close()` still exits.
    for (const slot of slots) {
      if (slot.running.size > 0) slot.worker.ref();
      else slot.worker.unref();
    }
  };

  return {
    run(input, label) {
      return new Promise<Out>((resolve, reject) => {
        waiting.push({ message: { id: nextId++, input }, label, resolve, reject });
        dispatch();
      });
    },
    warm() {
      while (slots.length < size) start();
      dispatch();
    },
    async close() {
      const closing = slots.splice(0);
      await Promise.all(closing.map(({ worker }) => worker.terminate()));
      for (const { running } of closing) {
        for (const task of running.values()) {
          task.reject(new Error(`${options.describe(task.label)}: the worker pool was closed`));
        }
      }
    },
  };
}

/**
 * The worker's side of `createWorkerPool`: answers each task the pool sends with `handle`'s
 * result, or with the error it threw. `handle` may be asynchronous; tasks overlap as it allows.
 * `transfer` names the buffers of a result that move to the pool rather than being copied.
 */
export function serveTasks<In, Out>(
  handle: (input: In) => Out | Promise<Out>,
  transfer: (output: Out) => Transferable[] = () => [],
): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread of a worker pool');
  port.on('message', ({ id, input }: TaskMessage<In>) => {
    Promise.resolve()
      .then(() => handle(input))
      .then(
        (output) => port.postMessage({ id, output } satisfies AnswerMessage<Out>, transfer(output)),
        (error: unknown) => {
          const { message, stack } = error instanceof Error ? error : new Error(String(error));
          port.postMessage({ id, error: { message, stack } } satisfies AnswerMessage<Out>);
        },
      );
  });
}

/**
 * The environment of a new worker: this process's, and its module compile cache where it has one.
 * `astro` turns the cache on for its own thread only (not in CI); a worker uses it only when
 * `NODE_COMPILE_CACHE` names it, and without it every worker strips the types of our modules
 * and compiles them afresh (about a fifth of a second each).
 */
function workerEnvironment(): NodeJS.ProcessEnv {
  const cache = getCompileCacheDir();
  if (!cache || process.env['NODE_COMPILE_CACHE']) return process.env;
  // The cache's folder for this Node.js version, inside the folder the variable names.
  return { ...process.env, NODE_COMPILE_CACHE: path.dirname(cache) };
}

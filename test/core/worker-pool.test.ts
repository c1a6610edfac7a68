import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/core/worker-pool.ts';

interface Input {
  value: number;
  fail?: boolean;
  exit?: boolean;
}
type Output = { doubled: number; thread: number; when: Date };

const pool = (script: string, size = 2) =>
  createWorkerPool<Input, Output>({
    script: new URL(`fixtures/worker-pool/${script}`, import.meta.url),
    workerData: undefined,
    size,
    tasksPerWorker: 2,
    describe: (label) => `Could not double ${label}`,
  });

describe('worker pool', () => {
  it('answers every task with its own result, spread over its threads, dates intact', async () => {
    const workers = pool('echo-worker.ts');
    try {
      const values = Array.from({ length: 40 }, (_, i) => i);
      const results = await Promise.all(values.map((value) => workers.run({ value }, `#${value}`)));
      expect(results.map((result) => result.doubled)).toEqual(values.map((value) => value * 2));
      expect(results.map((result) => result.when)).toEqual(values.map((value) => new Date(value)));
      expect(new Set(results.map((result) => result.thread)).size).toBe(2);
    } finally {
      await workers.close();
    }
  });

  it('fails a task whose work throws with its label and the reason, and goes on with the others', async () => {
    const workers = pool('echo-worker.ts');
    try {
      const failed = workers.run({ value: 7, fail: true }, 'topic/seven.md');
      await expect(failed).rejects.toThrow('Could not double topic/seven.md: cannot double 7');
      await expect(failed.catch((error: Error) => (error.cause as Error).message)).resolves.toBe(
        'cannot double 7',
      );
      await expect(workers.run({ value: 8 }, 'topic/eight.md')).resolves.toMatchObject({ doubled: 16 });
    } finally {
      await workers.close();
    }
  });

  it('fails the tasks of a thread that stops, and starts a fresh one for the next', async () => {
    const workers = pool('echo-worker.ts', 1);
    try {
      await expect(workers.run({ value: 1 }, 'first')).resolves.toMatchObject({ doubled: 2 });
      await expect(workers.run({ value: 2, exit: true }, 'second')).rejects.toThrow(
        'Could not double second: the worker thread stopped with exit code 3',
      );
      await expect(workers.run({ value: 3 }, 'third')).resolves.toMatchObject({ doubled: 6 });
    } finally {
      await workers.close();
    }
  });

  it('fails every waiting task when its code cannot load, rather than starting it again and again', async () => {
    const workers = pool('broken-worker.ts');
    try {
      const results = await Promise.allSettled(
        [1, 2, 3, 4, 5].map((value) => workers.run({ value }, `#${value}`)),
      );
      expect(results.map((result) => result.status)).toEqual(Array(5).fill('rejected'));
      expect(String((results[4] as PromiseRejectedResult).reason)).toContain('this worker cannot start');
    } finally {
      await workers.close();
    }
  });

  it('starts every thread when warmed, before any task, and then no more than its size', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'kb-roll-call-'));
    const started = async () => (await readdir(folder)).map(Number).sort();
    const workers = createWorkerPool<null, number>({
      script: new URL('fixtures/worker-pool/roll-call-worker.ts', import.meta.url),
      workerData: folder,
      size: 2,
      tasksPerWorker: 1,
      describe: () => 'Could not ask',
    });
    try {
      workers.warm();
      await expect.poll(started, { timeout: 10_000 }).toHaveLength(2);
      workers.warm();
      const threads = await Promise.all([1, 2, 3, 4, 5, 6].map(() => workers.run(null, 'thread')));
      expect([...new Set(threads)].sort()).toEqual(await started());
      expect(await started()).toHaveLength(2);
    } finally {
      await workers.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('gives its threads the heap limits it was given, and the defaults otherwise', async () => {
    const youngGeneration = async (resourceLimits?: { maxYoungGenerationSizeMb: number }) => {
      const workers = createWorkerPool<null, number | undefined>({
        script: new URL('fixtures/worker-pool/limits-worker.ts', import.meta.url),
        workerData: undefined,
        size: 1,
        tasksPerWorker: 1,
        describe: () => 'Could not ask',
        ...(resourceLimits ? { resourceLimits } : {}),
      });
      try {
        return await workers.run(null, 'the limits');
      } finally {
        await workers.close();
      }
    };
    expect(await youngGeneration({ maxYoungGenerationSizeMb: 3 })).toBe(3);
    expect(await youngGeneration()).toBeGreaterThan(3);
  });

  it('lets the process end with warmed threads that were never given a task', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'kb-roll-call-'));
    try {
      const fixture = new URL('fixtures/worker-pool/warm-and-leave.ts', import.meta.url);
      await promisify(execFile)(process.execPath, [fixture.pathname, folder], { timeout: 20_000 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  // In a process of its own, with plain Node: the compile cache is Node's module loader's.
  it('gives its threads the module compile cache of the thread that starts them, where it has one', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'kb-compile-cache-'));
    const caches = async (...args: string[]) => {
      const env = { ...process.env };
      delete env['NODE_COMPILE_CACHE'];
      delete env['NODE_DISABLE_COMPILE_CACHE'];
      const fixture = new URL('fixtures/worker-pool/compile-cache.ts', import.meta.url);
      const { stdout } = await promisify(execFile)(process.execPath, [fixture.pathname, ...args], { env });
      return JSON.parse(stdout) as { main: string | null; worker: string | null; variable: string | null };
    };
    try {
      const on = await caches(cache);
      expect(on.main?.startsWith(`${cache}${path.sep}`)).toBe(true);
      expect(on.worker).toBe(on.main);
      // The starting thread's own environment is left as it was.
      expect(on.variable).toBeNull();
      expect(await caches()).toEqual({ main: null, worker: null, variable: null });
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });
});

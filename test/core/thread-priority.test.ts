import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { nicenessOf, SHOWS_THREAD_PRIORITY } from '../helpers/thread-niceness.ts';

const MODULE = new URL('../../src/core/thread-priority.ts', import.meta.url).href;

/**
 * Runs `lowerThreadPriority(steps)` in a thread of its own, and reads that thread's niceness
 * from outside while it is still running.
 */
async function lowerInThread(steps: number): Promise<{ returned: number | undefined; seen: number }> {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const { readlinkSync } = require('node:fs');
     import(${JSON.stringify(MODULE)}).then(({ lowerThreadPriority }) => {
       const returned = lowerThreadPriority(${steps});
       parentPort.postMessage({ returned, thread: Number(readlinkSync('/proc/thread-self').split('/').pop()) });
       parentPort.once('message', () => process.exit(0));
     });`,
    { eval: true },
  );
  try {
    const { returned, thread } = await new Promise<{ returned: number | undefined; thread: number }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      },
    );
    return { returned, seen: nicenessOf(thread) };
  } finally {
    worker.postMessage('done');
    await new Promise((resolve) => worker.once('exit', resolve));
  }
}

describe.skipIf(!SHOWS_THREAD_PRIORITY)('lowerThreadPriority', () => {
  it('lowers the calling thread alone, by the steps asked', async () => {
    const before = nicenessOf('thread-self');
    const steps = Math.min(5, 19 - before);
    const { returned, seen } = await lowerInThread(steps);
    expect(seen).toBe(before + steps);
    expect(returned).toBe(seen);
    expect(nicenessOf('thread-self')).toBe(before);
  });

  it('stops at the lowest priority there is', async () => {
    const { returned, seen } = await lowerInThread(100);
    expect(seen).toBe(19);
    expect(returned).toBe(19);
  });
});

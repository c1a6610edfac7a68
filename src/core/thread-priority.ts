import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import path from 'node:path';

/** The highest niceness Linux gives a thread: the lowest priority. */
const LOWEST = 19;

/**
 * Lowers the calling thread's scheduling priority by `steps` (a higher niceness), so that the
 * process's other threads run first whenever they want a core. Linux keeps a priority per thread,
 * named by the thread's id, which `/proc/thread-self` gives. Best effort: where there is no such
 * file, or the system refuses, nothing changes. Returns the thread's niceness afterwards, or
 * undefined when it could not be read.
 */
export function lowerThreadPriority(steps: number): number | undefined {
  let thread: number;
  try {
    thread = Number(path.basename(readlinkSync('/proc/thread-self')));
  } catch {
    return undefined;
  }
  if (!Number.isInteger(thread) || thread <= 0) return undefined;
  try {
    const niceness = Math.min(LOWEST, getPriority(thread) + steps);
    setPriority(thread, niceness);
    return getPriority(thread);
  } catch {
    return undefined;
  }
}

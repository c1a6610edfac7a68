import { readdirSync, readFileSync } from 'node:fs';

/** Whether this system shows each thread's scheduling priority (Linux's `/proc`). */
export const SHOWS_THREAD_PRIORITY = process.platform === 'linux';

/** The niceness of thread `thread` of this process, as Linux reports it (the 19th field of its `stat`). */
export function nicenessOf(thread: number | 'thread-self'): number {
  const file = thread === 'thread-self' ? '/proc/thread-self/stat' : `/proc/self/task/${thread}/stat`;
  const stat = readFileSync(file, 'utf8');
  // The command name, in parentheses, may hold spaces: the fields count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[19 - 3]);
}

/** The ids of this process's threads whose niceness is `niceness`. */
export function threadsAt(niceness: number): number[] {
  return readdirSync('/proc/self/task')
    .map(Number)
    .filter((thread) => {
      try {
        return nicenessOf(thread) === niceness;
      } catch {
        return false; // ended while being read
      }
    });
}

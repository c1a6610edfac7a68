import { mkdir, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Processes one example may have at once: a fork bomb stops here. */
export const MAX_PROCESSES = 128;

const PIDS_CGROUP = '/sys/fs/cgroup/pids';
/** Tries at removing a group, 20 ms apart: reaping killed processes takes far less than these 2 s. */
const GROUP_REMOVAL_ATTEMPTS = 100;

/** One pids cgroup per worker: it caps an example's processes and finds those that left its session. */
export interface ProcessGroups {
  /** The group of worker `slot`. */
  folder(slot: number): string;
  /** Kills every process still in the worker's group. */
  sweep(slot: number): Promise<void>;
  /** Removes the groups, once their processes are gone. */
  dispose(): Promise<void>;
}

/** One pids cgroup per worker, where the runner may make them (root, cgroup v1); undefined otherwise. */
export async function createProcessGroups(slots: number): Promise<ProcessGroups | undefined> {
  await removeStaleGroups();
  const groups: string[] = [];
  try {
    for (let slot = 0; slot < slots; slot++) {
      const group = path.join(PIDS_CGROUP, `proven-kb-${process.pid}-${slot}`);
      // Left over by an earlier run of this process (several runs in one process, as in tests)?
      await rmdir(group).catch(() => undefined);
      await mkdir(group);
      groups.push(group);
      await writeFile(path.join(group, 'pids.max'), String(MAX_PROCESSES));
    }
  } catch {
    for (const group of groups) await rmdir(group).catch(() => undefined);
    return undefined;
  }
  const folder = (slot: number) => groups[slot % groups.length]!;
  const sweep = async (slot: number) => {
    // A fork may add a process while the list is read: a few rounds get the latecomers too.
    for (let round = 0; round < 5; round++) {
      const pids = await membersOf(folder(slot));
      if (pids.length === 0) return;
      for (const pid of pids) killQuietly(pid);
      await sleep(10);
    }
  };
  return {
    folder,
    sweep,
    dispose: async () => {
      for (let slot = 0; slot < groups.length; slot++) {
        await sweep(slot);
        await removeGroup(folder(slot));
      }
    },
  };
}

async function membersOf(group: string): Promise<number[]> {
  const text = await readFile(path.join(group, 'cgroup.procs'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => pid > 0 && pid !== process.pid);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Removes the empty groups of runners that are gone (a crash, a kill), so pids can be reused. */
async function removeStaleGroups(): Promise<void> {
  const names = await readdir(PIDS_CGROUP).catch(() => [] as string[]);
  for (const name of names) {
    const owner = /^proven-kb-(\d+)-\d+$/.exec(name)?.[1];
    if (owner && Number(owner) !== process.pid && !isAlive(Number(owner)))
      await rmdir(path.join(PIDS_CGROUP, name)).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a pids cgroup. The processes of a killed example close their pipes as they die but
 * stay in the group until they are reaped, a moment later; until then removal fails with EBUSY.
 */
async function removeGroup(group: string): Promise<void> {
  for (let attempt = 0; attempt < GROUP_REMOVAL_ATTEMPTS; attempt++) {
    try {
      await rmdir(group);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EBUSY') return;
      await sleep(20);
    }
  }
}

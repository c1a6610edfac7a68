import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from '../core/process-alive.ts';

/** Processes one example may have at once: a fork bomb stops here. */
export const MAX_PROCESSES = 128;

const PIDS_CGROUP = '/sys/fs/cgroup/pids';
/**
 * Rounds of killing a group's processes, or of trying to remove it, 20 ms apart: killed processes
 * stay in the group until they are reaped, which takes far less than these 2 s.
 */
const ROUNDS = 100;

/** Group names: `proven-kb-<pid>-<instance>-<slot>` (runners before instances: `proven-kb-<pid>-<slot>`). */
const GROUP_NAME = /^proven-kb-(\d+)(?:-\d+)?-\d+$/;
/**
 * Sets of groups this process made so far. Each set gets names of its own: one process may hold
 * several at once (a check while another is set up, two isolation kinds probed together), and
 * one set's sweep or removal must never reach the processes of another.
 */
let instances = 0;

/** The process that made a group, from its name; undefined for a folder that is not one of ours. */
export function groupOwner(name: string): number | undefined {
  const owner = GROUP_NAME.exec(name)?.[1];
  return owner === undefined ? undefined : Number(owner);
}

/** One pids cgroup per worker: it caps an example's processes and finds those that left its session. */
export interface ProcessGroups {
  /** The group of worker `slot`. */
  folder(slot: number): string;
  /** Kills every process still in the worker's group. */
  sweep(slot: number): Promise<void>;
  /** Kills every process in every group at once, synchronously: the run was interrupted. */
  killAllSync(): void;
  /** Removes the groups, once their processes are gone. */
  dispose(): Promise<void>;
}

/** One pids cgroup per worker, where the runner may make them (root, cgroup v1); undefined otherwise. */
export async function createProcessGroups(slots: number): Promise<ProcessGroups | undefined> {
  await removeStaleGroups();
  const instance = instances++;
  const groups: string[] = [];
  try {
    for (let slot = 0; slot < slots; slot++) {
      const group = path.join(PIDS_CGROUP, `proven-kb-${process.pid}-${instance}-${slot}`);
      // Left by an earlier process with the same id (a container's ids start again at each
      // boot), which the stale-group sweep spares since the id is alive: it is this process.
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
  // Until no live process is left: a fork may add one while the list is read. The dead wait to
  // be reaped by whoever inherited them, which the runner cannot hurry.
  const sweep = async (slot: number) => {
    for (let round = 0; round < ROUNDS; round++) {
      const pids = await living(await membersOf(folder(slot)));
      if (pids.length === 0) return;
      for (const pid of pids) killQuietly(pid);
      await sleep(20);
    }
  };
  return {
    folder,
    sweep,
    killAllSync: () => {
      for (const group of groups) {
        const text = (() => {
          try {
            return readFileSync(path.join(group, 'cgroup.procs'), 'utf8');
          } catch {
            return '';
          }
        })();
        for (const pid of parsePids(text)) killQuietly(pid);
      }
    },
    dispose: async () => {
      for (let slot = 0; slot < groups.length; slot++) {
        await sweep(slot);
        await removeGroup(folder(slot));
      }
    },
  };
}

async function membersOf(group: string): Promise<number[]> {
  return parsePids(await readFile(path.join(group, 'cgroup.procs'), 'utf8').catch(() => ''));
}

/** The processes that are not zombies: state `Z` follows the command's closing parenthesis in `/proc/<pid>/stat`. */
async function living(pids: readonly number[]): Promise<number[]> {
  const stats = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')));
  return pids.filter((_, index) => {
    const stat = stats[index]!;
    return stat !== '' && stat[stat.lastIndexOf(')') + 2] !== 'Z';
  });
}

function parsePids(text: string): number[] {
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
    const owner = groupOwner(name);
    if (owner !== undefined && owner !== process.pid && !isAlive(owner))
      await rmdir(path.join(PIDS_CGROUP, name)).catch(() => undefined);
  }
}

/**
 * Removes a pids cgroup. The processes of a killed example close their pipes as they die but
 * stay in the group until they are reaped, a moment later; until then removal fails with EBUSY.
 */
async function removeGroup(group: string): Promise<void> {
  for (let attempt = 0; attempt < ROUNDS; attempt++) {
    try {
      await rmdir(group);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EBUSY') return;
      await sleep(20);
    }
  }
}

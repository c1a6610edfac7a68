import { realpathSync } from 'node:fs';
import { lstat, mkdir, readdir, readlink, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findExecutable } from './runtime-versions.ts';

/** Where an example's folder appears inside the sandbox: a fixed path keeps tracebacks stable. */
export const SANDBOX_DIR = '/tmp/example';

/** How examples are isolated on this machine. */
export interface Sandbox {
  kind: 'bubblewrap' | 'none';
  /** What is and is not enforced, for the run's summary. */
  description: string;
  /** The command line that runs `command` on `file` in `hostDir`; `slot` is the worker running it. */
  wrap(
    command: readonly string[],
    hostDir: string,
    fileName: string,
    slot: number,
  ): { command: string[]; cwd: string };
  /** Removes what the sandbox set up (process-limit groups). */
  dispose(): Promise<void>;
}

/** Processes one example may have at once: a fork bomb stops here. */
const MAX_PROCESSES = 128;
/** File size and data memory limits of one example. */
const PRLIMIT = ['--fsize=67108864', '--data=2147483648'];
const PIDS_CGROUP = '/sys/fs/cgroup/pids';
/** Tries at removing a group, 20 ms apart: reaping killed processes takes far less than these 2 s. */
const GROUP_REMOVAL_ATTEMPTS = 100;

/**
 * Bubblewrap, where it is installed: a read-only view of the system, the example's own folder
 * the only writable place, no network, its own user, process tree and session, dying with the
 * runner. Processes are capped by a pids cgroup when the runner may create one (as root), else
 * by RLIMIT_NPROC (which does not bind root). Without bubblewrap, examples still get a clean
 * environment and limits, but no network or file-system isolation.
 */
export async function createSandbox(
  env: Record<string, string | undefined>,
  slots: number,
): Promise<Sandbox> {
  const searchPath = env['PATH'] ?? '';
  const [bwrap, prlimit] = await Promise.all([
    findExecutable('bwrap', searchPath),
    findExecutable('prlimit', searchPath),
  ]);
  const groups = await createProcessGroups(slots);
  const nproc = groups ? [] : [`--nproc=${MAX_PROCESSES}`];
  const limits = prlimit ? [prlimit, ...PRLIMIT, ...nproc, '--'] : [];
  const enter = (slot: number) =>
    groups
      ? ['/bin/sh', '-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', groups[slot % groups.length]!]
      : [];
  const dispose = async () => {
    for (const group of groups ?? []) await removeGroup(group);
  };
  const systemView = bwrap ? await systemFolders() : [];
  if (!bwrap) {
    return {
      kind: 'none',
      description:
        'NOT isolated: install bubblewrap (`bwrap`) to cut examples off the network and the file system',
      wrap: (command, hostDir, fileName, slot) => ({
        command: [...enter(slot), ...limits, ...command, fileName],
        cwd: hostDir,
      }),
      dispose,
    };
  }
  return {
    kind: 'bubblewrap',
    description: `isolated with bubblewrap (no network, system folders read-only, no home folders, own folder writable)${groups ? ', process count capped by cgroup' : ''}`,
    wrap: (command, hostDir, fileName, slot) => ({
      // prettier-ignore
      command: [
        ...enter(slot), ...limits, bwrap,
        ...systemView,
        '--size', String(TMPFS_BYTES), '--tmpfs', '/tmp',
        // After /tmp's tmpfs, which would otherwise hide a runtime installed under /tmp.
        ...runtimeView(command[0] ?? ''),
        '--bind', hostDir, SANDBOX_DIR,
        '--dev', '/dev',
        '--size', String(TMPFS_BYTES), '--tmpfs', '/dev/shm',
        '--proc', '/proc',
        // The sandbox's own root and /tmp (where mount points were made) read-only too: a write
        // anywhere but the example's folder fails instead of landing in a throwaway.
        '--remount-ro', '/tmp',
        '--remount-ro', '/',
        '--unshare-all',
        '--uid', '65534',
        '--gid', '65534',
        '--die-with-parent',
        '--new-session',
        '--chdir', SANDBOX_DIR,
        ...command,
        `${SANDBOX_DIR}/${fileName}`,
      ],
      cwd: hostDir,
    }),
    dispose,
  };
}

/** Size of the sandbox's own `/tmp` and `/dev/shm`, which live in memory. */
const TMPFS_BYTES = 64 * 1024 * 1024;

/**
 * What an example sees of the system: the OS folders programs need, read-only, and a few
 * files of `/etc` (users, name lookup, certificates, time zones), but no home folders, no
 * `/etc/shadow`, no other projects: whatever the runner may read, the example may not.
 */
async function systemFolders(): Promise<string[]> {
  const args: string[] = ['--ro-bind', '/usr', '/usr'];
  for (const top of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/opt']) {
    const info = await lstat(top).catch(() => undefined);
    if (info?.isSymbolicLink()) args.push('--symlink', await readlink(top), top);
    else if (info?.isDirectory()) args.push('--ro-bind', top, top);
  }
  for (const file of ETC_ENTRIES) {
    if (await lstat(path.join('/etc', file)).catch(() => undefined))
      args.push('--ro-bind', path.join('/etc', file), path.join('/etc', file));
  }
  return args;
}

const ETC_ENTRIES = [
  'passwd',
  'group',
  'nsswitch.conf',
  'hosts',
  'localtime',
  'timezone',
  'ld.so.cache',
  'ld.so.conf',
  'ld.so.conf.d',
  'ssl',
  'ca-certificates',
  'alternatives',
  'mime.types',
  'os-release',
];

/**
 * The runtime's own installation, read-only, when it lives outside the system folders
 * (a pyenv Python under a home folder, the pinned Node.js under `node_modules`).
 */
function runtimeView(executable: string): string[] {
  if (!path.isAbsolute(executable)) return [];
  const real = realpathSync(executable);
  const prefix = path.dirname(path.dirname(real));
  return /^\/usr(\/|$)/.test(prefix)
    ? []
    : ['--ro-bind', prefix, prefix, ...(real === executable ? [] : ['--ro-bind', executable, executable])];
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

/** One pids cgroup per worker, where the runner may make them; undefined otherwise. */
async function createProcessGroups(slots: number): Promise<string[] | undefined> {
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
    return groups;
  } catch {
    for (const group of groups) await rmdir(group).catch(() => undefined);
    return undefined;
  }
}

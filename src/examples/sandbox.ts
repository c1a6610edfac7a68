import { mkdir, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
    for (const group of groups ?? []) await rmdir(group).catch(() => undefined);
  };
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
    description: `isolated with bubblewrap (no network, read-only system, own folder writable)${groups ? ', process count capped by cgroup' : ''}`,
    wrap: (command, hostDir, fileName, slot) => ({
      // prettier-ignore
      command: [
        ...enter(slot), ...limits, bwrap,
        '--ro-bind', '/', '/',
        '--tmpfs', '/tmp',
        '--bind', hostDir, SANDBOX_DIR,
        '--dev', '/dev',
        '--proc', '/proc',
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

/** One pids cgroup per worker, where the runner may make them; undefined otherwise. */
async function createProcessGroups(slots: number): Promise<string[] | undefined> {
  const groups: string[] = [];
  try {
    for (let slot = 0; slot < slots; slot++) {
      const group = path.join(PIDS_CGROUP, `proven-kb-${process.pid}-${slot}`);
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

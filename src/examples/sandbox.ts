import { ENV } from '../core/env.ts';
import { spawn } from 'node:child_process';
import { chmod, realpath, rm } from 'node:fs/promises';
import { makeRunFolder } from './run-folders.ts';
import { tmpdir } from 'node:os';
import { createProcessGroups, MAX_PROCESSES } from './process-groups.ts';
import { findExecutable } from './runtime-versions.ts';
import { bubblewrapArguments, systemFolders } from './sandbox-bubblewrap.ts';
import { SANDBOX_DIR } from './sandbox-folder.ts';
import { unshareCommand, type UnshareTools } from './sandbox-unshare.ts';

export { SANDBOX_DIR };

/** How examples are isolated: bubblewrap where it works, else util-linux `unshare`, else not at all. */
export type IsolationKind = 'bubblewrap' | 'unshare' | 'none';

/** The isolation kinds, best first. */
export const ISOLATION_KINDS: readonly IsolationKind[] = ['bubblewrap', 'unshare', 'none'];

/** The environment variable that pins the isolation kind: `KB_ISOLATION=unshare` tries the fallback on a machine with bubblewrap. */
export const ISOLATION_ENV = ENV.isolation;

/** A problem with `KB_ISOLATION`, phrased for the person who set it. */
export class IsolationSettingError extends Error {
  override name = 'IsolationSettingError';
}

/** The kinds `KB_ISOLATION` allows (all, best first, when it is not set). */
export function isolationFromEnv(env: Record<string, string | undefined>): readonly IsolationKind[] {
  const value = env[ISOLATION_ENV];
  if (!value) return ISOLATION_KINDS;
  const kind = ISOLATION_KINDS.find((k) => k === value);
  if (!kind)
    throw new IsolationSettingError(
      `\`${ISOLATION_ENV}=${value}\` is not an isolation kind; use ${ISOLATION_KINDS.join(', ')}, or leave it unset for the best that works.`,
    );
  return [kind];
}

/** How examples are isolated on this machine. */
export interface Sandbox {
  kind: IsolationKind;
  /** What is enforced, for the run's summary: `bubblewrap: no network, …`. */
  description: string;
  /** What is not enforced, for the run's summary. */
  notEnforced: string[];
  /**
   * Whether each run has a process namespace of its own, in which the first processes are the
   * sandbox's: a process it runs may then kill every other one it sees (python-fork-server.py).
   */
  ownProcesses: boolean;
  /** Where the example's folder `hostDir` appears to the example. */
  folder(hostDir: string): string;
  /** The command line that runs `argv` in the example's folder `hostDir`; `slot` is the worker running it. */
  wrap(argv: readonly string[], hostDir: string, slot: number, runtimePaths: readonly string[]): string[];
  /** Kills whatever an example of worker `slot` left running outside its process group, where that can be found. */
  sweep(slot: number): Promise<void>;
  /** Kills, synchronously, whatever any example left outside its process group: the run was interrupted. */
  abort(): void;
  /** Removes what the sandbox set up (process-limit groups). */
  dispose(): Promise<void>;
}

/** What choosing a sandbox needs. */
export interface SandboxOptions {
  env: Record<string, string | undefined>;
  slots: number;
  /** The kinds allowed, best first; the first that works here is used (tests pin one). */
  kinds?: readonly IsolationKind[] | undefined;
}

/** Where system programs are, whatever the caller's PATH says. */
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** File size and data memory limits of one example, in bytes. */
const FILE_SIZE_LIMIT = 64 * 1024 * 1024;
const DATA_LIMIT = 2 * 1024 * 1024 * 1024;
const PRLIMIT = [`--fsize=${FILE_SIZE_LIMIT}`, `--data=${DATA_LIMIT}`];
/**
 * Where the runner may make pids cgroups, a shell puts itself in the worker's group (`$0`), sets
 * the same limits as `prlimit` would (soft and hard; `-f` counts 512-byte blocks and `-d`
 * kilobytes, in dash and in POSIX-mode bash), and becomes the sandbox: one program started per
 * example rather than two. A limit it cannot set fails the example, as `works` finds.
 */
const ENTER_GROUP = `echo $$ > "$0/cgroup.procs" && ulimit -f ${FILE_SIZE_LIMIT / 512} && ulimit -d ${DATA_LIMIT / 1024} && exec "$@"`;

/** What every kind leaves unenforced. */
const RESOURCES_NOT_ENFORCED = [
  'total disk use of its folder (only each file’s size)',
  'memory across processes',
  'CPU share (the time limit bounds it)',
];

/**
 * The best isolation that works on this machine, tried with a trivial command first: bubblewrap
 * may be installed where user namespaces are forbidden, and `unshare` then fails the same way.
 * Processes are capped by a pids cgroup when the runner may create one (as root), else by
 * RLIMIT_NPROC (which does not bind root).
 */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const searchPath = options.env['PATH'] ?? '';
  // By their real paths: a link in a folder under /tmp would vanish behind the sandbox's own /tmp.
  const find = async (program: string, where = searchPath) => {
    const found = await findExecutable(program, where);
    return found && (await realpath(found).catch(() => found));
  };
  const [bwrap, unshare, setpriv, setsid, ip, prlimit, waiter, python] = await Promise.all([
    find('bwrap'),
    find('unshare'),
    find('setpriv'),
    find('setsid'),
    find('ip'),
    find('prlimit'),
    find('timeout'),
    // The system's own: a launcher such as pyenv's shim needs an environment the sandbox does not have.
    find('python3', SYSTEM_PATH),
  ]);
  const groups = await createProcessGroups(options.slots);
  // Without a group, `prlimit` sets the limits, and caps processes with RLIMIT_NPROC instead.
  const limits = groups || !prlimit ? [] : [prlimit, ...PRLIMIT, `--nproc=${MAX_PROCESSES}`, '--'];
  const enter = (slot: number) => (groups ? ['/bin/sh', '-c', ENTER_GROUP, groups.folder(slot)] : []);
  const common = {
    sweep: async (slot: number) => groups?.sweep(slot),
    abort: () => groups?.killAllSync(),
    dispose: async () => groups?.dispose(),
  };
  const capped = groups ? `, at most ${MAX_PROCESSES} processes` : '';
  const uncapped = groups || prlimit ? [] : ['the number of processes'];

  for (const kind of options.kinds ?? ISOLATION_KINDS) {
    let sandbox: Sandbox | undefined;
    if (kind === 'bubblewrap' && bwrap) {
      const view = await systemFolders();
      sandbox = {
        ...common,
        kind,
        ownProcesses: true,
        description: `bubblewrap: no network, system folders read-only, no home folders, only its own folder writable, its own processes and session${capped}`,
        notEnforced: [...RESOURCES_NOT_ENFORCED, ...uncapped],
        folder: () => SANDBOX_DIR,
        wrap: (argv, hostDir, slot, runtimePaths) => [
          ...enter(slot),
          ...limits,
          bwrap,
          ...bubblewrapArguments(view, hostDir, runtimePaths, argv),
        ],
      };
    } else if (kind === 'unshare' && unshare && setpriv) {
      const loopback = ip ? { ip } : python ? { python } : undefined;
      const tools: UnshareTools = { unshare, setpriv, setsid, loopback, waiter };
      sandbox = {
        ...common,
        kind,
        ownProcesses: true,
        description: `unshare: no network, the file system read-only but for its own folder, its own processes (all killed when it ends), no view of the checker's processes or environment${capped}`,
        notEnforced: [
          'reading what your user may read (home folders, other projects)',
          ...(loopback ? [] : ['a loopback interface (neither `ip` nor a system `python3` is installed)']),
          ...RESOURCES_NOT_ENFORCED,
          ...uncapped,
        ],
        folder: () => SANDBOX_DIR,
        wrap: (argv, hostDir, slot, runtimePaths) => [
          ...enter(slot),
          ...limits,
          ...unshareCommand(tools, hostDir, runtimePaths, argv),
        ],
      };
    } else if (kind === 'none') {
      // The example's parent is a waiting process, not the checker, so signalling its parent or
      // reading its parent's environment reaches only that process.
      const deathSignal = setpriv ? [setpriv, '--pdeathsig', 'KILL', '--'] : [];
      sandbox = {
        ...common,
        kind,
        ownProcesses: false,
        description: `NOT isolated: a clean environment and limits only${capped}; install bubblewrap (\`bwrap\`) or util-linux's \`unshare\``,
        notEnforced: [
          'network',
          'writes outside its folder',
          'processes that leave their session (`setsid`, daemons)' +
            (groups ? ' when no cgroup holds them' : ''),
          'signals to the checker',
          'reading the checker’s environment through `/proc`',
          ...RESOURCES_NOT_ENFORCED,
          ...uncapped,
        ],
        folder: (hostDir) => hostDir,
        wrap: (argv, _hostDir, slot) => [
          ...enter(slot),
          ...limits,
          ...deathSignal,
          // `timeout 0` only waits, in the example's process group, and adds nothing to its
          // stderr (a shell would add `Killed`).
          ...(waiter ? [waiter, '--foreground', '0'] : ['/bin/sh', '-c', '"$@"; exit $?', 'kb-example']),
          ...deathSignal,
          ...argv,
        ],
      };
    }
    if (sandbox && (kind === 'none' || (await works(sandbox)))) return sandbox;
  }
  await common.dispose();
  throw new IsolationSettingError(
    `${(options.kinds ?? []).join(' or ')} cannot isolate examples on this machine (is it installed, and may this user create namespaces?); unset ${ISOLATION_ENV} to use the best that works.`,
  );
}

/**
 * The isolation kind a run will most likely use, judged from the tools on PATH alone (no
 * process is started): cache keys hold it, so a verdict reached without isolation is not
 * taken for one reached with it.
 */
export async function expectedIsolation(
  env: Record<string, string | undefined>,
  kinds: readonly IsolationKind[] = ISOLATION_KINDS,
): Promise<IsolationKind> {
  const searchPath = env['PATH'] ?? '';
  for (const kind of kinds) {
    if (kind === 'bubblewrap' && (await findExecutable('bwrap', searchPath))) return kind;
    if (
      kind === 'unshare' &&
      (await findExecutable('unshare', searchPath)) &&
      (await findExecutable('setpriv', searchPath))
    )
      return kind;
    if (kind === 'none') return kind;
  }
  return 'none';
}

/** Whether the sandbox runs a trivial command cleanly, in a throwaway folder. */
async function works(sandbox: Sandbox): Promise<boolean> {
  const dir = await makeRunFolder(tmpdir(), 'kb-sandbox-probe');
  try {
    await chmod(dir, 0o777);
    const [program = '', ...args] = sandbox.wrap(['/bin/sh', '-c', 'exit 0'], dir, 0, []);
    return await new Promise<boolean>((resolve) => {
      const child = spawn(program, args, {
        cwd: dir,
        env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
        stdio: 'ignore',
        timeout: 10_000,
      });
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code === 0));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

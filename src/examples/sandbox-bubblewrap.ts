import { lstat, readlink } from 'node:fs/promises';
import path from 'node:path';
import { SANDBOX_DIR } from './sandbox-folder.ts';

/** Size of the sandbox's own `/tmp` and `/dev/shm`, which live in memory. */
const TMPFS_BYTES = 64 * 1024 * 1024;

/**
 * The bubblewrap arguments that run `argv` with the example's folder `hostDir` at `/tmp/example`:
 * a read-only view of the system folders and the runtime's own (`runtimePaths`), that folder the
 * only writable place, no network, its own user, process tree and session, dying with the runner.
 */
export function bubblewrapArguments(
  systemView: readonly string[],
  hostDir: string,
  runtimePaths: readonly string[],
  argv: readonly string[],
): string[] {
  // prettier-ignore
  return [
    ...systemView,
    '--size', String(TMPFS_BYTES), '--tmpfs', '/tmp',
    // After /tmp's tmpfs, which would otherwise hide a runtime installed under /tmp.
    ...runtimePaths.flatMap((folder) => ['--ro-bind', folder, folder]),
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
    ...argv,
  ];
}

/**
 * What an example sees of the system: the OS folders programs need, read-only, and a few
 * files of `/etc` (users, name lookup, certificates, time zones), but no home folders, no
 * `/etc/shadow`, no other projects: whatever the runner may read, the example may not.
 */
export async function systemFolders(): Promise<string[]> {
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

import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How long ext4 without a journal keeps skipping a deleted inode when it makes a file: a minute
 * after the deletion, and five more while the block of the inode table that holds it has
 * unwritten changes (the kernel's `recently_deleted`). `sync` writes the tables, but the build
 * then dirties them again as it makes its own files in the same blocks, so only the six minutes
 * are safe: after 45,000 deletions, `sync` and 65 s, making a 10 kB file took 0.48 ms in the
 * kernel; after six minutes, 0.11 ms.
 */
export const SETTLE_SECONDS = 361;

/**
 * Waits until creating files no longer pays for earlier deletions (`SETTLE_SECONDS`). After
 * thousands of deletions (the examples' folders, the card phase's files, a competitor's earlier
 * copy of the corpus), a build that makes thousands of files can spend seconds more in the
 * kernel; a first build, or a CI build, follows no such deletions.
 */
export async function settleFileSystem(seconds: number, log: (line: string) => void): Promise<void> {
  if (seconds <= 0) return;
  log(`waiting ${seconds} s for the file system to settle after the deletions above`);
  syncFileSystem();
  await sleep(seconds * 1000);
}

/**
 * Writes what the file system holds in memory, so that a build does not share the disk with
 * the writing-out of the build before it, whatever generator made it.
 */
export function syncFileSystem(): void {
  spawnSync('sync');
}

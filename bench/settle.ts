import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until creating files no longer pays for earlier deletions. When ext4 runs without a
 * journal, it skips every inode deleted in the last minute when it allocates one (for six
 * minutes while the inode's table block is not yet written). After thousands of deletions
 * (the examples' folders, a competitor's earlier copy of the corpus), the next build spent
 * seconds more in the kernel. A first build, or a CI build, follows no such deletions.
 * `sync` writes the tables, and then the minute passes.
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

import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Folders moved out of a clean build's way, deleted once the measuring is over. */
export interface SetAside {
  /** Moves `folder` (if it is there) beside itself under another name. */
  move(folder: string): Promise<void>;
  /** Deletes every folder moved. */
  dispose(): Promise<void>;
}

/**
 * A clean build's output and caches are moved aside rather than deleted, for every generator
 * alike: on ext4 without a journal, making a file soon after many were deleted costs about
 * 0.3 ms in the kernel, which would charge each clean build for the deletion that came just
 * before it. A user's clean build (a fresh clone, a CI machine) follows no such deletion.
 */
export function createSetAside(): SetAside {
  const moved: string[] = [];
  return {
    async move(folder) {
      const target = path.join(path.dirname(folder), `.bench-set-aside-${process.pid}-${moved.length}`);
      try {
        await rename(folder, target);
        moved.push(target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
    async dispose() {
      for (const folder of moved.splice(0)) await rm(folder, { recursive: true, force: true });
    },
  };
}

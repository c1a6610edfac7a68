import { lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Each file of a folder (by absolute path) with what identifies this version of it. */
export type FileStamps = Map<string, string>;

/**
 * The files under `dir` (links and other non-folders too), each with its inode and change time:
 * writing a file, renaming or linking over it, or linking it anew all change one of the two, and
 * nothing else does. The change time, unlike the modification time, cannot be set back. A folder
 * that is not there has no files. Synchronous: for thousands of files, a promise per `lstat`
 * costs three times the processor time.
 */
export function walkFiles(dir: string): FileStamps {
  const stamps: FileStamps = new Map();
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return stamps;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const stamp = stampOf(file);
    if (stamp !== undefined) stamps.set(file, stamp);
  }
  return stamps;
}

/** The files of `stamps` that `only` selects and that are still there and unchanged. */
export function untouchedSince(stamps: FileStamps, only: (file: string) => boolean = () => true): string[] {
  return [...stamps].filter(([file, stamp]) => only(file) && stampOf(file) === stamp).map(([file]) => file);
}

/**
 * What identifies this version of `file` (see {@link walkFiles}), or with `follow` of the file a
 * symbolic link leads to; undefined when it is not there.
 */
export function stampOf(file: string, follow = false): string | undefined {
  try {
    const info = (follow ? statSync : lstatSync)(file, { bigint: true });
    return `${info.ino}:${info.ctimeNs}`;
  } catch {
    return undefined;
  }
}

import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Each file of a folder (by absolute path) with what identifies this version of it. */
export type FileStamps = Map<string, string>;

/**
 * The files under `dir` (links and other non-folders too), each with its inode and change time:
 * writing a file, renaming or linking over it, or linking it anew all change one of the two, and
 * nothing else does. The change time, unlike the modification time, cannot be set back.
 */
export function walkFiles(dir: string): FileStamps {
  const stamps: FileStamps = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const file = path.join(entry.parentPath, entry.name);
    stamps.set(file, stampOf(file)!);
  }
  return stamps;
}

/** The files of `stamps` that `only` selects and that are still there and unchanged. */
export function untouchedSince(stamps: FileStamps, only: (file: string) => boolean = () => true): string[] {
  return [...stamps].filter(([file, stamp]) => only(file) && stampOf(file) === stamp).map(([file]) => file);
}

function stampOf(file: string): string | undefined {
  try {
    const info = lstatSync(file, { bigint: true });
    return `${info.ino}:${info.ctimeNs}`;
  } catch {
    return undefined;
  }
}

import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Each file of a folder (by absolute path) with what identifies this version of it. */
export type FileStamps = Map<string, string>;

/**
 * The files under `dir` (links and other non-folders too), each with its inode and change time:
 * writing a file, renaming or linking over it, or linking it anew all change one of the two, and
 * nothing else does. The change time, unlike the modification time, cannot be set back. A folder
 * that is not there has no files.
 */
export async function walkFiles(dir: string): Promise<FileStamps> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name));
  const stamps = await Promise.all(files.map((file) => stampOf(file)));
  return new Map(files.flatMap((file, i) => (stamps[i] === undefined ? [] : [[file, stamps[i]]])));
}

/** The files of `stamps` that `only` selects and that are still there and unchanged. */
export async function untouchedSince(
  stamps: FileStamps,
  only: (file: string) => boolean = () => true,
): Promise<string[]> {
  const selected = [...stamps].filter(([file]) => only(file));
  const now = await Promise.all(selected.map(([file]) => stampOf(file)));
  return selected.filter(([, stamp], i) => now[i] === stamp).map(([file]) => file);
}

/**
 * What identifies this version of `file` (see {@link walkFiles}), or with `follow` of the file a
 * symbolic link leads to; undefined when it is not there.
 */
export async function stampOf(file: string, follow = false): Promise<string | undefined> {
  try {
    const info = await (follow ? stat : lstat)(file, { bigint: true });
    return `${info.ino}:${info.ctimeNs}`;
  } catch {
    return undefined;
  }
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../core/write-file-atomic.ts';
import { walkFiles } from './file-stamps.ts';

/** Bump when the record's shape changes. */
const VERSION = 1;

/** What the published site was built from, and each of its files as that build left it. */
interface PublishedRecord {
  version: number;
  /** The build's key: a digest of everything it was built from (see `build-key.ts`). */
  key: string;
  /** Each file, relative to the output folder, with its stamp (see `file-stamps.ts`). */
  files: Record<string, string>;
}

/**
 * True when `outDir` holds exactly what a build of `key` published there: the record says so,
 * and no file of the folder was added, removed, rewritten or replaced since.
 */
export async function isPublishedFrom(recordFile: string, outDir: string, key: string): Promise<boolean> {
  const record = await readFile(recordFile, 'utf8')
    .then((text) => JSON.parse(text) as PublishedRecord)
    .catch(() => undefined);
  // A record damaged or edited by hand only makes the build build.
  if (record?.version !== VERSION || record.key !== key || typeof record.files !== 'object' || !record.files)
    return false;
  const stamps = walkFiles(outDir);
  if (stamps.size === 0 || stamps.size !== Object.keys(record.files).length) return false;
  for (const [file, stamp] of stamps) {
    const name = path.relative(outDir, file);
    if (!Object.hasOwn(record.files, name) || record.files[name] !== stamp) return false;
  }
  return true;
}

/** Records that `outDir`, as it is now, is what a build of `key` published. */
export async function recordPublished(recordFile: string, outDir: string, key: string): Promise<void> {
  const stamps = walkFiles(outDir);
  const files = Object.fromEntries([...stamps].map(([file, stamp]) => [path.relative(outDir, file), stamp]));
  const record: PublishedRecord = { version: VERSION, key, files };
  await writeFileAtomic(recordFile, JSON.stringify(record));
}

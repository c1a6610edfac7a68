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
 * How the output stands against a build of `key`: `as-published` when the record says a build of
 * `key` published it and no file of the folder was added, removed, rewritten or replaced since;
 * `output-changed` when only the folder changed since; `other-sources` otherwise.
 */
export type PublishedState = 'as-published' | 'output-changed' | 'other-sources';

export async function publishedState(
  recordFile: string,
  outDir: string,
  key: string,
): Promise<PublishedState> {
  const record = await readFile(recordFile, 'utf8')
    .then((text) => JSON.parse(text) as PublishedRecord)
    .catch(() => undefined);
  // A record damaged or edited by hand only makes the build build.
  if (record?.version !== VERSION || record.key !== key || typeof record.files !== 'object' || !record.files)
    return 'other-sources';
  const stamps = walkFiles(outDir);
  if (stamps.size === 0 || stamps.size !== Object.keys(record.files).length) return 'output-changed';
  for (const [file, stamp] of stamps) {
    const name = path.relative(outDir, file);
    if (!Object.hasOwn(record.files, name) || record.files[name] !== stamp) return 'output-changed';
  }
  return 'as-published';
}

/** Records that `outDir`, as it is now, is what a build of `key` published. */
export async function recordPublished(recordFile: string, outDir: string, key: string): Promise<void> {
  const stamps = walkFiles(outDir);
  const files = Object.fromEntries([...stamps].map(([file, stamp]) => [path.relative(outDir, file), stamp]));
  const record: PublishedRecord = { version: VERSION, key, files };
  await writeFileAtomic(recordFile, JSON.stringify(record));
}

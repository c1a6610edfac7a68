import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `file` whole or not at all, creating its folder: the data goes to a file of its own
 * name first, which is then renamed over `file`, so that a reader (another build, running at
 * the same time) never sees half a file, and two writers never mix their data.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  await writeFile(partial, data);
  await rename(partial, file);
}

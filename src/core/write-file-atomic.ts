import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `file` whole or not at all, creating its folder: the data goes to a file of its own
 * name first, which is then renamed over `file`, so that a reader (another build, running at
 * the same time) never sees half a file, and two writers never mix their data.
 *
 * The calls are synchronous: the files are small (cache entries, cards, reports), and a build
 * keeps both cores busy, where each asynchronous call would hand the work to the thread pool
 * and back, two thread wake-ups that cost more than the system call itself.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

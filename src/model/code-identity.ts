import { readdir, readFile } from 'node:fs/promises';
import { digest } from '../core/cache-store.ts';

/** The folders whose code decides what loading and rendering a document produce. */
const SOURCES = ['../core/', '../markdown/', './'].map((folder) => new URL(folder, import.meta.url));
/** The libraries' versions (the Markdown parser, shiki…) decide it too. */
const LOCK_FILE = new URL('../../package-lock.json', import.meta.url);

/**
 * A digest of the loader's and renderer's own code and of the locked libraries, part of every
 * document and body cache key: a change to how documents are read or rendered (a reworded
 * message, a new plugin) never serves stale results.
 */
export async function codeIdentity(): Promise<string> {
  const parts: (string | Uint8Array)[] = [await readFile(LOCK_FILE).catch(() => new Uint8Array())];
  for (const folder of SOURCES) {
    for (const name of (await readdir(folder)).filter((entry) => entry.endsWith('.ts')).sort()) {
      parts.push(name, await readFile(new URL(name, folder)));
    }
  }
  return digest(parts);
}

import { createHash } from 'node:crypto';
import { linkSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ENV, type Environment } from './env.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/**
 * Every cache follows one convention: it lives in the one cache folder, carries the version
 * of its format (another version is an empty cache), checks each entry against the checksum
 * it was stored with (an entry edited or damaged on disk is a miss, and the work is redone),
 * and drops what no run has used for {@link MAX_UNUSED_MS}.
 */
export const MAX_UNUSED_MS = 7 * 24 * 60 * 60 * 1000;

/** Files younger than this are another run's, however they look. */
const RECENT_MS = 60 * 60 * 1000;

/** The one folder of every cache: `KB_CACHE_DIR`, else `node_modules/.cache/proven-kb` (deleting it is always safe). */
export function cacheRoot(projectRoot: string, env: Environment): string {
  return path.resolve(projectRoot, env[ENV.cacheDir] || path.join('node_modules', '.cache', 'proven-kb'));
}

/** Where a cache is and which format it holds. */
export interface StoreOptions {
  /** The cache folder (see {@link cacheRoot}). */
  dir: string;
  /** The store's name: a file `<name>.json`, or a folder `<name>/` for file stores. */
  name: string;
  /** Bumped when the entries' format or meaning changes. */
  version: number;
  now?: () => number;
  /** The store's file, when a setting names it (`KB_EXAMPLE_CACHE`); `<dir>/<name>.json` otherwise. */
  file?: string | undefined;
}

interface StoredEntry {
  usedAt: number;
  /** Checksum of the key and the payload. */
  sum: string;
}

interface JsonEntry extends StoredEntry {
  json: string;
}

interface StoreFile<E> {
  version: number;
  entries: Record<string, E>;
}

/** A cache of JSON values kept in one file. */
export interface JsonStore<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** How many entries the store holds, intact or not. */
  size(): number;
  /** Writes the store atomically, without the entries no run has used for a week. */
  save(): Promise<void>;
}

/** How values that JSON cannot hold (dates, sets) are written and read back. */
export interface JsonCodec {
  replace?: (this: unknown, key: string, value: unknown) => unknown;
  revive?: (key: string, value: unknown) => unknown;
}

/** Opens a JSON store; a missing, damaged or other-version file is an empty store. */
export async function openJsonStore<T>(options: StoreOptions & JsonCodec): Promise<JsonStore<T>> {
  const now = options.now ?? Date.now;
  const file = options.file ?? path.join(options.dir, `${options.name}.json`);
  const started = now();
  const entries = prune((await readStoreFile<JsonEntry>(file, options.version)) ?? {}, started);
  return {
    get(key) {
      const entry = entries[key];
      if (!entry || typeof entry.json !== 'string' || entry.sum !== checksum(key, entry.json))
        return undefined;
      entry.usedAt = started;
      return JSON.parse(entry.json, options.revive) as T;
    },
    set(key, value) {
      const json = JSON.stringify(value, options.replace);
      entries[key] = { usedAt: started, sum: checksum(key, json), json };
    },
    size: () => Object.keys(entries).length,
    async save() {
      await writeStoreFile(file, options.version, prune(entries, started));
    },
  };
}

/** A cache of files, one per key, for large values (rendered bodies, images). */
export interface FileStore {
  read(key: string): Promise<Buffer | undefined>;
  /** True when the entry is stored and intact: its file is read and checked once a run. */
  has(key: string): Promise<boolean>;
  write(key: string, data: string | Uint8Array): Promise<void>;
  /**
   * Puts the file of an entry this run read (and so checked) or wrote at `destination`, as a
   * hard link: no data written and no new file made. False when it cannot (another file
   * system, an entry this run has not checked): the caller writes the data itself.
   */
  link(key: string, destination: string): Promise<boolean>;
  /** Writes the index, without the entries no run has used for a week, and deletes their files; returns how many went. */
  save(): Promise<number>;
}

/** Opens a file store in `<dir>/<name>/`; its index holds each file's checksum and last use. */
export async function openFileStore(options: StoreOptions): Promise<FileStore> {
  const now = options.now ?? Date.now;
  const folder = path.join(options.dir, options.name);
  const indexFile = path.join(folder, 'index.json');
  const started = now();
  const stored = (await readStoreFile<StoredEntry>(indexFile, options.version)) ?? {};
  const entries = prune(stored, started);
  const fileOf = (key: string) => path.join(folder, key);
  // Entries whose file this run checked or wrote: only those may be handed out as they are.
  const checked = new Set<string>();
  // Entries are small files, read and written synchronously (write-file-atomic.ts says why).
  const readEntry = (key: string): Buffer | undefined => {
    try {
      return readFileSync(fileOf(key));
    } catch {
      return undefined;
    }
  };
  const read = async (key: string): Promise<Buffer | undefined> => {
    const entry = entries[key];
    if (!entry) return undefined;
    const data = readEntry(key);
    if (!data || entry.sum !== checksum(key, data)) return undefined;
    entry.usedAt = started;
    checked.add(key);
    return data;
  };
  return {
    read,
    async has(key) {
      return checked.has(key) || (await read(key)) !== undefined;
    },
    async write(key, data) {
      await writeFileAtomic(fileOf(key), data);
      entries[key] = { usedAt: started, sum: checksum(key, data) };
      checked.add(key);
    },
    async link(key, destination) {
      if (!checked.has(key)) return false;
      // A later write of the entry renames a new file over it, and pruning unlinks it: the linked
      // copy keeps its data either way. One edited in place fails its checksum at the next read.
      try {
        linkSync(fileOf(key), destination);
        return true;
      } catch (error) {
        // A file already there (an earlier output, rewritten in place) is replaced, never written
        // through: it may be another entry's file.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      }
      try {
        await rm(destination, { force: true });
        linkSync(fileOf(key), destination);
        return true;
      } catch {
        return false;
      }
    },
    async save() {
      const kept = prune(entries, started);
      await writeStoreFile(indexFile, options.version, kept);
      // Files of pruned entries, of another version, or left by an interrupted write; a file
      // written in the last hour may belong to another run that shares the folder (the dev server).
      const names = await readdir(folder).catch(() => [] as string[]);
      const unlisted = names.filter((name) => name !== 'index.json' && !Object.hasOwn(kept, name));
      const stale: string[] = [];
      for (const name of unlisted) {
        const info = await stat(fileOf(name)).catch(() => undefined);
        const expired = Object.hasOwn(stored, name);
        if (info && (expired || Date.now() - info.mtimeMs > RECENT_MS)) stale.push(name);
      }
      await Promise.all(stale.map((name) => rm(fileOf(name), { force: true })));
      return stale.length;
    },
  };
}

/** A short hex digest of what a value is made of, each part framed by its length so no two lists hash alike. */
export function digest(parts: readonly (string | Uint8Array)[]): string {
  const hasher = createHash('sha256');
  for (const part of parts) {
    // Framed by byte length: text and the same text read back as bytes must digest alike.
    const length = typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength;
    hasher.update(`\n${length}\n`).update(part);
  }
  return hasher.digest('hex').slice(0, 40);
}

function checksum(key: string, payload: string | Uint8Array): string {
  return digest([key, payload]);
}

function prune<E extends StoredEntry>(entries: Record<string, E>, now: number): Record<string, E> {
  return Object.fromEntries(
    Object.entries(entries).filter(([, entry]) => now - entry.usedAt <= MAX_UNUSED_MS),
  );
}

async function readStoreFile<E>(file: string, version: number): Promise<Record<string, E> | undefined> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as StoreFile<E>;
    if (stored.version === version && typeof stored.entries === 'object' && stored.entries !== null)
      return stored.entries;
  } catch {
    // Missing or damaged: start afresh.
  }
  return undefined;
}

async function writeStoreFile<E>(file: string, version: number, entries: Record<string, E>): Promise<void> {
  const stored: StoreFile<E> = { version, entries };
  await writeFileAtomic(file, JSON.stringify(stored));
}

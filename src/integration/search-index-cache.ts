import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openFileStore, type FileStore } from '../core/cache-store.ts';

/** Bump when what a stored index holds changes shape. */
const INDEX_VERSION = 1;
/** The one entry of the store: only the latest index is kept, so that the cache does not grow with every edit. */
const ENTRY = 'latest';

/** A search index as it was written, and the pages it was built from. */
export interface StoredIndex {
  /** Its files, by path relative to the index folder. */
  files: Map<string, Uint8Array>;
  pages: number;
}

/** A key being worked out, page by page. */
export interface PagesKey {
  /** `file`: the page's path in the output, with forward slashes. */
  add(file: string, content: Uint8Array): void;
  digest(): string;
}

/** The last search index built, kept in the cache folder (`search-index/`), by the pages it indexed. */
export interface SearchIndexCache {
  /** Starts the key of a set of pages: each HTML page of the output, in the order of their paths. */
  newKey(): PagesKey;
  /** The index built from pages with this key, if it is the one kept. */
  get(key: string): Promise<StoredIndex | undefined>;
  /** Keeps the index in `indexDir`, built from pages with this key, in place of the last one. */
  set(key: string, indexDir: string, pages: number): Promise<void>;
  save(): Promise<void>;
}

/**
 * Opens the search index cache. When no page changed (a build with nothing to do), the index
 * pagefind would build is the one it built last time: that one is copied into the output
 * instead, at the cost of reading the pages once to hash them. `settings` is everything besides
 * the pages that shapes the index (what is left out of it); pagefind's version is added.
 */
export async function openSearchIndexCache(cacheDir: string, settings: unknown): Promise<SearchIndexCache> {
  const store: FileStore = await openFileStore({
    dir: cacheDir,
    name: 'search-index',
    version: INDEX_VERSION,
  });
  const version = await pagefindVersion();
  return {
    newKey() {
      const hash = createHash('sha256').update(JSON.stringify({ version, settings }));
      return {
        add(file, content) {
          hash.update(`\n${file}\n${content.length}\n`).update(content);
        },
        digest: () => hash.digest('hex'),
      };
    },
    async get(key) {
      const data = await store.read(ENTRY);
      return data ? unpack(data, key) : undefined;
    },
    async set(key, indexDir, pages) {
      const names = (await readdir(indexDir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(indexDir, path.join(entry.parentPath, entry.name)))
        .sort();
      const files = names.map((name) => readFileSync(path.join(indexDir, name)));
      await store.write(ENTRY, pack(key, pages, names, files));
    },
    save: async () => {
      await store.save();
    },
  };
}

/** The installed pagefind's version, from its package.json (which its exports do not list). */
async function pagefindVersion(): Promise<string> {
  for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const manifest = await readFile(path.join(folder, 'pagefind', 'package.json'), 'utf8').catch(
      () => undefined,
    );
    if (manifest !== undefined) return (JSON.parse(manifest) as { version?: string }).version ?? '';
  }
  return '';
}

/**
 * Writes a stored index's files into `indexDir`, synchronously: an index of ten thousand pages
 * is ten thousand files of a few hundred bytes, which written one promise each took ten seconds.
 */
export function writeStoredIndex(index: StoredIndex, indexDir: string): void {
  const folders = new Set([...index.files.keys()].map((name) => path.dirname(path.join(indexDir, name))));
  for (const folder of [...folders].sort()) mkdirSync(folder, { recursive: true });
  for (const [name, data] of index.files) writeFileSync(path.join(indexDir, name), data);
}

/** One blob: a line of JSON (the key, the page count, each file's name and length), then the files' bytes. */
function pack(key: string, pages: number, names: string[], files: Buffer[]): Buffer {
  const header = JSON.stringify({ key, pages, files: names.map((name, i) => [name, files[i]!.length]) });
  return Buffer.concat([Buffer.from(`${header}\n`), ...files]);
}

/** The index in a blob, when it was built from pages with `key`. */
function unpack(data: Buffer, key: string): StoredIndex | undefined {
  const end = data.indexOf(0x0a);
  if (end < 0) return undefined;
  try {
    const header = JSON.parse(data.subarray(0, end).toString('utf8')) as {
      key: string;
      pages: number;
      files: [string, number][];
    };
    if (header.key !== key) return undefined;
    const files = new Map<string, Uint8Array>();
    let offset = end + 1;
    for (const [name, length] of header.files) {
      files.set(name, data.subarray(offset, offset + length));
      offset += length;
    }
    return offset === data.length ? { files, pages: header.pages } : undefined;
  } catch {
    return undefined;
  }
}

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentFacts } from './document-facts.ts';
import type { Frontmatter } from './frontmatter.ts';
import type { RuleId } from '../checks/rule-ids.ts';
import type { FrontmatterPlaces } from './split-frontmatter.ts';
import { writeFileAtomic } from '../core/write-file-atomic.ts';

/** Bump when the cache's own format changes. */
export const DOCUMENT_CACHE_VERSION = 2;

/** The folders whose code decides what loading a document produces: any change to them is a new cache. */
const LOADER_SOURCES = ['../model', '../markdown', '../checks'].map(
  (folder) => new URL(`${folder}/`, import.meta.url),
);

/** A finding made while loading one document, without its file (which may be displayed differently next time). */
export interface LoadFinding {
  line: number;
  column: number;
  ruleId: RuleId;
  message: string;
}

/** What loading one unchanged document produced. */
export interface CachedDocument {
  frontmatter: FrontmatterPlaces | undefined;
  data: Frontmatter | undefined;
  facts: DocumentFacts | undefined;
  findings: LoadFinding[];
}

/** Loaded documents by a hash of their path and text, kept between runs so that unchanged files are not parsed again. */
export interface DocumentCache {
  /** The key of a document's entry: its path and text, and the loader's own code. */
  key(file: string, text: string): string;
  get(key: string): CachedDocument | undefined;
  set(key: string, value: CachedDocument): void;
  /** Writes the entries used in this run (the others belong to files that changed or are gone). */
  save(): Promise<void>;
}

/** The cache key of a document: its path, its text, and the loader's identity. */
export function documentKey(file: string, text: string, loader: string): string {
  return createHash('sha1').update(`${loader}\0${file}\0${text}`).digest('hex');
}

/**
 * A hash of the loader's own source files, so that a change to how documents are read or
 * reported (a reworded message, say) never serves stale results from the cache.
 */
export async function loaderIdentity(): Promise<string> {
  const hash = createHash('sha1').update(String(DOCUMENT_CACHE_VERSION));
  for (const folder of LOADER_SOURCES) {
    for (const name of (await readdir(folder)).filter((entry) => entry.endsWith('.ts')).sort()) {
      hash.update(name).update(await readFile(new URL(name, folder)));
    }
  }
  return hash.digest('hex');
}

/**
 * Where build caches live (deleting it, or `node_modules`, is always safe); one file per
 * content folder, so that checking another folder does not evict this one's entries.
 */
export function defaultDocumentCacheFile(root: string, contentDir: string): string {
  const folder = createHash('sha1').update(path.resolve(contentDir)).digest('hex').slice(0, 12);
  return path.join(root, 'node_modules', '.cache', 'proven-kb', `documents-${folder}.json`);
}

/** Opens the cache file (a missing or damaged one is an empty cache); without a file, a cache that keeps nothing. */
export async function openDocumentCache(file: string | undefined): Promise<DocumentCache> {
  const stored = new Map<string, string>();
  if (file) {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as {
        version: number;
        entries: Record<string, string>;
      };
      if (parsed.version === DOCUMENT_CACHE_VERSION)
        for (const [key, value] of Object.entries(parsed.entries)) stored.set(key, value);
    } catch {
      // Start afresh.
    }
  }
  const used = new Map<string, string>();
  const loader = file ? await loaderIdentity() : '';
  return {
    key: (document, text) => documentKey(document, text, loader),
    get(key) {
      const raw = used.get(key) ?? stored.get(key);
      if (raw === undefined) return undefined;
      used.set(key, raw);
      return JSON.parse(raw, revive) as CachedDocument;
    },
    set(key, value) {
      used.set(key, JSON.stringify(value, replace));
    },
    async save() {
      if (!file) return;
      await writeFileAtomic(
        file,
        JSON.stringify({ version: DOCUMENT_CACHE_VERSION, entries: Object.fromEntries(used) }),
      );
    },
  };
}

/** Dates and sets survive the round trip through JSON tagged. */
function replace(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Date) return { $date: original.toISOString() };
  if (original instanceof Set) return { $set: [...original] };
  return value;
}

function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object') {
    if ('$date' in value) return new Date((value as { $date: string }).$date);
    if ('$set' in value) return new Set((value as { $set: unknown[] }).$set);
  }
  return value;
}

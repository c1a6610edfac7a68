import { createHash } from 'node:crypto';
import path from 'node:path';
import { digest, openFileStore, openJsonStore, type JsonStore } from '../core/cache-store.ts';
import type { RenderedBody } from '../markdown/render-body.ts';
import type { DocumentFacts } from './document-facts.ts';
import type { Frontmatter } from './frontmatter.ts';
import type { LoadProblem } from './load-problems.ts';
import type { FrontmatterPlaces } from './split-frontmatter.ts';

/** Bump when what a cached document holds changes shape. */
const DOCUMENTS_VERSION = 5;
/** Bump when a rendered body's shape changes. */
const BODIES_VERSION = 2;

/** What loading one unchanged document produced. */
export interface CachedDocument {
  frontmatter: FrontmatterPlaces | undefined;
  data: Frontmatter | undefined;
  title: string | undefined;
  facts: DocumentFacts | undefined;
  problems: LoadProblem[];
  /** Digests of the other files the page read (snippets), null where a file was missing. */
  inputs: Record<string, string | null>;
}

/** Loaded documents by their path, text and everything that shapes how they are read. */
export interface DocumentCache {
  key(file: string, text: string): string;
  get(key: string): CachedDocument | undefined;
  set(key: string, value: CachedDocument): void;
  /** How many documents the cache holds, of this content folder's files past and present. */
  size(): number;
  save(): Promise<void>;
}

/** Rendered bodies, one file each, kept between builds so that a page renders its body once. */
export interface BodyCache {
  key(file: string, text: string): string;
  /** True when the body is stored and intact. */
  has(key: string): Promise<boolean>;
  read(key: string): Promise<RenderedBody | undefined>;
  write(key: string, body: RenderedBody): Promise<void>;
  /** The folder a page reads a body from: `<folder>/<key>`. */
  folder: string;
  save(): Promise<number>;
}

/**
 * Opens the document cache of one content folder in the cache folder; `identity` is everything
 * besides a file that decides what loading it produces (code, libraries, Markdown options).
 * Without a cache folder, a cache that keeps nothing.
 */
export async function openDocumentCache(
  cacheDir: string | undefined,
  contentDir: string,
  identity: string,
): Promise<DocumentCache> {
  const folder = createHash('sha1').update(path.resolve(contentDir)).digest('hex').slice(0, 12);
  const store: JsonStore<CachedDocument> | undefined = cacheDir
    ? await openJsonStore<CachedDocument>({
        dir: cacheDir,
        name: `documents-${folder}`,
        version: DOCUMENTS_VERSION,
        replace,
        revive,
      })
    : undefined;
  return {
    key: (file, text) => digest([identity, file, text]),
    get: (key) => store?.get(key),
    set: (key, value) => store?.set(key, value),
    size: () => store?.size() ?? 0,
    save: async () => store?.save(),
  };
}

/** Opens the body cache in the cache folder; `identity` is everything besides a file that shapes its HTML. */
export async function openBodyCache(cacheDir: string, identity: string): Promise<BodyCache> {
  const store = await openFileStore({ dir: cacheDir, name: 'bodies', version: BODIES_VERSION });
  return {
    folder: path.join(cacheDir, 'bodies'),
    key: (file, text) => digest([identity, file, text]),
    has: (key) => store.has(key),
    read: async (key) => {
      const data = await store.read(key);
      return data && (JSON.parse(data.toString('utf8')) as RenderedBody);
    },
    write: (key, body) => store.write(key, JSON.stringify(body)),
    save: () => store.save(),
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

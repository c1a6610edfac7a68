import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../core/write-file-atomic.ts';
import { programParts, type Example } from './collect-examples.ts';
import type { ExampleOutcome } from './run-example.ts';
import type { ResolvedRuntime, VersionCache } from './runtime-versions.ts';
import type { TypeDiagnostic } from './typecheck-examples.ts';

/** Bump when the runner changes how it runs or judges examples: every cached verdict is then stale. */
export const RUNNER_VERSION = 5;

/** Entries not used for this long are dropped when the cache is saved. */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** The example cache file's contents. */
export interface ExampleCache {
  runner: number;
  versions: VersionCache;
  results: Record<string, { outcome: Omit<ExampleOutcome, 'cacheable'>; usedAt: number }>;
  typecheck: Record<string, { diagnostics: TypeDiagnostic[]; usedAt: number }>;
}

/** Where build caches live, so that deleting `node_modules` (or just this folder) resets it. */
export function defaultCacheFile(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'proven-kb', 'examples.json');
}

/** Reads the cache; a missing, unreadable or outdated file is an empty cache. */
export async function loadCache(file: string): Promise<ExampleCache> {
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as ExampleCache;
    if (cache.runner === RUNNER_VERSION && cache.results && cache.typecheck && cache.versions) return cache;
  } catch {
    // Start afresh.
  }
  return { runner: RUNNER_VERSION, versions: {}, results: {}, typecheck: {} };
}

/** Writes the cache atomically, so that an interrupted run never leaves half a file. */
export async function saveCache(file: string, cache: ExampleCache, now: number): Promise<void> {
  for (const table of [cache.results, cache.typecheck]) {
    for (const [key, entry] of Object.entries(table)) if (now - entry.usedAt > MAX_AGE_MS) delete table[key];
  }
  await writeFileAtomic(file, JSON.stringify(cache));
}

/** The cache key of an example: everything its verdict depends on. */
export function exampleKey(example: Example, runtime: ResolvedRuntime): string {
  return hash([
    RUNNER_VERSION,
    runtime.name,
    runtime.version,
    runtime.command.slice(1),
    runtime.spec.extension,
    programParts(example),
    [...example.meta.flags].sort(),
    [...example.meta.options].filter(([key]) => key !== 'title').sort(),
    example.expected?.text ?? null,
  ]);
}

/** A SHA-256 of a JSON value, hex. */
export function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

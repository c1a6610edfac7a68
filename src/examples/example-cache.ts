import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../core/write-file-atomic.ts';
import { programParts, scriptOf, type Example } from './collect-examples.ts';
import type { ExampleOutcome } from './run-example.ts';
import type { ResolvedRuntime } from './runtime-versions.ts';
import type { IsolationKind } from './sandbox.ts';
import type { TypeDiagnostic } from './typecheck-examples.ts';

/** Bump when the runner changes how it runs or judges examples: every cached verdict is then stale. */
export const RUNNER_VERSION = 6;

/** Entries not used for this long are dropped when the cache is saved. */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** The example cache file's contents. */
export interface ExampleCache {
  runner: number;
  results: Record<
    string,
    {
      outcome: Omit<ExampleOutcome, 'cacheable'>;
      usedAt: number;
      /** For a verdict that depended on the article's earlier blocks: a hash of their code. */
      earlier?: string | undefined;
    }
  >;
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
    if (cache.runner === RUNNER_VERSION && cache.results && cache.typecheck) return cache;
  } catch {
    // Start afresh.
  }
  return emptyCache();
}

/** A cache with nothing in it. */
export function emptyCache(): ExampleCache {
  return { runner: RUNNER_VERSION, results: {}, typecheck: {} };
}

/** Writes the cache atomically, so that an interrupted run never leaves half a file. */
export async function saveCache(file: string, cache: ExampleCache, now: number): Promise<void> {
  for (const table of [cache.results, cache.typecheck]) {
    for (const [key, entry] of Object.entries(table)) if (now - entry.usedAt > MAX_AGE_MS) delete table[key];
  }
  await writeFileAtomic(file, JSON.stringify(cache));
}

/**
 * The cache key of an example: everything its verdict depends on, the interpreter (its path and
 * version: another Python behind the same `python3` is another key) and the isolation included.
 * The earlier blocks a fragment may run after are checked apart (`earlierKey`), as only the
 * verdicts that used them depend on them.
 */
export function exampleKey(
  example: Example,
  runtime: ResolvedRuntime,
  isolation: IsolationKind,
  timeoutMs: number,
): string {
  return hash([
    RUNNER_VERSION,
    runtime.name,
    runtime.executable,
    runtime.version,
    runtime.command.slice(1),
    runtime.spec.extension,
    runtime.requirements?.hash ?? null,
    isolation,
    timeoutMs,
    example.session,
    programParts(example),
    [...example.meta.flags].sort(),
    [...example.meta.options].filter(([key]) => key !== 'title').sort(),
    example.expected?.text ?? null,
  ]);
}

/** A hash of the code of the blocks a fragment may run after. */
export function earlierKey(example: Example): string {
  return hash(example.earlier.map(scriptOf));
}

/** A SHA-256 of a JSON value, hex. */
export function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

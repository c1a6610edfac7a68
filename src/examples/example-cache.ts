import { createHash } from 'node:crypto';
import path from 'node:path';
import { openJsonStore, type JsonStore } from '../core/cache-store.ts';
import { programParts, scriptOf, type Example } from './collect-examples.ts';
import type { ExampleOutcome } from './run-example.ts';
import type { ResolvedRuntime } from './runtime-versions.ts';
import type { IsolationKind } from './sandbox.ts';
import type { TypeDiagnostic } from './typecheck-examples.ts';

/** Bump when the runner changes how it runs or judges examples: every cached verdict is then stale. */
export const RUNNER_VERSION = 6;

/** A verdict as the cache keeps it. */
export interface CachedVerdict {
  outcome: Omit<ExampleOutcome, 'cacheable'>;
  /** For a verdict that depended on the article's earlier blocks: a hash of their code. */
  earlier?: string | undefined;
}

/**
 * The examples' verdicts and type-check results between runs, in the one cache folder and by its
 * convention (`openJsonStore`): each entry is checked against the checksum it was stored with, so
 * a verdict edited on disk (`"passed": true` on a failing example) is a miss, and the example runs.
 */
export interface ExampleCache {
  verdict(key: string): CachedVerdict | undefined;
  keepVerdict(key: string, verdict: CachedVerdict): void;
  typecheck(key: string): TypeDiagnostic[] | undefined;
  keepTypecheck(key: string, diagnostics: TypeDiagnostic[]): void;
  /** Writes the cache atomically, without what no run has used for a week. */
  save(): Promise<void>;
}

/**
 * Opens the example cache kept in `file` (`examples.json` in the cache folder, or `KB_EXAMPLE_CACHE`);
 * a missing, damaged or outdated file is an empty cache. Without a file, nothing is kept.
 */
export async function openExampleCache(file: string | undefined): Promise<ExampleCache> {
  if (file === undefined) {
    const memory = new Map<string, unknown>();
    return cacheOver({
      get: (key) => memory.get(key),
      set: (key, value) => memory.set(key, value),
      size: () => memory.size,
      save: async () => {},
    });
  }
  const store = await openJsonStore<unknown>({
    dir: path.dirname(file),
    name: path.basename(file, '.json'),
    file,
    version: RUNNER_VERSION,
  });
  return cacheOver(store);
}

function cacheOver(store: JsonStore<unknown>): ExampleCache {
  return {
    verdict: (key) => store.get(`run:${key}`) as CachedVerdict | undefined,
    keepVerdict: (key, verdict) => store.set(`run:${key}`, verdict),
    typecheck: (key) => store.get(`typecheck:${key}`) as TypeDiagnostic[] | undefined,
    keepTypecheck: (key, diagnostics) => store.set(`typecheck:${key}`, diagnostics),
    save: () => store.save(),
  };
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

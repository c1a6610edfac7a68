import { createHash } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { RenderedEntry } from '../site/content-source.ts';
import type { RenderedFacts } from '../site/rendered-facts.ts';
import { writeFileAtomic } from '../core/write-file-atomic.ts';

/** Rendered Markdown bodies kept between builds, one file each, so that a page renders its body once. */
export interface RenderCache {
  /** The key of a body rendered under `fingerprint` (everything else that shapes the HTML). */
  keyOf(fingerprint: string, parts: readonly string[]): string;
  get(key: string): Promise<RenderedEntry | undefined>;
  /** Only the facts of a cached body, from one index of them all: the site model needs every page's, not their HTML. */
  facts(key: string): Promise<RenderedFacts | undefined>;
  set(key: string, value: RenderedEntry): Promise<void>;
  /** Deletes the entries this process neither read nor wrote, and keeps the facts of the others; returns how many were deleted. */
  prune(): Promise<number>;
}

const FACTS_INDEX = 'facts-index.json';

/** Opens the render cache in `dir`; an unreadable entry is a miss, never an error. */
export function openRenderCache(dir: string): RenderCache {
  const used = new Set<string>();
  const fileOf = (key: string) => path.join(dir, `${key}.json`);
  let index: Promise<Map<string, RenderedFacts>> | undefined;
  const loadIndex = () =>
    (index ??= readFile(path.join(dir, FACTS_INDEX), 'utf8')
      .then((text) => new Map(Object.entries(JSON.parse(text) as Record<string, RenderedFacts>)))
      .catch(() => new Map<string, RenderedFacts>()));

  return {
    keyOf(fingerprint, parts) {
      const hash = createHash('sha256').update(fingerprint);
      // Each part framed by its length, so that no two lists of parts hash alike.
      for (const part of parts) hash.update(`\n${part.length}\n`).update(part);
      return hash.digest('hex').slice(0, 40);
    },
    async get(key) {
      used.add(key);
      let entry: RenderedEntry;
      try {
        entry = JSON.parse(await readFile(fileOf(key), 'utf8')) as RenderedEntry;
      } catch {
        return undefined;
      }
      (await loadIndex()).set(key, entry.facts);
      return entry;
    },
    async facts(key) {
      const known = (await loadIndex()).get(key);
      if (known) used.add(key);
      return known ?? (await this.get(key))?.facts;
    },
    async set(key, value) {
      used.add(key);
      (await loadIndex()).set(key, value.facts);
      await writeFileAtomic(fileOf(key), JSON.stringify(value));
    },
    async prune() {
      const names = await readdir(dir).catch(() => [] as string[]);
      const stale = names.filter((name) => /^[0-9a-f]+\.json$/.test(name) && !used.has(name.slice(0, -5)));
      await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
      const facts = await loadIndex();
      const kept = Object.fromEntries(
        [...used].flatMap((key) => (facts.has(key) ? [[key, facts.get(key)]] : [])),
      );
      if (used.size > 0) await writeFileAtomic(path.join(dir, FACTS_INDEX), JSON.stringify(kept));
      return stale.length;
    },
  };
}

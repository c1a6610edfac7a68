import path from 'node:path';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import pLimit from 'p-limit';
import * as pagefind from 'pagefind';
import { hrefOf, SEARCH_INDEX_DIR } from '../core/site-paths.ts';
import {
  failure,
  IGNORED_IN_CONTENT,
  marksBody,
  openPagefindIndex,
  SearchIndexError,
} from './pagefind-index.ts';
import { openSearchIndexCache, writeStoredIndex } from './search-index-cache.ts';
import { fingerprintOf, type StreamedIndex, type StreamedPages } from './search-index-stream.ts';

/** What the indexing step did, for the build log. */
export interface SearchIndexSummary {
  pages: number;
  outputPath: string;
  milliseconds: number;
  /** True when no page changed since the index kept in the cache was built, which was copied instead. */
  cached: boolean;
  /** True when the pages were indexed as they were rendered (`SearchIndexOptions.streamed`). */
  streamed: boolean;
}

/** What `buildSearchIndex` may start from. */
export interface SearchIndexOptions {
  /**
   * The pages as Astro rendered them, already in an index (search-index-stream.ts). It is the one
   * written when it holds exactly the output's HTML files, each under its href; otherwise the
   * files are indexed again, as without it.
   */
  streamed?: StreamedIndex | undefined;
}

/**
 * Indexes the built site in `outDir` with pagefind's Node API and writes the index into
 * `outDir/pagefind`, never into the source tree. Only pages that mark their content with
 * `data-pagefind-body` are indexed (the articles), each under its href below `base`; every error
 * pagefind reports fails the build. With a cache folder, the index is kept there, and when no page
 * changed since, it is copied rather than built again.
 */
export async function buildSearchIndex(
  outDir: string,
  base: string,
  cacheDir?: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexSummary> {
  const started = performance.now();
  const outputPath = path.join(outDir, SEARCH_INDEX_DIR);
  let streamed: StreamedPages | undefined;
  try {
    streamed = await options.streamed?.settle();
    const cache = cacheDir
      ? await openSearchIndexCache(cacheDir, { excludeSelectors: IGNORED_IN_CONTENT, base })
      : undefined;
    const files = await htmlFiles(outDir);
    // One read of each page: the cache's key, and whether the streamed pages are the output's.
    const key = cache?.newKey();
    let streamHolds =
      streamed !== undefined && streamed.unplaced === 0 && streamed.pages.size === files.length;
    if (key || streamHolds) {
      for (const file of files) {
        const content = readFileSync(path.join(outDir, ...file.split('/')));
        key?.add(file, content);
        if (streamHolds && streamed!.pages.get(hrefOf(sitePathOf(file), base)) !== fingerprintOf(content))
          streamHolds = false;
      }
    }
    const digest = key?.digest();
    const stored = digest === undefined ? undefined : await cache!.get(digest);
    if (stored) {
      writeStoredIndex(stored, outputPath);
      await cache!.save();
      return {
        pages: stored.pages,
        outputPath,
        milliseconds: Math.round(performance.now() - started),
        cached: true,
        streamed: false,
      };
    }
    let index: pagefind.PagefindIndex;
    let pages: number;
    if (streamHolds) {
      if (streamed!.errors.length > 0)
        throw failure(`could not index the pages in ${outDir}`, streamed!.errors);
      index = streamed!.index;
      pages = streamed!.bodies || streamed!.pages.size;
    } else {
      if (streamed) await streamed.index.deleteIndex();
      streamed = undefined;
      index = await openPagefindIndex();
      pages = await addFiles(index, outDir, base, files);
    }
    // Pagefind leaves a file whose name it would write alone, and a recycled output holds last
    // time's: from an empty folder, every file of the index is one this build wrote.
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0)
      throw failure(`could not write the index to ${outputPath}`, written.errors);
    if (cache && digest !== undefined) {
      await cache.set(digest, outputPath, pages);
      await cache.save();
    }
    return {
      pages,
      outputPath,
      milliseconds: Math.round(performance.now() - started),
      cached: false,
      streamed: streamed !== undefined,
    };
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    throw new SearchIndexError(`Search index: pagefind failed while indexing ${outDir}`, { cause: error });
  } finally {
    // Pagefind runs as a child process; stop it so the build can exit.
    await pagefind.close();
  }
}

/** Adds the output's HTML `files` to `index`, each under its href below `base`; returns how many pages it indexes. */
async function addFiles(
  index: pagefind.PagefindIndex,
  outDir: string,
  base: string,
  files: string[],
): Promise<number> {
  const added = { bodies: 0, all: 0, errors: [] as string[] };
  // Each page under its href, as every other address of it is written: pagefind's own
  // encoding of a file's path leaves `(`, `+`, `'` and the like as they are, where MkDocs does not.
  const limit = pLimit(PARALLEL_READS);
  // Read several at once, but handed to pagefind in the files' order: it numbers pages as they
  // come, so the same pages in another order would give another index.
  const sent = files.map(() => Promise.withResolvers<void>());
  await Promise.all(
    files.map((file, i) =>
      limit(async () => {
        let content: string;
        let adding;
        try {
          content = await readFile(path.join(outDir, ...file.split('/')), 'utf8');
          await sent[i - 1]?.promise;
          adding = index.addHTMLFile({ url: hrefOf(sitePathOf(file), base), content });
        } finally {
          // Also when reading failed: the pages after it must not wait for ever.
          sent[i]!.resolve();
        }
        const result = await adding;
        if (result.errors.length > 0) added.errors.push(...result.errors.map((error) => `${file}: ${error}`));
        added.all++;
        if (marksBody(content)) added.bodies++;
      }),
    ),
  );
  if (added.errors.length > 0) throw failure(`could not index the pages in ${outDir}`, added.errors);
  return added.bodies || added.all;
}

/** Files indexed at once: enough to keep pagefind busy, few enough to keep memory flat. */
const PARALLEL_READS = 16;

/** The built site's HTML files, relative with forward slashes, as pagefind's own directory walk finds them. */
async function htmlFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith(`${SEARCH_INDEX_DIR}/`))
    .sort();
}

/** `t/slug/index.html` → `/t/slug/`; `404.html` → `/404.html`. */
function sitePathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

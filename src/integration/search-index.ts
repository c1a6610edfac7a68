import path from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_INDEX_DIR } from '../core/site-paths.ts';
import { openSearchIndexCache, writeStoredIndex } from './search-index-cache.ts';

/**
 * Chrome that the Markdown renderer puts inside the article's content: code captions, copy
 * buttons, the line that says where an example was verified, and the short answer's
 * "In short" label. The layout marks its own chrome with `data-pagefind-ignore`; these come
 * from remark plugins that know nothing of search.
 */
const IGNORED_IN_CONTENT = ['figcaption', '.copy-button', '.verification', '.in-short > .admonition-title'];

/** What the indexing step did, for the build log. */
export interface SearchIndexSummary {
  pages: number;
  outputPath: string;
  milliseconds: number;
  /** True when no page changed since the index kept in the cache was built, which was copied instead. */
  cached: boolean;
}

/** Raised when pagefind cannot build or write the index; `cause` keeps pagefind's own error. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * Indexes the built site in `outDir` with pagefind's Node API and writes the index into
 * `outDir/pagefind`, never into the source tree. Only pages that mark their content with
 * `data-pagefind-body` are indexed (the articles); every error pagefind reports fails the build.
 * With a cache folder, the index is kept there, and when no page changed since, it is copied
 * rather than built again.
 */
export async function buildSearchIndex(outDir: string, cacheDir?: string): Promise<SearchIndexSummary> {
  const started = performance.now();
  const outputPath = path.join(outDir, SEARCH_INDEX_DIR);
  const cache = cacheDir
    ? await openSearchIndexCache(cacheDir, { excludeSelectors: IGNORED_IN_CONTENT })
    : undefined;
  const key = await cache?.keyOf(outDir);
  const stored = key === undefined ? undefined : await cache!.get(key);
  if (stored) {
    writeStoredIndex(stored, outputPath);
    await cache!.save();
    return {
      pages: stored.pages,
      outputPath,
      milliseconds: Math.round(performance.now() - started),
      cached: true,
    };
  }
  try {
    const created = await pagefind.createIndex({ excludeSelectors: IGNORED_IN_CONTENT });
    const index = created.index;
    if (!index || created.errors.length > 0) throw failure('could not start indexing', created.errors);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw failure(`could not index the pages in ${outDir}`, added.errors);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0)
      throw failure(`could not write the index to ${outputPath}`, written.errors);
    if (cache && key !== undefined) {
      await cache.set(key, outputPath, added.page_count);
      await cache.save();
    }
    return {
      pages: added.page_count,
      outputPath,
      milliseconds: Math.round(performance.now() - started),
      cached: false,
    };
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    throw new SearchIndexError(`Search index: pagefind failed while indexing ${outDir}`, { cause: error });
  } finally {
    // Pagefind runs as a child process; stop it so the build can exit.
    await pagefind.close();
  }
}

function failure(what: string, errors: readonly string[]): SearchIndexError {
  return new SearchIndexError(`Search index: pagefind ${what}:\n${errors.map((e) => `  ${e}`).join('\n')}`);
}

import path from 'node:path';
import { readdir, readFile, rm } from 'node:fs/promises';
import pLimit from 'p-limit';
import * as pagefind from 'pagefind';
import { hrefOf, SEARCH_INDEX_DIR } from '../core/site-paths.ts';
import { openSearchIndexCache, writeStoredIndex } from './search-index-cache.ts';

/**
 * Chrome that the Markdown renderer puts inside the article's content: code captions, copy
 * buttons, the line that says where an example was verified, and the short answer's
 * "In short" label. The layout marks its own chrome with `data-pagefind-ignore`; these come
 * from remark plugins that know nothing of search.
 */
const IGNORED_IN_CONTENT = [
  'figcaption',
  '.kb-copy-button',
  '.kb-verification',
  '.kb-in-short > .admonition-title',
];

/** What the indexing step did, for the build log. */
export interface SearchIndexSummary {
  pages: number;
  outputPath: string;
  milliseconds: number;
  /** True when no page changed since the index kept in the cache was built, which was copied instead. */
  cached: boolean;
}

/** How `buildSearchIndex` shares the machine with other work. */
export interface SearchIndexOptions {
  /**
   * Settles before pagefind writes the index, the step where it needs the most memory: work
   * running beside the indexing that should have given its memory back by then. Its failure is
   * for its owner to report; the time spent waiting is not counted in `milliseconds`.
   */
  writeAfter?: Promise<unknown> | undefined;
}

/** Raised when pagefind cannot build or write the index; `cause` keeps pagefind's own error. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
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
  const cache = cacheDir
    ? await openSearchIndexCache(cacheDir, { excludeSelectors: IGNORED_IN_CONTENT, base })
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
  let waited = 0;
  try {
    const created = await pagefind.createIndex({ excludeSelectors: IGNORED_IN_CONTENT });
    const index = created.index;
    if (!index || created.errors.length > 0) throw failure('could not start indexing', created.errors);
    const added = { page_count: 0, all: 0, errors: [] as string[] };
    // Each page under its href, as every other address of it is written: pagefind's own
    // encoding of a file's path leaves `(`, `+`, `'` and the like as they are, where MkDocs does not.
    const limit = pLimit(PARALLEL_READS);
    // Read several at once, but handed to pagefind in the files' order: it numbers pages as they
    // come, so the same pages in another order would give another index.
    const files = await htmlFiles(outDir);
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
          if (result.errors.length > 0)
            added.errors.push(...result.errors.map((error) => `${file}: ${error}`));
          // Once a page marks its body, pagefind indexes only the pages that do.
          added.all++;
          if (content.includes('data-pagefind-body')) added.page_count++;
        }),
      ),
    );
    if (added.errors.length > 0) throw failure(`could not index the pages in ${outDir}`, added.errors);
    const waitStarted = performance.now();
    await options.writeAfter?.catch(() => undefined);
    waited = performance.now() - waitStarted;
    // Pagefind leaves a file whose name it would write alone, and a recycled output holds last
    // time's: from an empty folder, every file of the index is one this build wrote.
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0)
      throw failure(`could not write the index to ${outputPath}`, written.errors);
    if (cache && key !== undefined) {
      await cache.set(key, outputPath, added.page_count || added.all);
      await cache.save();
    }
    return {
      pages: added.page_count || added.all,
      outputPath,
      milliseconds: Math.round(performance.now() - started - waited),
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

function failure(what: string, errors: readonly string[]): SearchIndexError {
  return new SearchIndexError(`Search index: pagefind ${what}:\n${errors.map((e) => `  ${e}`).join('\n')}`);
}

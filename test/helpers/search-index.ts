import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic, type StaticServer } from './static-server.ts';

/** A search result as a test checks it. */
export interface IndexHit {
  /** The page's path on the site (`/topic/slug/`). */
  url: string;
  title: string;
  filters: Record<string, string[]>;
}

/** A built site's search index, queried with the same `pagefind.js` the browser loads. */
export interface SearchIndex {
  search: (query: string | null, filters?: Record<string, string[]>) => Promise<IndexHit[]>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  close: () => Promise<void>;
}

interface PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (
    query: string | null,
    options?: Record<string, unknown>,
  ) => Promise<{
    results: {
      data: () => Promise<{ url: string; meta: { title?: string }; filters: Record<string, string[]> }>;
    }[];
  }>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  destroy: () => Promise<void>;
}

/**
 * Opens the pagefind index of the site built in `outDir`: serves the site on 127.0.0.1 and
 * imports the site's own `pagefind.js` in Node, where it runs without a worker and fetches
 * the index over HTTP as a browser would.
 */
export async function openSearchIndex(outDir: string): Promise<SearchIndex> {
  const server: StaticServer = await serveStatic(outDir);
  const moduleUrl = pathToFileURL(path.join(outDir, 'pagefind/pagefind.js')).href;
  const pagefind = (await import(moduleUrl)) as PagefindModule;
  await pagefind.options({ basePath: `${server.origin}/pagefind/` });
  return {
    search: async (query, filters = {}) => {
      const response = await pagefind.search(query, {
        filters: Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }])),
      });
      return Promise.all(
        response.results.map(async (result) => {
          const data = await result.data();
          return { url: new URL(data.url).pathname, title: data.meta.title ?? '', filters: data.filters };
        }),
      );
    },
    filters: () => pagefind.filters(),
    close: async () => {
      await pagefind.destroy();
      await server.close();
    },
  };
}

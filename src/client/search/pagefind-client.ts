import { hrefOf, SEARCH_INDEX_URL } from '../../core/site-paths.ts';
import { excerptParts, tidyExcerpt, type ExcerptPart } from './excerpt.ts';
import { highlightTerms, withHighlight } from './search-terms.ts';

/** One search result, ready to show. */
export interface SearchHit {
  /** The page's URL, with the query's words to mark on arrival. */
  url: string;
  title: string;
  topic: string | undefined;
  excerpt: ExcerptPart[];
}

/** The filters a search applies: any of the values of each name (`{ topic: ['Python asyncio'] }`). */
export type ActiveFilters = Record<string, string[]>;

/** A search's results: the first `limit` hits, and how many there are in all. */
export interface SearchOutcome {
  hits: SearchHit[];
  total: number;
  /** Loads the next hits after those already shown. */
  more: (count: number) => Promise<SearchHit[]>;
}

/** Searches the site's pagefind index; the index is loaded on the first call to `load` or `search`. */
export interface SearchClient {
  /** Starts loading pagefind (`pagefind.js` and its WebAssembly), once. */
  load: () => Promise<void>;
  /** Searches; resolves to undefined when a newer search started meanwhile. */
  search: (query: string, filters: ActiveFilters, limit: number) => Promise<SearchOutcome | undefined>;
}

/** The part of pagefind's browser API (`pagefind.js`) this site uses. */
interface PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (
    query: string | null,
    options?: { filters?: Record<string, { any: string[] }> },
  ) => Promise<{ results: { data: () => Promise<PagefindData> }[] }>;
}

interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/**
 * Creates a search client for the index at `baseUrl`. Nothing is fetched until the reader
 * starts to search: `pagefind.js` is imported dynamically, from the built site, on first use.
 */
export function createSearchClient(
  baseUrl = hrefOf(SEARCH_INDEX_URL, import.meta.env.BASE_URL),
): SearchClient {
  let pagefind: Promise<PagefindModule> | undefined;
  let latest = 0;

  const load = () => {
    pagefind ??= importPagefind(baseUrl).catch((error: unknown) => {
      pagefind = undefined;
      throw error;
    });
    return pagefind;
  };

  return {
    load: async () => void (await load()),
    search: async (query, filters, limit) => {
      const id = ++latest;
      const api = await load();
      const active = Object.entries(filters).filter(([, values]) => values.length > 0);
      const trimmed = query.trim();
      if (trimmed === '' && active.length === 0) return { hits: [], total: 0, more: async () => [] };
      const response = await api.search(trimmed === '' ? null : trimmed, {
        filters: Object.fromEntries(active.map(([name, values]) => [name, { any: values }])),
      });
      if (id !== latest) return undefined;
      const toHits = async (from: number, count: number) =>
        Promise.all(
          response.results
            .slice(from, from + count)
            .map(async (result) => toHit(await result.data(), trimmed)),
        );
      let shown = Math.min(limit, response.results.length);
      const hits = await toHits(0, shown);
      if (id !== latest) return undefined;
      return {
        hits,
        total: response.results.length,
        more: async (count) => {
          const next = await toHits(shown, count);
          shown += next.length;
          return next;
        },
      };
    },
  };
}

async function importPagefind(baseUrl: string): Promise<PagefindModule> {
  const url = new URL(`${baseUrl}pagefind.js`, document.baseURI).href;
  const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
  // On the main thread: a knowledge base's index is small, and a worker costs another 43 kB script.
  await module.options({ excerptLength: 30, noWorker: true });
  await module.init();
  return module;
}

function toHit(data: PagefindData, query: string): SearchHit {
  const title = data.meta['title'] ?? data.url;
  return {
    url: withHighlight(data.url, query),
    title,
    topic: data.filters['topic']?.[0],
    excerpt: tidyExcerpt(excerptParts(data.excerpt), title, (text) => highlightTerms(text).length > 0),
  };
}

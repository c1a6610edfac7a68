import { crc32 } from 'node:zlib';
import type { NewFileResponse, PagefindIndex } from 'pagefind';
import { hrefOf } from '../core/site-paths.ts';
import { marksBody, openPagefindIndex } from './pagefind-index.ts';
import type { PageTap } from './page-tap.ts';

/** Pages handed to pagefind as Astro renders them: the indexing runs beside the rendering. */
export interface StreamedIndex {
  /** For the page tap (page-tap.ts): each page Astro renders. */
  tap: PageTap;
  /**
   * Once every page handed over is in the index: what it holds. `undefined` when no page came,
   * or when pagefind failed (indexing the files again reports why).
   */
  settle(): Promise<StreamedPages | undefined>;
}

export interface StreamedPages {
  index: PagefindIndex;
  /** Each page by its URL in the index: a fingerprint of its HTML (`fingerprintOf`). */
  pages: Map<string, string>;
  /** Pages that mark their body (`data-pagefind-body`). */
  bodies: number;
  /** What pagefind reported about a page, each naming it. */
  errors: string[];
  /** Pages whose file could not be told from their URL, or came twice: the index is not the output's. */
  unplaced: number;
}

/** Astro's status pages, which it writes as `404.html` rather than as a folder. */
const STATUS_PAGES = new Set(['/404', '/500']);

/**
 * Starts a search index that pages are added to as Astro renders them, in the order it started
 * rendering them (pagefind numbers pages as they come: another order would give another index).
 * Pagefind's service starts with the first page.
 */
export function streamSearchIndex(base: string): StreamedIndex {
  let index: Promise<PagefindIndex> | undefined;
  let previous: Promise<void> = Promise.resolve();
  const added: Promise<void>[] = [];
  const pages = new Map<string, string>();
  const errors: string[] = [];
  let bodies = 0;
  let unplaced = 0;

  const tap: PageTap = (pathname, routePattern) => {
    const turn = Promise.withResolvers<void>();
    const before = previous;
    previous = turn.promise;
    return (html) => {
      const handed = (async (): Promise<{ url: string; answer: Promise<NewFileResponse> } | undefined> => {
        try {
          await before;
          if (html === undefined) return undefined;
          const sitePath = sitePathOfRequest(pathname, routePattern, base);
          const url = sitePath === undefined ? undefined : hrefOf(sitePath, base);
          if (url === undefined || pages.has(url)) {
            unplaced++;
            return undefined;
          }
          pages.set(url, fingerprintOf(html));
          if (marksBody(html)) bodies++;
          // Sent before the next page's turn comes (pagefind receives the pages in order); its
          // answer is awaited apart, so that pages are not held up by each other's indexing.
          const opened = await (index ??= openPagefindIndex());
          return { url, answer: opened.addHTMLFile({ url, content: html }) };
        } finally {
          turn.resolve();
        }
      })();
      const answered = handed.then(async (page) => {
        if (!page) return;
        const { errors: reported } = await page.answer;
        errors.push(...reported.map((error) => `${page.url}: ${error}`));
      });
      // Seen by `settle`; handled now, so that a failure before then does not end the process.
      answered.catch(() => undefined);
      added.push(answered);
    };
  };

  return {
    tap,
    async settle() {
      const outcomes = await Promise.allSettled(added);
      const opened = await index?.catch(() => undefined);
      if (!opened) return undefined;
      if (outcomes.some((outcome) => outcome.status === 'rejected')) {
        await opened.deleteIndex().catch(() => undefined);
        return undefined;
      }
      return { index: opened, pages, bodies, errors, unplaced };
    },
  };
}

/** A page's HTML, told apart from any other: its CRC-32 and its length in bytes. */
export function fingerprintOf(html: string | Uint8Array): string {
  const length = typeof html === 'string' ? Buffer.byteLength(html) : html.length;
  return `${crc32(html)}:${length}`;
}

/**
 * The site path of a rendered page as its file names it (`/t/slug/` for `t/slug/index.html`,
 * `/404.html`), from the URL Astro rendered it at; `undefined` when that URL does not say.
 */
function sitePathOfRequest(pathname: string, routePattern: string, base: string): string | undefined {
  const prefix = base.replace(/\/+$/, '');
  if (!pathname.startsWith(`${prefix}/`)) return undefined;
  if (STATUS_PAGES.has(routePattern)) return `${routePattern}.html`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return undefined;
  }
  return decoded.endsWith('/') ? decoded : undefined;
}

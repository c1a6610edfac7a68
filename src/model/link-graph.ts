/** A "See also" item as the Markdown writes it: one link, and any plain text around it. */
export interface SeeAlsoItem {
  /** The link as rendered: a site path (`/topic/slug/#anchor`) or a full URL. */
  url: string;
  /** The link text as written. */
  text: string;
  /** Plain text before the link in the item (`External:`), trimmed. */
  before: string;
  /** Plain text after the link in the item, trimmed. */
  after: string;
}

/** A "See also" item ready to show: a link to a page of the site carries that page's title. */
export interface SeeAlsoLink<P> extends SeeAlsoItem {
  /** The target page's title for links to a page of the site, else the link text. */
  title: string;
  /** The page the link reaches, if it reaches one. */
  page: P | undefined;
}

/** A page as the link graph sees it. */
interface LinkedPage {
  url: string;
  title: string;
}

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * The page a site-relative link reaches, as a page URL: `/topic/slug/#x` → `/topic/slug/`,
 * `/topic/slug` → `/topic/slug/`. Undefined for full URLs, anchors alone and files (`/img.png`).
 */
export function pagePathOf(url: string): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//') || HAS_SCHEME.test(url)) return undefined;
  const pathOnly = url.replace(/[?#].*$/, '');
  let decoded: string;
  try {
    decoded = decodeURI(pathOnly);
  } catch {
    return undefined;
  }
  if (/\.[a-z\d]+$/i.test(decoded) && !/\/index\.html$/i.test(decoded)) return undefined;
  return decoded.replace(/\/index\.html$/i, '/').replace(/\/?$/, '/');
}

/** Gives each "See also" link to a page of the site that page's title. */
export function resolveSeeAlso<P extends LinkedPage>(
  items: readonly SeeAlsoItem[],
  pagesByUrl: ReadonlyMap<string, P>,
): SeeAlsoLink<P>[] {
  return items.map((item) => {
    const pagePath = pagePathOf(item.url);
    const page = pagePath === undefined ? undefined : pagesByUrl.get(pagePath);
    return { ...item, title: page?.title ?? item.text, page };
  });
}

/**
 * Inverts the link graph: for each page URL, the pages that link to it, sorted by title.
 * A page's links to itself are left out.
 */
export function backlinksOf<P extends LinkedPage>(
  pages: readonly { page: P; links: readonly string[] }[],
): Map<string, P[]> {
  const incoming = new Map<string, Set<P>>();
  for (const { page, links } of pages) {
    for (const link of links) {
      const target = pagePathOf(link);
      if (target === undefined || target === page.url) continue;
      const sources = incoming.get(target) ?? new Set<P>();
      sources.add(page);
      incoming.set(target, sources);
    }
  }
  return new Map(
    [...incoming].map(([url, sources]) => [
      url,
      [...sources].sort((a, b) => a.title.localeCompare(b.title) || a.url.localeCompare(b.url)),
    ]),
  );
}

import type { PageNode, SiteModel } from '../model/site-model.ts';
import { newest, w3cDate } from './dates.ts';
import { absoluteUrl } from '../core/site-paths.ts';
import { buildXml, type XmlElement } from './xml.ts';

/** One page of the sitemap: its site path and when it last changed. */
export interface SitemapEntry {
  path: string;
  lastModified: Date | undefined;
}

/** True when a page may be indexed: not a draft, and not marked `noindex` by its author (MkDocs `meta: robots`). */
export function isIndexable(page: { data: Pick<PageNode['data'], 'draft' | 'robots'> }): boolean {
  return !page.data.draft && !/\bnoindex\b/i.test(page.data.robots ?? '');
}

/**
 * Every published page: home, topics, articles and plain pages, sorted by path. A topic changes
 * when any of its questions does, the home page when anything does. Drafts, pages marked
 * `noindex`, the 404 page and redirects are not pages of the model, or are left out here.
 */
export function sitemapEntries(model: SiteModel): SitemapEntry[] {
  const articles = [...model.articles.values()].map(({ article }) => article).filter(isIndexable);
  const pages = model.pages.filter(isIndexable);
  const topics = model.topics
    .filter((topic) => !topic.page || isIndexable(topic.page))
    .map((topic) => ({
      path: topic.url,
      lastModified: newest([topic.page?.lastModified, ...topic.articles.map((a) => a.lastModified)]),
    }));
  const everything = [...articles, ...pages, ...model.topics.flatMap((t) => (t.page ? [t.page] : []))];
  const home = {
    path: '/',
    lastModified: newest([model.home?.lastModified, ...everything.map((page) => page.lastModified)]),
  };
  const entries = [
    ...(model.home && !isIndexable(model.home) ? [] : [home]),
    ...topics,
    ...articles.map((page) => ({ path: page.url, lastModified: page.lastModified })),
    ...pages.map((page) => ({ path: page.url, lastModified: page.lastModified })),
  ];
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The sitemap document (sitemaps.org protocol 0.9) for the site at `siteUrl`. */
export function renderSitemap(siteUrl: string, entries: readonly SitemapEntry[]): string {
  const urls: XmlElement[] = entries.map((entry) => ({
    loc: absoluteUrl(siteUrl, entry.path),
    lastmod: entry.lastModified ? w3cDate(entry.lastModified) : undefined,
  }));
  return buildXml({ urlset: { '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9', url: urls } });
}

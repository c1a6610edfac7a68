import type { ArticleContext, PageNode, SiteModel, TopicNode } from '../model/site-model.ts';
import type { SiteSettings } from '../settings/settings.ts';
import { w3cDate } from './dates.ts';
import {
  articleNodes,
  graphOf,
  homeNodes,
  serializeJsonLd,
  topicNodes,
  type Crumb,
  type PublisherInfo,
  type SeoImage,
  type SiteIdentity,
} from './json-ld.ts';
import {
  absoluteUrl,
  CARD_SIZE,
  hrefOf,
  FEED_PATH,
  markdownPathFor,
  SEARCH_PATH,
  socialCardPathFor,
} from '../core/site-paths.ts';
import { safeDecode } from '../core/paths.ts';
import { isIndexable } from './sitemap.ts';
import { documentTitle, metaDescription } from './text.ts';

/** The site settings SEO needs, with the site's address settled. */
export interface SeoSite extends SiteIdentity {
  author: string;
  keywords: readonly string[];
  /** The social image of pages without a card of their own. */
  defaultImage: SeoImage;
  themeColor: { light: string; dark: string };
}

/** Everything a page's `<head>` says about it to search engines, social networks and feed readers. */
export interface PageSeo {
  /** The `<title>`. */
  title: string;
  description: string;
  /** Absolute; none on pages that must not be indexed. */
  canonical: string | undefined;
  /** The `robots` meta content, when the page has one. */
  robots: string | undefined;
  siteName: string;
  themeColor: { light: string; dark: string };
  openGraph: {
    type: 'website' | 'article';
    /** The page's own title, without the site name (`og:site_name` says it). */
    title: string;
    url: string | undefined;
    image: SeoImage;
  };
  /** Open Graph `article:*` properties, on articles. */
  article:
    | { publishedTime: string | undefined; modifiedTime: string | undefined; section: string; tags: string[] }
    | undefined;
  feed: { url: string; title: string };
  /** The article's Markdown source, for `<link rel="alternate" type="text/markdown">`. */
  markdownUrl: string | undefined;
  /** The page's JSON-LD, serialised and safe to put inside `<script>`. */
  jsonLd: string | undefined;
}

/** Settles the settings for SEO: the site's address is the configured one, else (in `astro dev`) where it is served. */
export function seoSite(settings: SiteSettings, servedOrigin: string): SeoSite {
  // The site's address with the path it is served from (`https://example.org/kb`): every
  // absolute URL of the site (canonical, feed, sitemap, cards, structured data) is under it.
  const url = `${(settings.url ?? servedOrigin).replace(/\/+$/, '')}${settings.base}`.replace(/\/+$/, '');
  const resolve = (image: NonNullable<SiteSettings['image']>): SeoImage => ({
    // Written in the settings as a URL (an address, or a path already encoded): resolved, not encoded again.
    url: new URL(image.url, `${url}/`).href,
    width: image.width,
    height: image.height,
    alt: image.alt,
  });
  const publisher: PublisherInfo = {
    type: settings.publisher.type,
    name: settings.publisher.name ?? settings.name,
    url: settings.publisher.url ?? `${url}/`,
    logo: settings.publisher.logo && resolve(settings.publisher.logo),
  };
  return {
    url,
    name: settings.name,
    description: settings.description,
    language: settings.language,
    publisher,
    searchUrlTemplate: `${absoluteUrl(url, SEARCH_PATH)}?q={search_term_string}`,
    author: settings.author,
    keywords: settings.keywords,
    defaultImage: settings.image ? resolve(settings.image) : cardImage(url, '/', settings.name),
    themeColor: settings.themeColor,
  };
}

/** A step of a breadcrumb trail: its site path (`url`, as files name it) and that path as a link (`href`). */
export interface CrumbLink {
  title: string;
  url: string;
  href: string;
}

/** The breadcrumb trail of an article, as the page shows it: Home › Topic › Question; `base`: where the site is served. */
export function articleCrumbs(context: Pick<ArticleContext, 'article' | 'topic'>, base: string): CrumbLink[] {
  return pageCrumbs(context.article, context.topic, base);
}

/** The breadcrumb trail of a page in a topic: Home › Topic › Page. */
export function pageCrumbs(
  page: Pick<PageNode, 'title' | 'url' | 'href'>,
  topic: Pick<TopicNode, 'title' | 'url' | 'href'>,
  base: string,
): CrumbLink[] {
  return [...topicCrumbs(topic, base), { title: page.title, url: page.url, href: page.href }];
}

/** The breadcrumb trail of a topic page: Home › Topic. */
export function topicCrumbs(topic: Pick<TopicNode, 'title' | 'url' | 'href'>, base: string): CrumbLink[] {
  return [
    { title: 'Home', url: '/', href: hrefOf('/', base) },
    { title: topic.title, url: topic.url, href: topic.href },
  ];
}

/** An article: Open Graph `article`, its own social card, FAQPage, TechArticle and BreadcrumbList. */
export function articleSeo(site: SeoSite, context: ArticleContext): PageSeo {
  const { article, topic } = context;
  const canonical = absoluteUrl(site.url, article.url);
  const description = metaDescription(article.data.description, article.inShort);
  const image = cardImage(site.url, article.url, article.title);
  const keywords = unique([
    ...(article.data.keywords.length > 0 ? article.data.keywords : site.keywords),
    ...article.data.tags,
  ]);
  const jsonLd = articleNodes(site, {
    url: canonical,
    question: article.title,
    description,
    answer: article.inShort,
    published: article.date,
    modified: article.lastModified,
    author: article.data.author ?? (site.author || undefined),
    keywords,
    section: topic.title,
    image,
    // Structured data names each step by its absolute URL, which `toCrumbs` makes from the site path.
    breadcrumbs: toCrumbs(site, articleCrumbs(context, '/')),
  });
  return {
    ...common(site, factsOf(article), description, 'article', image),
    article: {
      publishedTime: article.date && w3cDate(article.date),
      modifiedTime: article.lastModified && w3cDate(article.lastModified),
      section: topic.title,
      tags: article.data.tags,
    },
    markdownUrl: absoluteUrl(site.url, markdownPathFor(article.url)),
    jsonLd: serializeJsonLd(graphOf(jsonLd)),
  };
}

/** The home page: WebSite with its search action, and the publisher. */
export function homeSeo(site: SeoSite, model: SiteModel): PageSeo {
  const home = model.home
    ? factsOf(model.home)
    : { title: site.name, url: '/', draft: false, robots: undefined };
  const description = metaDescription(model.home?.data.description || site.description, model.home?.inShort);
  return {
    ...common(site, home, description, 'website', site.defaultImage),
    title: documentTitle(home.title, site.name, { isHome: true }),
    jsonLd: serializeJsonLd(graphOf(homeNodes(site))),
  };
}

/** A topic page: its own card, a CollectionPage and its breadcrumb trail. */
export function topicSeo(site: SeoSite, topic: TopicNode): PageSeo {
  const canonical = absoluteUrl(site.url, topic.url);
  const description = metaDescription(
    topic.description || `Questions and answers about ${topic.title}.`,
    undefined,
  );
  const page = topic.page
    ? factsOf(topic.page)
    : { title: topic.title, url: topic.url, draft: false, robots: undefined };
  const jsonLd = topicNodes(site, {
    url: canonical,
    name: topic.title,
    description,
    breadcrumbs: toCrumbs(site, topicCrumbs(topic, '/')),
  });
  return {
    ...common(
      site,
      { ...page, title: topic.title },
      description,
      'website',
      cardImage(site.url, topic.url, topic.title),
    ),
    jsonLd: serializeJsonLd(graphOf(jsonLd)),
  };
}

/** A plain page (privacy, about): title, description and the site's default image. */
export function plainPageSeo(site: SeoSite, page: PageNode): PageSeo {
  // A page with neither a description nor a short answer still needs one: the site's says where it is.
  const description =
    metaDescription(page.data.description, page.inShort) || metaDescription(site.description, site.name);
  return common(site, factsOf(page), description, 'website', site.defaultImage);
}

/** Any other page (404, search), by its URL path as Astro gives it (encoded): `noindex` ones get no canonical URL. */
export function basicSeo(
  site: SeoSite,
  page: { title: string; description: string; path: string; noindex: boolean; isHome?: boolean },
): PageSeo {
  const facts = {
    title: page.title,
    // As files name it: `absoluteUrl` encodes it once.
    url: safeDecode(page.path),
    draft: false,
    robots: page.noindex ? 'noindex' : undefined,
  };
  const seo = common(site, facts, page.description, 'website', site.defaultImage);
  return page.isHome ? { ...seo, title: documentTitle(page.title, site.name, { isHome: true }) } : seo;
}

/** What every page's head needs to know about the page itself. */
interface PageFacts {
  title: string;
  url: string;
  draft: boolean;
  /** The author's `robots` meta (MkDocs `meta: [{name: robots, …}]`). */
  robots: string | undefined;
}

function factsOf(page: PageNode): PageFacts {
  return { title: page.title, url: page.url, draft: page.data.draft, robots: page.data.robots };
}

function common(
  site: SeoSite,
  page: PageFacts,
  description: string,
  type: 'website' | 'article',
  image: SeoImage,
): PageSeo {
  const noindex = !isIndexable({ data: page });
  const canonical = noindex ? undefined : absoluteUrl(site.url, page.url);
  return {
    title: documentTitle(page.title, site.name),
    description,
    canonical,
    robots: page.draft ? 'noindex' : page.robots,
    siteName: site.name,
    themeColor: site.themeColor,
    openGraph: { type, title: page.title, url: canonical, image },
    article: undefined,
    feed: { url: absoluteUrl(site.url, FEED_PATH), title: site.name },
    markdownUrl: undefined,
    jsonLd: undefined,
  };
}

function cardImage(siteUrl: string, pageUrl: string, title: string): SeoImage {
  return { url: absoluteUrl(siteUrl, socialCardPathFor(pageUrl)), ...CARD_SIZE, alt: title };
}

function toCrumbs(site: SeoSite, crumbs: readonly { title: string; url: string }[]): Crumb[] {
  return crumbs.map((crumb) => ({ name: crumb.title, url: absoluteUrl(site.url, crumb.url) }));
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

import type {
  BreadcrumbList,
  CollectionPage,
  FAQPage,
  Graph,
  ImageObject,
  Organization,
  Person,
  SearchAction,
  TechArticle,
  Thing,
  WebSite,
  WithActionConstraints,
} from 'schema-dts';

/** One step of the breadcrumb trail, as the page shows it. */
export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

/** An image with the size structured data and Open Graph ask for. */
export interface SeoImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** Who publishes the site: the node every page's structured data points to by `@id`. */
export interface PublisherInfo {
  type: 'Organization' | 'Person';
  name: string;
  url: string;
  logo: SeoImage | undefined;
}

/** What the site-wide nodes need. */
export interface SiteIdentity {
  /** The site's address, `https://example.org`. */
  url: string;
  name: string;
  description: string;
  language: string;
  publisher: PublisherInfo;
  /** Absolute URL template of the search page, with `{search_term_string}` for the query. */
  searchUrlTemplate: string;
}

/** What an article's structured data is made of; every field is visible on the page or in its head. */
export interface ArticleFacts {
  /** The canonical URL. */
  url: string;
  question: string;
  description: string;
  /** The In-short text: the accepted answer. */
  answer: string | undefined;
  published: Date | undefined;
  modified: Date | undefined;
  /** The default author's or the article's own; the publisher when there is none. */
  author: string | undefined;
  keywords: readonly string[];
  section: string;
  image: SeoImage;
  breadcrumbs: readonly Crumb[];
}

/** What a topic page's structured data is made of. */
export interface TopicFacts {
  url: string;
  name: string;
  description: string;
  breadcrumbs: readonly Crumb[];
}

/** The `@id` of the site's WebSite node. */
export function websiteId(siteUrl: string): string {
  return `${siteUrl}/#website`;
}

/** The `@id` of the publisher's node. */
export function publisherId(siteUrl: string): string {
  return `${siteUrl}/#publisher`;
}

/** The publisher as a schema.org Organization or Person. */
export function publisherNode(site: SiteIdentity): Organization | Person {
  const { type, name, url, logo } = site.publisher;
  const base = { '@id': publisherId(site.url), name, url };
  if (type === 'Person') return { '@type': 'Person', ...base, ...(logo ? { image: imageNode(logo) } : {}) };
  return { '@type': 'Organization', ...base, ...(logo ? { logo: imageNode(logo) } : {}) };
}

/** The home page's WebSite node, with the search action that search engines may offer as a search box. */
export function websiteNode(site: SiteIdentity): WebSite {
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: site.searchUrlTemplate },
    'query-input': 'required name=search_term_string',
  };
  return {
    '@type': 'WebSite',
    '@id': websiteId(site.url),
    url: `${site.url}/`,
    name: site.name,
    ...(site.description ? { description: site.description } : {}),
    inLanguage: site.language,
    publisher: { '@id': publisherId(site.url) },
    potentialAction: search,
  };
}

/** A BreadcrumbList whose items are, in order, the trail the page shows. */
export function breadcrumbNode(pageUrl: string, crumbs: readonly Crumb[]): BreadcrumbList {
  return {
    '@type': 'BreadcrumbList',
    '@id': `${pageUrl}#breadcrumb`,
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

/**
 * An article's nodes: the page is an FAQPage whose one question is the title and whose
 * accepted answer is the In-short text; the TechArticle is the page's main entity.
 */
export function articleNodes(site: SiteIdentity, article: ArticleFacts): Thing[] {
  const page: FAQPage = {
    '@type': 'FAQPage',
    '@id': article.url,
    url: article.url,
    name: article.question,
    inLanguage: site.language,
    isPartOf: { '@id': websiteId(site.url) },
    breadcrumb: { '@id': `${article.url}#breadcrumb` },
    ...(article.answer
      ? {
          mainEntity: {
            '@type': 'Question',
            name: article.question,
            acceptedAnswer: { '@type': 'Answer', text: article.answer },
          },
        }
      : {}),
  };
  const techArticle: TechArticle = {
    '@type': 'TechArticle',
    '@id': `${article.url}#article`,
    headline: article.question,
    description: article.description,
    ...(article.published ? { datePublished: isoDate(article.published) } : {}),
    ...((article.modified ?? article.published)
      ? { dateModified: isoDate((article.modified ?? article.published)!) }
      : {}),
    author: article.author
      ? article.author === site.publisher.name
        ? { '@id': publisherId(site.url) }
        : { '@type': 'Person', name: article.author }
      : { '@id': publisherId(site.url) },
    publisher: { '@id': publisherId(site.url) },
    image: imageNode(article.image),
    mainEntityOfPage: { '@id': article.url },
    ...(article.keywords.length > 0 ? { keywords: article.keywords.join(', ') } : {}),
    articleSection: article.section,
    inLanguage: site.language,
  };
  return [page, techArticle, breadcrumbNode(article.url, article.breadcrumbs), publisherNode(site)];
}

/** A topic page's nodes: a CollectionPage and its breadcrumb trail. */
export function topicNodes(site: SiteIdentity, topic: TopicFacts): Thing[] {
  const page: CollectionPage = {
    '@type': 'CollectionPage',
    '@id': topic.url,
    url: topic.url,
    name: topic.name,
    ...(topic.description ? { description: topic.description } : {}),
    inLanguage: site.language,
    isPartOf: { '@id': websiteId(site.url) },
    breadcrumb: { '@id': `${topic.url}#breadcrumb` },
  };
  return [page, breadcrumbNode(topic.url, topic.breadcrumbs)];
}

/** The home page's nodes: the WebSite and its publisher. */
export function homeNodes(site: SiteIdentity): Thing[] {
  return [websiteNode(site), publisherNode(site)];
}

/** One JSON-LD document holding all of a page's nodes. */
export function graphOf(nodes: readonly Thing[]): Graph {
  return { '@context': 'https://schema.org', '@graph': nodes };
}

/**
 * Serialises JSON-LD for a `<script>` element. `<`, `>` and `&` are written as JSON escapes,
 * so no text (a title holding `</script>` or `<!--`) can end the element or open a comment,
 * and U+2028/U+2029 likewise, for older JavaScript parsers.
 */
export function serializeJsonLd(value: Graph): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function imageNode(image: SeoImage): ImageObject {
  return { '@type': 'ImageObject', url: image.url, width: `${image.width}`, height: `${image.height}` };
}

/** Dates are days: published as `2025-10-07`, which schema.org's Date and ISO 8601 both accept. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

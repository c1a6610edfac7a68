import type { PageNode, SiteModel } from '../model/site-model.ts';
import { newest } from './dates.ts';
import { absoluteUrl, FEED_PATH } from '../core/site-paths.ts';
import { isIndexable } from './sitemap.ts';
import { buildXml, type XmlElement } from './xml.ts';

/** What the feed's channel says about the site. */
export interface FeedChannel {
  siteUrl: string;
  name: string;
  description: string;
  language: string;
  /** The default author, for articles without their own. */
  author: string;
  /** How many articles the feed lists. */
  size: number;
}

/** The newest published articles, by publication date (then by path, so that the order is stable). */
export function feedArticles(model: SiteModel, size: number): PageNode[] {
  return [...model.articles.values()]
    .map(({ article }) => article)
    .filter((article) => isIndexable(article) && article.date)
    .sort((a, b) => b.date!.getTime() - a.date!.getTime() || (a.url < b.url ? -1 : 1))
    .slice(0, size);
}

/**
 * An RSS 2.0 feed of the newest articles: each with its full description, its publication
 * date (RFC 822, as RSS requires), its topic and tags as categories, and its author.
 */
export function renderFeed(model: SiteModel, channel: FeedChannel): string {
  const articles = feedArticles(model, channel.size);
  const topicTitle = new Map(model.topics.map((topic) => [topic.name, topic.title]));
  const items: XmlElement[] = articles.map((article) => {
    const link = absoluteUrl(channel.siteUrl, article.url);
    const author = article.data.author ?? channel.author;
    const topic = article.topic ? topicTitle.get(article.topic) : undefined;
    return {
      title: article.title,
      link,
      guid: { '#text': link, '@_isPermaLink': 'true' },
      // RSS readers render an item's description as HTML: the plain text is written as HTML
      // text here, and the XML builder escapes that once more, as XML.
      description: asHtmlText(article.description),
      pubDate: article.date!.toUTCString(),
      'dc:creator': author || undefined,
      category: [...(topic ? [topic] : []), ...article.data.tags],
    };
  });
  // The newest change, not the clock: an unchanged site builds the same feed.
  const lastBuild = newest(articles.map((article) => article.lastModified));
  return buildXml({
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      channel: {
        title: channel.name,
        link: `${channel.siteUrl}/`,
        description: channel.description || channel.name,
        language: channel.language,
        ...(lastBuild ? { lastBuildDate: lastBuild.toUTCString() } : {}),
        'atom:link': {
          '@_href': absoluteUrl(channel.siteUrl, FEED_PATH),
          '@_rel': 'self',
          '@_type': 'application/rss+xml',
        },
        item: items,
      },
    },
  });
}

/** Plain text as HTML text: `<b>` shows as `<b>`, not bold. */
function asHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

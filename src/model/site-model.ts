import type { Frontmatter } from './frontmatter.ts';
import { backlinksOf, resolveSeeAlso, type SeeAlsoItem, type SeeAlsoLink } from './link-graph.ts';
import { routeForContentFile, topicsOf, type Route } from './routes.ts';

/** One content entry as the model needs it: its id, validated frontmatter and short answer. */
export interface SiteEntry {
  id: string;
  data: Frontmatter;
  inShort: string | undefined;
  /** Site paths of the pages the body links to (recorded while rendering). */
  links?: readonly string[];
  /** The body's "See also" items, when the renderer lifted them out of the body. */
  seeAlso?: readonly SeeAlsoItem[];
}

/** A published page with its route and the fields every listing shows. */
export interface PageNode extends Route {
  entryId: string;
  title: string;
  description: string;
  inShort: string | undefined;
  date: Date | undefined;
  /** `updated`, else `date`: when the page last changed. */
  lastModified: Date | undefined;
  data: Frontmatter;
}

/** A topic: its page (from `topic/index.md` or `topic.md`, if any) and its questions. */
export interface TopicNode {
  name: string;
  url: string;
  title: string;
  description: string;
  page: PageNode | undefined;
  articles: PageNode[];
}

/** An article with its neighbours in the topic. */
export interface ArticleContext {
  article: PageNode;
  topic: TopicNode;
  previous: PageNode | undefined;
  next: PageNode | undefined;
  /** The article's "See also" links, each link to a page titled with that page's title. */
  seeAlso: SeeAlsoLink<PageNode>[];
  /** Other articles that link to this one, by title. */
  linkedFrom: PageNode[];
}

/** The published site: what each page is, and how pages relate. */
export interface SiteModel {
  home: PageNode | undefined;
  topics: TopicNode[];
  pages: PageNode[];
  articles: Map<string, ArticleContext>;
  /** Articles by last modification, newest first. */
  recent: PageNode[];
}

/** Builds the site model from content entries; drafts are left out unless `includeDrafts`. */
export function buildSiteModel(
  entries: readonly SiteEntry[],
  options: { includeDrafts: boolean },
): SiteModel {
  const published = entries.filter((entry) => options.includeDrafts || !entry.data.draft);
  const topicNames = topicsOf(published.filter((e) => e.id.includes('/')).map((e) => `${e.id}.md`));
  const nodes = published
    .map((entry) => toNode(entry, routeForContentFile(`${entry.id}.md`, topicNames)))
    .sort((a, b) => a.url.localeCompare(b.url));

  const topics = [...topicNames].sort().map((name): TopicNode => {
    const page = nodes.find((node) => node.kind === 'topic' && node.topic === name);
    const articles = nodes
      .filter((node) => node.kind === 'article' && node.topic === name)
      .sort((a, b) => a.title.localeCompare(b.title));
    return {
      name,
      url: `/${name}/`,
      title: page?.title ?? humanise(name),
      description: page?.description ?? '',
      page,
      articles,
    };
  });

  const entriesById = new Map(published.map((entry) => [entry.id, entry]));
  const pagesByUrl = new Map(nodes.map((node) => [node.url, node]));
  const linkedFrom = backlinksOf(
    nodes
      .filter((node) => node.kind === 'article')
      .map((node) => ({ page: node, links: entriesById.get(node.entryId)?.links ?? [] })),
  );
  const articles = new Map<string, ArticleContext>();
  for (const topic of topics) {
    topic.articles.forEach((article, index) => {
      articles.set(article.entryId, {
        article,
        topic,
        previous: topic.articles[index - 1],
        next: topic.articles[index + 1],
        seeAlso: resolveSeeAlso(entriesById.get(article.entryId)?.seeAlso ?? [], pagesByUrl),
        linkedFrom: linkedFrom.get(article.url) ?? [],
      });
    });
  }

  const recent = nodes
    .filter((node) => node.kind === 'article')
    .sort(
      (a, b) =>
        (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0) || a.url.localeCompare(b.url),
    );

  return {
    home: nodes.find((node) => node.kind === 'home'),
    topics,
    pages: nodes.filter((node) => node.kind === 'page'),
    articles,
    recent,
  };
}

function toNode(entry: SiteEntry, route: Route): PageNode {
  const { data } = entry;
  return {
    ...route,
    entryId: entry.id,
    title: data.title,
    description: data.description ?? entry.inShort ?? '',
    inShort: entry.inShort,
    date: data.date,
    lastModified: data.updated ?? data.date,
    data,
  };
}

/** `python-asyncio` → `Python asyncio`, for topics without a page of their own. */
function humanise(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

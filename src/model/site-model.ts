import { hrefOf } from '../core/site-paths.ts';
import type { HeadingFact } from '../markdown/heading-ids.ts';
import type { DocumentFacts, SeeAlsoItem } from './document-facts.ts';
import type { Frontmatter } from './frontmatter.ts';
import { backlinksOf } from './link-graph.ts';
import type { NavPlaces } from './nav-places.ts';
import { routeForContentFile, topicsOf, type Route } from './routes.ts';

/** What the build says under a code block: whether it ran and passed, and on what. */
export interface CodeNote {
  state: 'verified' | 'known-failure' | 'not-verified' | 'not-run';
  /** The sentence shown, such as `Verified on Node.js 24.9.0`. */
  text: string;
}

/** A "See also" item with the URL its link has on the site, and the page it reaches (by id), if any. */
export interface SeeAlsoEntry extends SeeAlsoItem {
  href: string;
  target: string | undefined;
}

/**
 * One content page as the site model is built from it: its facts, worked out once by the
 * document model, and what the build found out about it. The integration hands these to the pages.
 */
export interface SiteEntry {
  id: string;
  data: Frontmatter;
  /** The page's title: in the browser tab, listings, breadcrumbs and structured data. */
  title: string;
  /** The H1 that opens the page, which the page shows as its heading (MkDocs does); the title otherwise. */
  heading: string | undefined;
  inShort: string | undefined;
  /** The id of the H1 that repeats the title; the page's title heading carries it. */
  titleId: string | undefined;
  headings: Pick<HeadingFact, 'depth' | 'id' | 'text'>[];
  /** Ids of the published pages this page links to: the link graph. */
  linksTo: string[];
  seeAlso: SeeAlsoEntry[];
  /** The id of the "See also" heading, which the layout shows. */
  seeAlsoId: string | undefined;
  /** Where the page's rendered body is kept. */
  bodyKey: string | undefined;
  /** Lines only the build reads, left out of the published Markdown. */
  buildOnly: { line: number; endLine: number }[];
  /** By code block, in the order of the document's code blocks. */
  codeNotes: (CodeNote | undefined)[];
  /** What the page needs besides its HTML (KaTeX's stylesheet, the diagram script). */
  needs: DocumentFacts['needs'];
}

/** A published page with its route and the fields every listing shows. */
export interface PageNode extends Route {
  /** `url` as a link under the site's base path (`/kb/topic/hash%23tag/`). */
  href: string;
  entryId: string;
  title: string;
  /** What the page shows as its H1. */
  heading: string;
  /**
   * An article with a short answer and a date: a question, with its FAQ data, in the topic's
   * questions and the feed. Any other page is a plain page, as MkDocs publishes it.
   */
  isQuestion: boolean;
  description: string;
  inShort: string | undefined;
  date: Date | undefined;
  /** `updated`, else `date`: when the page last changed. */
  lastModified: Date | undefined;
  data: Frontmatter;
  entry: SiteEntry;
}

/** A topic: its page (from `topic/index.md` or `topic.md`, if any), its questions and its other pages. */
export interface TopicNode {
  name: string;
  url: string;
  /** `url` as a link under the site's base path. */
  href: string;
  title: string;
  description: string;
  page: PageNode | undefined;
  /** Its questions. */
  articles: PageNode[];
  /** Its other pages: articles without a short answer or a date, published as plain pages. */
  pages: PageNode[];
}

/** A "See also" link ready to show: a link to a page of the site carries that page. */
export interface SeeAlsoLink extends SeeAlsoEntry {
  /**
   * The target page's title for links to a page of the site, else the link text: for listings and
   * structured data. The page shows the link text as the author wrote it.
   */
  title: string;
  page: PageNode | undefined;
}

/** An article with its neighbours in the topic. */
export interface ArticleContext {
  article: PageNode;
  topic: TopicNode;
  previous: PageNode | undefined;
  next: PageNode | undefined;
  seeAlso: SeeAlsoLink[];
  /** Other articles that link to this one, by title: the link graph, inverted. */
  linkedFrom: PageNode[];
}

/** The published site: what each page is, and how pages relate. */
export interface SiteModel {
  home: PageNode | undefined;
  topics: TopicNode[];
  /** Plain pages: at the root (privacy, about) and in topics (articles that are not questions). */
  pages: PageNode[];
  articles: Map<string, ArticleContext>;
  /** Articles by last modification, newest first. */
  recent: PageNode[];
}

/**
 * Builds the site model from content entries; drafts are left out unless `includeDrafts`.
 * With a navigation (`mkdocs.yml`'s `nav`), topics and pages follow its order and take its titles.
 * Links are under `base`, the path the site is served from (`/` unless its address has one).
 */
export function buildSiteModel(
  entries: readonly SiteEntry[],
  options: { includeDrafts: boolean; nav?: NavPlaces | undefined; base: string },
): SiteModel {
  const nav = options.nav;
  const byNav = (a: PageNode, b: PageNode) =>
    (nav?.pages.get(a.file)?.order ?? Infinity) - (nav?.pages.get(b.file)?.order ?? Infinity) ||
    a.title.localeCompare(b.title);
  const published = entries.filter((entry) => options.includeDrafts || !entry.data.draft);
  const topicNames = topicsOf(published.filter((e) => e.id.includes('/')).map((e) => `${e.id}.md`));
  const nodes = published
    .map((entry) => toNode(entry, routeForContentFile(`${entry.id}.md`, topicNames), nav, options.base))
    .sort((a, b) => a.url.localeCompare(b.url));

  const topicOrder = (name: string) => nav?.topics.get(name)?.order ?? Infinity;
  const topics = [...topicNames]
    .sort((a, b) => topicOrder(a) - topicOrder(b) || a.localeCompare(b))
    .map((name): TopicNode => {
      const page = nodes.find((node) => node.kind === 'topic' && node.topic === name);
      const inTopic = nodes.filter((node) => node.kind === 'article' && node.topic === name).sort(byNav);
      return {
        name,
        url: `/${name}/`,
        href: hrefOf(`/${name}/`, options.base),
        title: nav?.topics.get(name)?.title ?? page?.title ?? humanise(name),
        description: page?.description ?? '',
        page,
        articles: inTopic.filter((node) => node.isQuestion),
        pages: inTopic.filter((node) => !node.isQuestion),
      };
    });

  const byId = new Map(nodes.map((node) => [node.entryId, node]));
  // "Linked from" lists the articles that link here; the graph itself counts every published page.
  const linkedFrom = backlinksOf(
    nodes
      .filter((node) => node.isQuestion)
      .map((page) => ({
        page,
        linksTo: page.entry.linksTo.flatMap((id) => byId.get(id) ?? []),
      })),
  );
  const articles = new Map<string, ArticleContext>();
  for (const topic of topics) {
    topic.articles.forEach((article, index) => {
      articles.set(article.entryId, {
        article,
        topic,
        previous: topic.articles[index - 1],
        next: topic.articles[index + 1],
        seeAlso: article.entry.seeAlso.map((item) => {
          const page = item.target === undefined ? undefined : byId.get(item.target);
          return { ...item, title: page?.title ?? item.text, page };
        }),
        linkedFrom: linkedFrom.get(article) ?? [],
      });
    });
  }

  const recent = nodes
    .filter((node) => node.isQuestion)
    .sort(
      (a, b) =>
        (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0) || a.url.localeCompare(b.url),
    );

  return {
    home: nodes.find((node) => node.kind === 'home'),
    topics,
    pages: nodes.filter((node) => node.kind === 'page' || (node.kind === 'article' && !node.isQuestion)),
    articles,
    recent,
  };
}

function toNode(entry: SiteEntry, route: Route, nav: NavPlaces | undefined, base: string): PageNode {
  const { data } = entry;
  // MkDocs' order: the navigation's title, else the page's own.
  const title = nav?.pages.get(route.file)?.title ?? entry.title;
  return {
    ...route,
    href: hrefOf(route.url, base),
    entryId: entry.id,
    title,
    heading: entry.heading ?? title,
    isQuestion: route.kind === 'article' && entry.inShort !== undefined && data.date !== undefined,
    description: data.description ?? entry.inShort ?? '',
    inShort: entry.inShort,
    date: data.date,
    lastModified: data.updated ?? data.date,
    data,
    entry,
  };
}

/** `python-asyncio` → `Python asyncio`, for topics without a page of their own. */
function humanise(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

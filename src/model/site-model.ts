import { hrefOf } from '../core/site-paths.ts';
import type { HeadingFact } from '../markdown/heading-ids.ts';
import type { DocumentFacts, SeeAlsoItem } from './document-facts.ts';
import type { Frontmatter } from './frontmatter.ts';
import { backlinksOf } from './link-graph.ts';
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
  entryId: string;
  title: string;
  description: string;
  inShort: string | undefined;
  date: Date | undefined;
  /** `updated`, else `date`: when the page last changed. */
  lastModified: Date | undefined;
  data: Frontmatter;
  entry: SiteEntry;
}

/** A topic: its page (from `topic/index.md` or `topic.md`, if any) and its questions. */
export interface TopicNode {
  name: string;
  url: string;
  /** `url` as a URL, for links. */
  href: string;
  title: string;
  description: string;
  page: PageNode | undefined;
  articles: PageNode[];
}

/** A "See also" link ready to show: a link to a page of the site carries that page. */
export interface SeeAlsoLink extends SeeAlsoEntry {
  /** The target page's title for links to a page of the site, else the link text. */
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
      href: hrefOf(`/${name}/`),
      title: page?.title ?? humanise(name),
      description: page?.description ?? '',
      page,
      articles,
    };
  });

  const byId = new Map(nodes.map((node) => [node.entryId, node]));
  // "Linked from" lists the articles that link here; the graph itself counts every published page.
  const linkedFrom = backlinksOf(
    nodes
      .filter((node) => node.kind === 'article')
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
    entry,
  };
}

/** `python-asyncio` → `Python asyncio`, for topics without a page of their own. */
function humanise(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

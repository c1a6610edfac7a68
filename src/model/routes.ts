import path from 'node:path';
import { toPosix } from '../core/paths.ts';

/** What a content file publishes as. */
export type PageKind = 'home' | 'topic' | 'article' | 'page';

/** A content file's place in the site. */
export interface Route {
  /** Path relative to the content directory, with forward slashes (`topic/slug.md`). */
  file: string;
  /** Collection id: the path without `.md`, with `index` kept (`topic/index`). */
  id: string;
  /** Site path with a trailing slash, as MkDocs publishes it (`/topic/slug/`), as files name it: not encoded. */
  url: string;
  kind: PageKind;
  /** The first folder of the path: the topic an article or topic page belongs to. */
  topic: string | undefined;
}

const INDEX_NAMES = new Set(['index', 'README']);

/** The site path a Markdown file publishes at, following MkDocs' directory URLs. */
export function urlForContentFile(file: string): string {
  const withoutExt = toPosix(file).replace(/\.md$/i, '');
  const parts = withoutExt.split('/');
  if (INDEX_NAMES.has(parts.at(-1) ?? '')) parts.pop();
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}

/** The collection id of a Markdown file (its path without `.md`). */
export function idForContentFile(file: string): string {
  return toPosix(file).replace(/\.md$/i, '');
}

/**
 * Classifies a content file. `topics` holds the folder names that contain Markdown,
 * so that a root `topic.md` beside a `topic/` folder is the topic's page, as MkDocs sites have it.
 */
export function routeForContentFile(file: string, topics: ReadonlySet<string>): Route {
  const posix = toPosix(file);
  const parts = idForContentFile(posix).split('/');
  const url = urlForContentFile(posix);
  const base = { file: posix, id: idForContentFile(posix), url };
  if (parts.length === 1) {
    const name = parts[0] ?? '';
    if (INDEX_NAMES.has(name)) return { ...base, kind: 'home', topic: undefined };
    if (topics.has(name)) return { ...base, kind: 'topic', topic: name };
    return { ...base, kind: 'page', topic: undefined };
  }
  const topic = parts[0];
  const kind = parts.length === 2 && INDEX_NAMES.has(parts[1] ?? '') ? 'topic' : 'article';
  return { ...base, kind, topic };
}

/**
 * A topic page's or article's path inside its topic, as the pages' `[topic]/[...slug]` routes
 * take it: `/t/slug/` → `slug`, and `t/sub/index.md`'s `/t/sub/` → `sub` (not the file's `sub/index`).
 */
export function slugInTopic(route: Pick<Route, 'url' | 'topic'>): string {
  return route.url.slice(`/${route.topic ?? ''}/`.length).replace(/\/$/, '');
}

/** The topic folders among a list of content files: first folders that hold Markdown. */
export function topicsOf(files: Iterable<string>): Set<string> {
  const topics = new Set<string>();
  for (const file of files) {
    const parts = toPosix(file).split('/');
    if (parts.length > 1 && parts[0]) topics.add(parts[0]);
  }
  return topics;
}

/**
 * Resolves a relative Markdown link written in `fromFile` to the content file it names,
 * or undefined when it leaves the content directory.
 */
export function resolveContentLink(fromFile: string, target: string): string | undefined {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(toPosix(fromFile)), target));
  if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined)) return undefined;
  return joined;
}

/** `/old/path`, `old/path/`, `old/path.md` → `/old/path/`. */
export function normaliseSitePath(value: string): string {
  const trimmed = value
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .replace(/(?:\/?index)?\.(md|html)$/i, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

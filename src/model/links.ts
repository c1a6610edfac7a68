import path from 'node:path';
import { hasUrlScheme, isExternalUrl } from '../core/paths.ts';
import { hrefOf } from '../core/site-paths.ts';
import { resolveContentLink, urlForContentFile } from './routes.ts';

/** A link split into its path and `#anchor`, with the path decoded as the file system names it. */
export interface LinkParts {
  /** The path as written, `?query` and `#anchor` removed. */
  rawPath: string;
  /** Decoded; undefined when the path holds a stray `%`. */
  path: string | undefined;
  anchor: string | undefined;
}

/** Splits a link into its path and anchor. */
export function splitLink(url: string): LinkParts {
  const hashIndex = url.indexOf('#');
  const beforeHash = hashIndex === -1 ? url : url.slice(0, hashIndex);
  const rawPath = beforeHash.split('?')[0] ?? '';
  let decoded: string | undefined;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    decoded = undefined;
  }
  return { rawPath, path: decoded, anchor: hashIndex === -1 ? undefined : url.slice(hashIndex + 1) };
}

/**
 * The site URL of a link written in `fromFile` the MkDocs way, relative to the Markdown file:
 * `timeouts.md#x` → `/topic/timeouts/#x`, `../python/index.md` → `/python/`, `loop.png` →
 * `/topic/loop.png`. Absolute paths, anchors alone, links with a scheme, and links that leave
 * the content folder stay as written (undefined): the checker reports the last.
 */
export function siteUrlOfLink(url: string, fromFile: string, base = '/'): string | undefined {
  if (url === '' || url.startsWith('#') || url.startsWith('/') || isExternalUrl(url)) return undefined;
  const { path: target, anchor } = splitLink(url);
  if (target === undefined) return undefined;
  const resolved = resolveContentLink(fromFile, target);
  if (resolved === undefined) return undefined;
  const sitePath = /\.md$/i.test(resolved) ? urlForContentFile(resolved) : `/${resolved}`;
  return hrefOf(sitePath, base) + (anchor === undefined ? '' : `#${anchor}`);
}

/**
 * The page a site-relative link reaches, as a page URL: `/topic/slug/#x` → `/topic/slug/`,
 * `/topic/slug` → `/topic/slug/`. Undefined for full URLs, anchors alone and files (`/img.png`).
 */
export function pagePathOf(url: string): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//') || hasUrlScheme(url)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURI(url.replace(/[?#].*$/, ''));
  } catch {
    return undefined;
  }
  if (/\.[a-z\d]+$/i.test(decoded) && !/\/index\.html$/i.test(decoded)) return undefined;
  return decoded.replace(/\/index\.html$/i, '/').replace(/\/?$/, '/');
}

/** A relative path from one content file to another, as an author writes it in a link. */
export function relativeLink(fromFile: string, toFile: string): string {
  return path.posix.relative(path.posix.dirname(fromFile), toFile);
}

import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveContentLink, urlForContentFile } from '../model/routes.ts';

/** Options of {@link remarkMkdocsLinks}. */
export interface MkdocsLinksOptions {
  /** Absolute path of the content directory the files being rendered live in. */
  contentDir: string;
  /** The site's base path (`/` unless the site is published in a sub-folder). */
  base?: string;
}

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * Rewrites links written the MkDocs way, relative to the Markdown file, into site URLs.
 *
 * ```md
 * [Timeouts](timeouts.md#with-abortsignal)   →  /topic/timeouts/#with-abortsignal
 * [Topic](../python/index.md)                →  /python/
 * ![Diagram](loop.png)                       →  /topic/loop.png
 * ```
 *
 * Absolute paths, anchors alone, and links with a scheme are left as they are, and so
 * is a link that leaves the content directory: the checker reports it.
 */
export function remarkMkdocsLinks(options: MkdocsLinksOptions) {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    const fromFile = path.relative(options.contentDir, file.path);
    if (fromFile.startsWith('..')) return;
    visit(tree, ['link', 'image', 'definition'], (node) => {
      if (!('url' in node)) return;
      const rewritten = rewrite(node.url, fromFile, base);
      if (rewritten !== undefined) node.url = rewritten;
    });
  };
}

function rewrite(url: string, fromFile: string, base: string): string | undefined {
  if (url === '' || url.startsWith('#') || url.startsWith('/') || HAS_SCHEME.test(url)) return undefined;
  const [target = '', hash] = splitHash(url);
  let decoded: string;
  try {
    decoded = decodeURI(target);
  } catch {
    return undefined;
  }
  const resolved = resolveContentLink(fromFile, decoded);
  if (resolved === undefined) return undefined;
  const sitePath = /\.md$/i.test(resolved) ? urlForContentFile(resolved) : `/${resolved}`;
  return encodeURI(base + sitePath.slice(1)) + (hash === undefined ? '' : `#${hash}`);
}

function splitHash(url: string): [string, string | undefined] {
  const index = url.indexOf('#');
  return index === -1 ? [url, undefined] : [url.slice(0, index), url.slice(index + 1)];
}

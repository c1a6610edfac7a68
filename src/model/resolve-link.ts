import { isExternalUrl } from '../core/paths.ts';
import type { ContentDocument } from './load-document.ts';
import { splitLink } from './links.ts';
import { resolveContentLink } from './routes.ts';

/** What a link can reach besides Markdown files, and the pages by URL. */
export interface LinkIndex {
  /** Every content document by its path relative to the content folder. */
  documents: ReadonlyMap<string, ContentDocument>;
  /** Published pages by URL. */
  pagesByUrl: ReadonlyMap<string, ContentDocument>;
  assets: ReadonlySet<string>;
  folders: ReadonlySet<string>;
  /** Files and folders (`name/`) the site leaves out (`exclude_docs`): there, but never published. */
  excluded: ReadonlySet<string>;
  /** Site paths the build generates besides pages (`/search/`, `/feed.xml`, …). */
  generatedPaths: ReadonlySet<string>;
}

/** Where a link leads, worked out once for the checks and the link graph alike. */
export type LinkTarget =
  | { kind: 'none' }
  | { kind: 'external' }
  | { kind: 'bad-encoding' }
  | { kind: 'outside' }
  /** A Markdown file of the content folder (by a relative path) or a page (by a site path). */
  | { kind: 'document'; document: ContentDocument; anchor: string | undefined; via: 'file' | 'site-path' }
  | { kind: 'same-page'; anchor: string }
  | { kind: 'missing-document'; resolved: string }
  | { kind: 'excluded'; resolved: string }
  | { kind: 'folder'; folder: string }
  | { kind: 'file' }
  | { kind: 'missing-file'; resolved: string }
  | { kind: 'missing-page'; sitePath: string };

/** Resolves a link written in `from`, the way MkDocs does for relative links, and against the site's pages for site paths. */
export function resolveLink(from: ContentDocument, url: string, index: LinkIndex): LinkTarget {
  const trimmed = url.trim();
  if (trimmed === '') return { kind: 'none' };
  if (isExternalUrl(trimmed)) return { kind: 'external' };
  const { path: decoded, anchor } = splitLink(trimmed);
  if (decoded === undefined) return { kind: 'bad-encoding' };
  if (decoded === '') return anchor === undefined ? { kind: 'none' } : { kind: 'same-page', anchor };
  if (decoded.startsWith('/')) return resolveSitePath(decoded, anchor, index);

  const resolved = resolveContentLink(from.file, decoded);
  if (resolved === undefined) return { kind: 'outside' };
  if (isExcluded(resolved, index.excluded)) return { kind: 'excluded', resolved };
  if (/\.md$/i.test(resolved)) {
    const document = index.documents.get(resolved);
    return document
      ? { kind: 'document', document, anchor, via: 'file' }
      : { kind: 'missing-document', resolved };
  }
  const folder = resolved.replace(/\/$/, '');
  if (index.folders.has(folder) || folder === '.' || folder === '') return { kind: 'folder', folder };
  return index.assets.has(resolved) ? { kind: 'file' } : { kind: 'missing-file', resolved };
}

function resolveSitePath(sitePath: string, anchor: string | undefined, index: LinkIndex): LinkTarget {
  const withSlash = /\.[a-z\d]+$/i.test(sitePath) ? sitePath : sitePath.replace(/\/?$/, '/');
  const document = index.pagesByUrl.get(withSlash);
  if (document) return { kind: 'document', document, anchor, via: 'site-path' };
  if (
    index.assets.has(sitePath.slice(1)) ||
    index.generatedPaths.has(withSlash) ||
    index.generatedPaths.has(sitePath)
  )
    return { kind: 'file' };
  return { kind: 'missing-page', sitePath };
}

/** Whether the file or folder, or a folder holding it, is left out of the site. */
function isExcluded(resolved: string, excluded: ReadonlySet<string>): boolean {
  if (excluded.size === 0) return false;
  const parts = resolved.replace(/\/$/, '').split('/');
  if (excluded.has(parts.join('/'))) return true;
  return parts.some((_, index) => excluded.has(`${parts.slice(0, index + 1).join('/')}/`));
}

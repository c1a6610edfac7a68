import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { closest, didYouMean } from '../core/did-you-mean.ts';
import type { LinkFact } from '../model/document-facts.ts';
import type { Finding } from './finding.ts';
import type { ContentDocument } from '../model/load-document.ts';
import { resolveContentLink } from '../model/routes.ts';

/** What links may point at besides Markdown files. */
export interface LinkTargets {
  /** Every content document by its path relative to the content folder. */
  documents: ReadonlyMap<string, ContentDocument>;
  /** Published pages by URL. */
  pagesByUrl: ReadonlyMap<string, ContentDocument>;
  assets: ReadonlySet<string>;
  folders: ReadonlySet<string>;
  /** Site paths the build generates besides pages (`/search/`, `/rss.xml`, …). */
  generatedPaths: ReadonlySet<string>;
}

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** Checks every internal link of a document; returns the findings and the documents it links to. */
export function checkDocumentLinks(
  doc: ContentDocument,
  targets: LinkTargets,
): { findings: Finding[]; linked: ContentDocument[] } {
  const findings: Finding[] = [];
  const linked: ContentDocument[] = [];
  for (const link of doc.facts?.links ?? []) {
    const result = checkLink(doc, link, targets);
    if (result.finding) findings.push({ line: link.line, column: link.column, ...result.finding });
    if (result.target) linked.push(result.target);
  }
  return { findings, linked };
}

type LinkResult = { finding?: Omit<Finding, 'line' | 'column'>; target?: ContentDocument };

function checkLink(doc: ContentDocument, link: LinkFact, targets: LinkTargets): LinkResult {
  const url = link.url.trim();
  if (url === '' || HAS_SCHEME.test(url) || url.startsWith('//')) return {};
  const hashIndex = url.indexOf('#');
  const rawPath = hashIndex === -1 ? url : url.slice(0, hashIndex);
  const anchor = hashIndex === -1 ? undefined : url.slice(hashIndex + 1);
  const cleanPath = rawPath.split('?')[0] ?? '';
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(cleanPath);
  } catch {
    return {
      finding: {
        ruleId: 'link-missing-file',
        message: `the link \`${url}\` is not a valid URL (a stray \`%\`?)`,
      },
    };
  }
  if (decodedPath === '') return anchor === undefined ? {} : checkAnchor(doc, doc, anchor, url);
  if (decodedPath.startsWith('/')) return checkSitePath(decodedPath, anchor, url, targets);

  const resolved = resolveContentLink(doc.file, decodedPath);
  if (resolved === undefined) {
    return {
      finding: {
        ruleId: 'link-outside-content',
        message: `the link \`${url}\` leads outside the content folder; link to a page of this site or use a full https:// URL`,
      },
    };
  }
  if (/\.md$/i.test(resolved)) {
    const target = targets.documents.get(resolved);
    if (!target) {
      const match = closest(resolved, targets.documents.keys());
      const relativeSuggestion = match && relativeTo(doc.file, match);
      return {
        finding: {
          ruleId: 'link-missing-file',
          message: `the link \`${url}\` points to \`${resolved}\`, which does not exist${relativeSuggestion ? `; did you mean \`${relativeSuggestion}\`?` : ''}`,
        },
      };
    }
    if (target.data?.draft && !doc.data?.draft) {
      return {
        finding: {
          ruleId: 'link-to-draft',
          message: `the link \`${url}\` points to a draft, which is not published; publish it or remove the link`,
        },
        target,
      };
    }
    return anchor === undefined ? { target } : { ...checkAnchor(doc, target, anchor, url), target };
  }
  const folder = resolved.replace(/\/$/, '');
  if (targets.folders.has(folder) || folder === '.' || folder === '') {
    const index = [`${folder}/index.md`, `${folder}.md`].find((file) =>
      targets.documents.has(file.replace(/^\.?\//, '')),
    );
    return {
      finding: {
        ruleId: 'link-to-folder',
        message: `the link \`${url}\` names a folder; link to a Markdown file${index ? `, such as \`${relativeTo(doc.file, index.replace(/^\.?\//, ''))}\`` : ''}`,
      },
    };
  }
  if (!targets.assets.has(resolved)) {
    const match = closest(resolved, targets.assets);
    const relativeSuggestion = match && relativeTo(doc.file, match);
    return {
      finding: {
        ruleId: 'link-missing-file',
        message: `the link \`${url}\` points to \`${resolved}\`, which does not exist${relativeSuggestion ? `; did you mean \`${relativeSuggestion}\`?` : ''}`,
      },
    };
  }
  return {};
}

function checkSitePath(
  sitePath: string,
  anchor: string | undefined,
  url: string,
  targets: LinkTargets,
): LinkResult {
  const withSlash = /\.[a-z\d]+$/i.test(sitePath) ? sitePath : sitePath.replace(/\/?$/, '/');
  const page = targets.pagesByUrl.get(withSlash);
  if (page)
    return anchor === undefined
      ? { target: page }
      : { ...checkAnchor(undefined, page, anchor, url), target: page };
  if (
    targets.assets.has(sitePath.slice(1)) ||
    targets.generatedPaths.has(withSlash) ||
    targets.generatedPaths.has(sitePath)
  )
    return {};
  // `/topic/slug.md` names the file; the page is at `/topic/slug/`.
  const pageOfFile = sitePath.replace(/(?:\/index)?\.md$/i, '/');
  const suggestion = targets.pagesByUrl.has(pageOfFile)
    ? `; did you mean \`${pageOfFile}\`?`
    : didYouMean(withSlash, targets.pagesByUrl.keys());
  return {
    finding: {
      ruleId: 'link-missing-page',
      message: `the link \`${url}\` matches no page or file of this site${suggestion}`,
    },
  };
}

function checkAnchor(
  from: ContentDocument | undefined,
  target: ContentDocument,
  anchor: string,
  url: string,
): LinkResult {
  const ids = target.facts?.headingIds;
  if (!ids || ids.has(anchor) || ids.has(safeDecode(anchor))) return {};
  const where = from === target ? 'this page' : `\`${target.file}\``;
  // MkDocs keeps the H1 and its id; this site drops an H1 that repeats the title, and its anchor with it.
  const title = target.data?.title;
  const hint =
    title !== undefined && target.facts?.h1 && new GithubSlugger().slug(title) === safeDecode(anchor)
      ? '; the H1 that repeats the title is not on the page, so link to the page without an anchor'
      : didYouMean(
          `#${anchor}`,
          [...ids].map((id) => `#${id}`),
        );
  return {
    finding: {
      ruleId: 'link-missing-anchor',
      message: `the link \`${url}\` names the anchor \`#${anchor}\`, but no heading on ${where} has that id${hint}`,
    },
  };
}

function relativeTo(fromFile: string, toFile: string): string {
  return path.posix.relative(path.posix.dirname(fromFile), toFile);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

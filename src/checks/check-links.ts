import { closest, didYouMean } from '../core/did-you-mean.ts';
import { safeDecode } from '../core/paths.ts';
import type { LinkFact } from '../model/document-facts.ts';
import type { ContentDocument } from '../model/load-document.ts';
import { relativeLink } from '../model/links.ts';
import { resolveLink, type LinkIndex } from '../model/resolve-link.ts';
import type { Finding } from './finding.ts';

/** Checks every internal link of a document against the link index. */
export function checkDocumentLinks(doc: ContentDocument, index: LinkIndex): Finding[] {
  const findings: Finding[] = [];
  for (const link of doc.facts?.links ?? []) {
    const finding = checkLink(doc, link, index);
    if (finding) findings.push({ line: link.line, column: link.column, ...finding });
  }
  return findings;
}

type LinkFinding = Omit<Finding, 'line' | 'column'> | undefined;

function checkLink(doc: ContentDocument, link: LinkFact, index: LinkIndex): LinkFinding {
  const url = link.url.trim();
  const target = resolveLink(doc, url, index);
  switch (target.kind) {
    case 'none':
    case 'external':
    case 'file':
      return undefined;
    case 'bad-encoding':
      return {
        ruleId: 'link-missing-file',
        message: `the link \`${url}\` is not a valid URL (a stray \`%\`?)`,
      };
    case 'same-page':
      return checkAnchor(doc, doc, target.anchor, url);
    case 'outside':
      return {
        ruleId: 'link-outside-content',
        message: `the link \`${url}\` leads outside the content folder; link to a page of this site or use a full https:// URL`,
      };
    case 'missing-document': {
      const match = closest(target.resolved, index.documents.keys());
      return {
        ruleId: 'link-missing-file',
        message: `the link \`${url}\` points to \`${target.resolved}\`, which does not exist${match ? `; did you mean \`${relativeLink(doc.file, match)}\`?` : ''}`,
      };
    }
    case 'excluded':
      return {
        ruleId: 'link-to-excluded',
        message: `the link \`${url}\` points to \`${target.resolved}\`, which the site leaves out (\`exclude\`, or \`exclude_docs\` in mkdocs.yml); publish it or remove the link`,
      };
    case 'missing-file': {
      const match = closest(target.resolved, index.assets);
      return {
        ruleId: 'link-missing-file',
        message: `the link \`${url}\` points to \`${target.resolved}\`, which does not exist${match ? `; did you mean \`${relativeLink(doc.file, match)}\`?` : ''}`,
      };
    }
    case 'folder': {
      const page = [`${target.folder}/index.md`, `${target.folder}.md`]
        .map((file) => file.replace(/^\.?\//, ''))
        .find((file) => index.documents.has(file));
      return {
        ruleId: 'link-to-folder',
        message: `the link \`${url}\` names a folder; link to a Markdown file${page ? `, such as \`${relativeLink(doc.file, page)}\`` : ''}`,
      };
    }
    case 'missing-page': {
      const withSlash = /\.[a-z\d]+$/i.test(target.sitePath)
        ? target.sitePath
        : target.sitePath.replace(/\/?$/, '/');
      // `/topic/slug.md` names the file; the page is at `/topic/slug/`.
      const pageOfFile = target.sitePath.replace(/(?:\/index)?\.md$/i, '/');
      const suggestion = index.pagesByUrl.has(pageOfFile)
        ? `; did you mean \`${pageOfFile}\`?`
        : didYouMean(withSlash, index.pagesByUrl.keys());
      return {
        ruleId: 'link-missing-page',
        message: `the link \`${url}\` matches no page or file of this site${suggestion}`,
      };
    }
    case 'document':
      if (target.via === 'file' && target.document.data?.draft && !doc.data?.draft) {
        return {
          ruleId: 'link-to-draft',
          message: `the link \`${url}\` points to a draft, which is not published; publish it or remove the link`,
        };
      }
      return target.anchor === undefined
        ? undefined
        : checkAnchor(target.via === 'file' ? doc : undefined, target.document, target.anchor, url);
  }
}

function checkAnchor(
  from: ContentDocument | undefined,
  target: ContentDocument,
  anchor: string,
  url: string,
): LinkFinding {
  const headings = target.facts?.headings;
  if (!headings) return undefined;
  const ids = headings.map((heading) => heading.id);
  if (ids.includes(anchor) || ids.includes(safeDecode(anchor))) return undefined;
  const where = from === target ? 'this page' : `\`${target.file}\``;
  return {
    ruleId: 'link-missing-anchor',
    message: `the link \`${url}\` names the anchor \`#${anchor}\`, but no heading on ${where} has that id${didYouMean(
      `#${anchor}`,
      ids.map((id) => `#${id}`),
    )}`,
  };
}

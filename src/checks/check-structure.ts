import type { ContentDocument } from '../model/load-document.ts';
import { sameText } from '../model/document-facts.ts';
import { positionOfField } from '../model/split-frontmatter.ts';
import type { Finding } from './finding.ts';
import { aliasProblem, generatedPageAt } from '../model/aliases.ts';
import { normaliseSitePath } from '../model/routes.ts';
import { isCertainH1Fix } from './apply-fixes.ts';

/** Inline Markdown that a title, shown as plain text, should not hold. */
const MARKDOWN_MARKS = /`|\*\*|__/g;

const DESCRIPTION_MIN = 50;
const DESCRIPTION_MAX = 160;

/**
 * Checks one document's own structure. What MkDocs publishes is never an error here: an article
 * without a short answer or a date is published as a plain page (a warning says what it lacks to
 * be a question), and an H1 that differs from the title is shown as MkDocs shows it.
 */
export function checkDocumentStructure(doc: ContentDocument): Finding[] {
  const findings: Finding[] = [];
  const { data, facts, frontmatter } = doc;
  // Invalid frontmatter is its own error: what it would hold is not guessed at here.
  if (!facts || doc.problems.some((problem) => problem.kind.startsWith('frontmatter-'))) return findings;
  const fieldAt = (field: string) =>
    frontmatter ? positionOfField(frontmatter, field) : { line: 1, column: 1 };
  // After the frontmatter (or the H1 that opens the page), where a short answer would go.
  const bodyStart = { line: (facts.h1?.leads ? facts.h1.line : (frontmatter?.endLine ?? 0)) + 1, column: 1 };

  if (doc.route.kind === 'article') {
    if (!facts.inShort) {
      findings.push({
        ...bodyStart,
        ruleId: 'in-short-missing',
        message:
          'the article has no short answer, so it is published as a plain page, not as a question; add `!!! info "In short"` with the answer indented four spaces',
      });
    } else if (data?.date === undefined) {
      findings.push({
        ...fieldAt('date'),
        ruleId: 'date-missing',
        message:
          'the article has no `date`, so it is published as a plain page, not as a question (no FAQ data, not in the feed); add the date it was first published, such as `2025-10-07`',
      });
    }
    if (data && data.description === undefined) {
      findings.push({
        ...fieldAt('description'),
        ruleId: 'description-length',
        message: `\`description\` is missing; add a one-sentence summary of ${DESCRIPTION_MIN}–${DESCRIPTION_MAX} characters for search results`,
      });
    }
  }
  if (data?.description !== undefined) {
    const length = [...data.description].length;
    if (length < DESCRIPTION_MIN || length > DESCRIPTION_MAX) {
      findings.push({
        ...fieldAt('description'),
        ruleId: 'description-length',
        message: `\`description\` is ${length} characters long; search engines show ${DESCRIPTION_MIN}–${DESCRIPTION_MAX}`,
      });
    }
  }
  if (data?.date && data.updated && data.updated < data.date) {
    findings.push({
      ...fieldAt('updated'),
      ruleId: 'updated-before-date',
      message: `\`updated\` (${isoDay(data.updated)}) is earlier than \`date\` (${isoDay(data.date)})`,
    });
  }
  const title = data?.title;
  if (facts.h1?.leads && title !== undefined && !sameText(facts.h1.text, title)) {
    findings.push({
      line: facts.h1.line,
      column: facts.h1.column,
      ruleId: 'h1-title-mismatch',
      message: sameText(facts.h1.text, title.replace(MARKDOWN_MARKS, ''))
        ? `the title holds Markdown, which the browser tab shows as typed; write the title as plain text, \`${facts.h1.text}\`, as the H1 reads`
        : `the page shows the H1 \`${facts.h1.text}\`, and the browser tab and search results the title \`${title}\`; make them the same if they name one question${isCertainH1Fix(facts.h1.text, title) ? '; `--fix` rewrites the H1 to the title' : ''}`,
    });
  }
  return findings;
}

/** Checks what no single file can: duplicate questions and URLs, aliases that collide. */
export function checkSiteStructure(docs: readonly ContentDocument[]): Map<ContentDocument, Finding[]> {
  const findings = new Map<ContentDocument, Finding[]>();
  const add = (doc: ContentDocument, finding: Finding) =>
    findings.set(doc, [...(findings.get(doc) ?? []), finding]);

  const byTitle = groupBy(
    docs.filter((doc) => doc.route.kind === 'article' && doc.title !== undefined),
    (doc) => doc.title!.trim().toLowerCase(),
  );
  for (const group of byTitle.values()) {
    for (const doc of group.slice(1)) {
      add(doc, {
        ...(doc.frontmatter ? positionOfField(doc.frontmatter, 'title') : { line: 1, column: 1 }),
        ruleId: 'duplicate-title',
        message: `the question \`${doc.title}\` is also asked in \`${group[0]!.displayPath}\`; merge them or reword one`,
      });
    }
  }

  const pagesByUrl = groupBy(docs, (doc) => doc.route.url);
  for (const doc of docs) {
    const generated = generatedPageAt(doc.route.url);
    if (generated)
      add(doc, {
        line: 0,
        column: 0,
        ruleId: 'duplicate-url',
        message: `this file would publish at \`${doc.route.url}\`, ${generated}; rename it`,
      });
  }
  for (const group of pagesByUrl.values()) {
    for (const doc of group.slice(1)) {
      add(doc, {
        line: 0,
        column: 0,
        ruleId: 'duplicate-url',
        message: `this file and \`${group[0]!.displayPath}\` would both publish at \`${doc.route.url}\`; rename or remove one`,
      });
    }
  }

  const aliasOwners = new Map<string, ContentDocument>();
  // Topic pages are published whether or not the topic has an `index.md`.
  const topics = new Set(docs.flatMap((doc) => (doc.route.topic ? [`/${doc.route.topic}/`] : [])));
  for (const doc of docs) {
    for (const [index, alias] of (doc.data?.aliases ?? []).entries()) {
      const where = positionOfField(doc.frontmatter!, 'aliases', index);
      // What the build cannot publish as a redirect: it leaves such aliases out.
      const problem = aliasProblem(alias);
      if (problem) {
        const ruleId = problem.kind === 'invalid' ? 'alias-invalid' : 'alias-collision';
        add(doc, { ...where, ruleId, message: problem.message });
        continue;
      }
      const url = normaliseSitePath(alias);
      const page = pagesByUrl.get(url)?.[0];
      const other = aliasOwners.get(url);
      if (!page && topics.has(url)) {
        add(doc, {
          ...where,
          ruleId: 'alias-collision',
          message: `the alias \`${alias}\` is the URL of the topic page \`${url}\`; a redirect there would hide it`,
        });
      } else if (page) {
        add(doc, {
          ...where,
          ruleId: 'alias-collision',
          message:
            page === doc
              ? `the alias \`${alias}\` is this page’s own URL; remove it`
              : `the alias \`${alias}\` is the URL of \`${page.displayPath}\`; a redirect there would hide that page`,
        });
      } else if (other && other !== doc) {
        add(doc, {
          ...where,
          ruleId: 'alias-collision',
          message: `the alias \`${alias}\` is also an alias of \`${other.displayPath}\`; keep it on one page only`,
        });
      } else {
        aliasOwners.set(url, doc);
      }
    }
  }
  return findings;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

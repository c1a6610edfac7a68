import path from 'node:path';
import picomatch from 'picomatch';
import { checkDocumentLinks, type LinkTargets } from './check-links.ts';
import { checkSiteStructure, checkDocumentStructure } from './check-structure.ts';
import { checkStructuredData } from './check-structured-data.ts';
import { didYouMean } from '../core/did-you-mean.ts';
import { applyRuleLevels, type RuleLevel } from './apply-rule-levels.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostics.ts';
import type { Finding } from './finding.ts';
import { loadDocument, type ContentDocument } from '../model/load-document.ts';
import type { MarkdownParser } from '../markdown/parse-markdown.ts';
import { openDocumentCache } from '../model/document-cache.ts';
import { topicsOf } from '../model/routes.ts';
import { isRuleId, RULES, type RuleId } from './rule-ids.ts';
import { scanContent, type ContentScan } from '../model/scan-content.ts';

type ScanProblem = ContentScan['problems'][number];

/** What the checker needs to know; everything else it finds in the content folder. */
export interface CheckOptions {
  contentDir: string;
  /** Diagnostics name files relative to this folder. */
  cwd: string;
  /** Rules switched off or set to another severity. */
  rules?: Partial<Record<RuleId, RuleLevel>>;
  /** Report only on files matching these globs (relative to the content folder); links into others still resolve. */
  only?: string[];
  /** A file that keeps loaded documents between runs (see document-cache.ts); none by default. */
  cacheFile?: string | undefined;
  /** Site paths the build generates besides pages, valid as link targets. */
  generatedPaths?: Iterable<string>;
}

/** The checker's verdict and the documents it loaded, for the steps that follow. */
export interface CheckResult {
  diagnostics: Diagnostic[];
  /** How many Markdown files were checked. */
  fileCount: number;
  documents: ContentDocument[];
  /** The documents `only` selects (all of them without it). */
  selected: ContentDocument[];
  /** Milliseconds spent loading (read, validate, parse) and checking, for the benchmark. */
  timings: { load: number; checks: number };
}

/** Files read at once: enough to keep the disk busy, few enough to stay far from the open-file limit. */
const READ_BATCH = 64;

/** Loads every content file and checks structure, links and structured data. */
export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const raw: Diagnostic[] = [];
  const report = (diagnostic: Diagnostic) => raw.push(diagnostic);
  const display = (file: string) =>
    toPosix(path.relative(options.cwd, path.join(options.contentDir, file))) || '.';

  const started = performance.now();
  const scan = await scanContent(options.contentDir);
  for (const problem of scan.problems) {
    report({
      file: display(problem.file),
      line: 0,
      column: 0,
      severity: 'error',
      ...scanProblemMessage(problem),
    });
  }

  const cache = await openDocumentCache(options.cacheFile);
  const context = {
    contentDir: options.contentDir,
    cwd: options.cwd,
    topics: topicsOf(scan.markdown),
    parser: lazyParser(),
    cache,
  };
  const documents: ContentDocument[] = [];
  for (let start = 0; start < scan.markdown.length; start += READ_BATCH) {
    const batch = scan.markdown.slice(start, start + READ_BATCH);
    documents.push(...(await Promise.all(batch.map((file) => loadDocument(file, context, report)))));
  }

  await cache.save();
  const loaded = performance.now();

  const findings = new Map<ContentDocument, Finding[]>();
  const add = (doc: ContentDocument, list: Finding[]) =>
    list.length && findings.set(doc, [...(findings.get(doc) ?? []), ...list]);
  const published = documents.filter((doc) => doc.data && !doc.data.draft);
  const targets: LinkTargets = {
    documents: new Map(documents.map((doc) => [doc.file, doc])),
    pagesByUrl: new Map(published.map((doc) => [doc.route.url, doc])),
    assets: scan.assets,
    folders: scan.folders,
    generatedPaths: new Set(options.generatedPaths ?? []),
  };
  const linkedTo = new Set<ContentDocument>();
  for (const doc of documents) {
    add(doc, checkDocumentStructure(doc));
    add(doc, checkStructuredData(doc));
    const links = checkDocumentLinks(doc, targets);
    add(doc, links.findings);
    if (doc.data && !doc.data.draft)
      for (const target of links.linked) if (target !== doc) linkedTo.add(target);
  }
  for (const [doc, list] of checkSiteStructure(documents)) add(doc, list);
  for (const doc of published) {
    if (doc.route.kind === 'article' && !linkedTo.has(doc)) {
      add(doc, [
        {
          line: 0,
          column: 0,
          ruleId: 'orphan',
          message:
            'no other published page links to this article; link it from a related article’s "See also" or from its topic page',
        },
      ]);
    }
  }

  for (const [doc, list] of findings) {
    for (const finding of list) {
      raw.push({
        file: doc.displayPath,
        line: finding.line,
        column: finding.column,
        severity: RULES[finding.ruleId].severity,
        message: finding.message,
        ruleId: finding.ruleId,
      });
    }
  }
  for (const doc of documents) raw.push(...unknownIgnoreRules(doc));

  const onlyMatch = options.only?.length ? picomatch(options.only, { dot: true }) : undefined;
  const selected = onlyMatch
    ? documents.filter((doc) => onlyMatch(doc.file) || onlyMatch(doc.displayPath))
    : documents;
  const onlyFiles = onlyMatch ? new Set(selected.map((doc) => doc.displayPath)) : undefined;
  const ignored = ignoredLines(documents);
  const diagnostics = applyRuleLevels(raw, options.rules)
    .filter((diagnostic) => !onlyFiles || onlyFiles.has(diagnostic.file))
    .filter((diagnostic) => !ignored(diagnostic))
    .sort(compareDiagnostics);
  return {
    diagnostics,
    fileCount: selected.length,
    documents,
    selected,
    timings: { load: loaded - started, checks: performance.now() - loaded },
  };
}

function scanProblemMessage(problem: ScanProblem): { ruleId: RuleId; message: string } {
  switch (problem.kind) {
    case 'loop':
      return {
        ruleId: 'content-loop',
        message: `this symbolic link leads back to ${problem.detail === '.' ? 'the content folder' : `\`${problem.detail}\``}, a folder that contains it; remove the link`,
      };
    case 'broken-link':
      return {
        ruleId: 'file-unreadable',
        message: `this symbolic link points to \`${problem.detail}\`, which ${problem.code === 'ENOENT' ? 'does not exist' : `cannot be opened (${problem.code})`}; fix or remove the link`,
      };
    case 'unreadable':
      return {
        ruleId: 'file-unreadable',
        message: `this folder cannot be read (${problem.detail})${/^E(ACCES|PERM)$/.test(problem.detail) ? '; check its permissions' : ''}`,
      };
  }
}

/** `<!-- kb-ignore rule-id -->` silences that rule on its own line and the block after it. */
function ignoredLines(documents: readonly ContentDocument[]): (diagnostic: Diagnostic) => boolean {
  const byFile = new Map(documents.map((doc) => [doc.displayPath, doc.facts?.ignores ?? []]));
  return (diagnostic) =>
    (byFile.get(diagnostic.file) ?? []).some(
      (ignore) =>
        ignore.rules.includes(diagnostic.ruleId) &&
        diagnostic.line >= ignore.fromLine &&
        diagnostic.line <= ignore.toLine,
    );
}

function unknownIgnoreRules(doc: ContentDocument): Diagnostic[] {
  return (doc.facts?.ignores ?? []).flatMap((ignore) =>
    ignore.rules
      .filter((rule) => !isRuleId(rule))
      .map((rule) => ({
        file: doc.displayPath,
        line: ignore.line,
        column: ignore.column,
        severity: RULES['ignore-unknown-rule'].severity,
        ruleId: 'ignore-unknown-rule' as const,
        message: `\`${rule}\` is not a rule id${didYouMean(rule, Object.keys(RULES)) || '; the rules are listed in src/checks/rule-ids.ts'}`,
      })),
  );
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** Makes the Markdown parser on first use: a run where every document is cached never loads it. */
function lazyParser(): () => Promise<MarkdownParser> {
  let parser: Promise<MarkdownParser> | undefined;
  return () =>
    (parser ??= import('../markdown/parse-markdown.ts').then(({ createMarkdownParser }) =>
      createMarkdownParser(),
    ));
}

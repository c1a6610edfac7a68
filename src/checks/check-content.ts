import picomatch from 'picomatch';
import { DEFAULT_MARKDOWN_EXTENSIONS } from '../markdown/default-extensions.ts';
import { toPosix } from '../core/paths.ts';
import path from 'node:path';
import { buildLinkGraph } from '../model/link-graph.ts';
import { loadContent, type LoadedContent, type LoadOptions } from '../model/load-content.ts';
import type { ContentDocument } from '../model/load-document.ts';
import type { LinkIndex } from '../model/resolve-link.ts';
import type { ContentScan } from '../model/scan-content.ts';
import { checkHtmlSafety } from './check-html-safety.ts';
import { checkDocumentLinks } from './check-links.ts';
import { checkSiteStructure, checkDocumentStructure } from './check-structure.ts';
import { checkStructuredData } from './check-structured-data.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostics.ts';
import type { Finding } from './finding.ts';
import { ignoredLines, unknownIgnoreRules } from './ignore-comments.ts';
import { applyRuleLevels, type RuleLevels } from './rule-levels.ts';
import { RULES, type RuleId } from './rule-ids.ts';
import type { Trust } from './trust.ts';

/** What the checker needs to know; everything else it finds in the content folder. */
export interface CheckOptions extends Pick<LoadOptions, 'contentDir' | 'cwd' | 'exclude'> {
  /** Rules switched off or set to another severity. */
  rules?: RuleLevels;
  /** Report only on files matching these globs (relative to the content folder); links into others still resolve. */
  only?: string[];
  /** The cache folder that keeps loaded documents between runs; none by default. */
  cacheDir?: string | undefined;
  markdown?: LoadOptions['markdown'];
  /** Render each body too (a build). */
  render?: boolean;
  /** Site paths the build generates besides pages, valid as link targets. */
  generatedPaths?: Iterable<string>;
  /** Who writes the content: `contributors` makes unsafe raw HTML an error (`html-unsafe`); `authors` by default. */
  trust?: Trust;
}

/** The checker's verdict, and the content and link graph it read, for the steps that follow. */
export interface CheckResult extends LoadedContent {
  diagnostics: Diagnostic[];
  /** How many Markdown files were checked. */
  fileCount: number;
  /** The documents `only` selects (all of them without it). */
  selected: ContentDocument[];
  /** Published documents with valid frontmatter: what the site publishes. */
  published: ContentDocument[];
  index: LinkIndex;
  /** Which published page links to which. */
  graph: Map<ContentDocument, Set<ContentDocument>>;
  /** Milliseconds spent loading (read, validate, parse) and checking, for the benchmark. */
  timings: { load: number; checks: number };
}

/** Loads every content file and checks structure, links and structured data. */
export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const content = await loadContent({
    contentDir: options.contentDir,
    cwd: options.cwd,
    cacheDir: options.cacheDir,
    markdown: options.markdown ?? {
      extensions: DEFAULT_MARKDOWN_EXTENSIONS,
      projectDir: options.contentDir,
      features: [],
      base: '/',
    },
    render: options.render ?? false,
    exclude: options.exclude,
  });
  const started = performance.now();
  const raw: Diagnostic[] = scanDiagnostics(content.scan, options);
  const { documents } = content;
  // Every readable page that is not a draft, as MkDocs publishes it (frontmatter or not).
  const published = documents.filter((doc) => doc.title !== undefined && !doc.data?.draft);
  const index: LinkIndex = {
    documents: new Map(documents.map((doc) => [doc.file, doc])),
    pagesByUrl: new Map(published.map((doc) => [doc.route.url, doc])),
    assets: content.scan.assets,
    folders: content.scan.folders,
    excluded: content.scan.excluded,
    generatedPaths: new Set(options.generatedPaths ?? []),
  };
  const graph = buildLinkGraph(published, index);

  const findings = new Map<ContentDocument, Finding[]>();
  const add = (doc: ContentDocument, list: Finding[]) =>
    list.length && findings.set(doc, [...(findings.get(doc) ?? []), ...list]);
  for (const doc of documents) {
    add(
      doc,
      doc.problems.map(({ kind, line, column, message, error }) => ({
        ruleId: kind,
        line,
        column,
        message,
        ...(error ? { severity: 'error' as const } : {}),
      })),
    );
    add(doc, checkDocumentStructure(doc));
    add(doc, checkStructuredData(doc));
    add(doc, checkDocumentLinks(doc, index));
    if (options.trust === 'contributors') add(doc, checkHtmlSafety(doc));
  }
  for (const [doc, list] of checkSiteStructure(documents)) add(doc, list);
  const linkedTo = new Set([...graph.values()].flatMap((targets) => [...targets]));
  for (const doc of published) {
    if (doc.route.kind === 'article' && !linkedTo.has(doc)) {
      add(doc, [
        {
          line: 0,
          column: 0,
          ruleId: 'orphan-page',
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
        severity: finding.severity ?? RULES[finding.ruleId].severity,
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
    ...content,
    diagnostics,
    fileCount: selected.length,
    selected,
    published,
    index,
    graph,
    timings: { load: content.milliseconds, checks: performance.now() - started },
  };
}

function scanDiagnostics(scan: ContentScan, options: Pick<CheckOptions, 'contentDir' | 'cwd'>): Diagnostic[] {
  const display = (file: string) =>
    toPosix(path.relative(options.cwd, path.join(options.contentDir, file))) || '.';
  const diagnostics: Diagnostic[] = scan.problems.map((problem) => {
    const { ruleId, message } = scanProblemMessage(
      problem.kind === 'case' ? { ...problem, detail: display(problem.detail) } : problem,
    );
    return {
      file: display(problem.file),
      line: 0,
      column: 0,
      severity: RULES[ruleId].severity,
      message,
      ruleId,
    };
  });
  if (scan.markdown.length === 0)
    diagnostics.push({
      file: display(''),
      line: 0,
      column: 0,
      severity: RULES['content-empty'].severity,
      message: `the content folder holds no Markdown file; the site has nothing to publish. Is \`${display('')}\` the folder you meant?`,
      ruleId: 'content-empty',
    });
  return diagnostics;
}

function scanProblemMessage(problem: ContentScan['problems'][number]): { ruleId: RuleId; message: string } {
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
    case 'outside':
      return {
        ruleId: 'content-outside',
        message: `this symbolic link leads outside the content folder (to \`${problem.detail}\`), whose files would be published with the site; copy what you need into the content folder, or remove the link`,
      };
    case 'case':
      return {
        ruleId: 'case-collision',
        message: `this name and \`${problem.detail}\` differ only in case: on macOS, Windows and many hosts one replaces the other; rename one`,
      };
    case 'unreadable':
      return {
        ruleId: 'file-unreadable',
        message: `this folder cannot be read (${problem.detail})${/^E(ACCES|PERM)$/.test(problem.detail) ? '; check its permissions' : ''}`,
      };
  }
}

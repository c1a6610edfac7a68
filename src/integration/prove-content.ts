import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { compareDiagnostics, countBySeverity } from '../checks/diagnostics.ts';
import { checkContent, type CheckResult } from '../checks/check-content.ts';
import { formatHuman } from '../checks/formatters/human.ts';
import { applyRuleLevels } from '../checks/rule-levels.ts';
import { settleBaseline } from '../checks/settle-baseline.ts';
import { cacheRoot } from '../core/cache-store.ts';
import { ENV, type Environment } from '../core/env.ts';
import { createProgress } from '../examples/progress.ts';
import { exampleRuntimeResolver, runExamples } from '../examples/run-examples.ts';
import { summariseExampleRun } from '../examples/run-summary.ts';
import { DEFAULT_RUNTIMES, type RuntimeSpec } from '../examples/runtimes.ts';
import { toSiteEntry } from '../model/site-entry.ts';
import type { SiteEntry } from '../model/site-model.ts';
import { markdownOptionsOf } from '../settings/markdown-options.ts';
import type { SiteSettings } from '../settings/settings.ts';
import type { ExamplesSummary } from '../site/open-site-data.ts';
import { codeNotesOf, outcomesByDocument, runtimeLabels, type ExamplesVerdict } from './code-notes.ts';

/** Raised when the content has errors: its message is the whole report, so it carries no stack. */
export class ContentCheckError extends Error {
  override name = 'ContentCheckError';
  constructor(report: string) {
    super(report);
    this.stack = report;
  }
}

/** What proving found: the checked content, and the site entries the pages are built from. */
export interface ProvedContent {
  check: CheckResult;
  /** Every document with valid frontmatter, drafts included (the site model leaves them out unless asked). */
  entries: SiteEntry[];
  /** Milliseconds, for the build report. */
  milliseconds: number;
  /** What this build verified of the examples, for what the pages may claim. */
  examples: ExamplesSummary;
}

/**
 * Proves the content before Astro reads any of it: the same checks as `npm run check`, the
 * examples (unless `KB_EXAMPLES=off`), and every body rendered once from the tree its facts
 * came from. In a build, errors stop it before it writes anything, so the last good site stays;
 * the dev server shows the pages as they are.
 */
export async function proveContent(options: {
  settings: SiteSettings;
  root: string;
  env: Environment;
  logger: AstroIntegrationLogger;
  mode: 'build' | 'dev';
}): Promise<ProvedContent> {
  const { settings, root, env, logger, mode } = options;
  const started = performance.now();
  const runtimes: Record<string, RuntimeSpec> = { ...DEFAULT_RUNTIMES, ...settings.runtimes };
  const caches = cacheRoot(root, env);
  const runsExamples = mode === 'build' && env[ENV.examples] !== 'off';
  // Which interpreter each runtime is, asked while the content loads.
  const resolver = runsExamples
    ? exampleRuntimeResolver({ root, env, runtimes, settings: settings.examples })
    : undefined;
  const check = await checkContent({
    contentDir: settings.contentDir,
    cwd: root,
    rules: settings.rules,
    exclude: settings.exclude,
    trust: settings.trust,
    cacheDir: caches,
    markdown: markdownOptionsOf(settings, root),
    render: true,
  });
  const diagnostics = [...check.diagnostics];
  let verdict: ExamplesVerdict = { status: 'unverified' };
  let versions: Record<string, string> = {};
  if (mode === 'dev') {
    // The dev server starts at once; `npm run check` and the build run the examples.
  } else if (env[ENV.examples] === 'off') {
    verdict = { status: 'skipped' };
    logger.warn(`${ENV.examples}=off: the examples were NOT run; pages mark them as not verified.`);
  } else {
    const examples = await runExamples({
      root,
      documents: check.documents.filter((doc) => !doc.data?.draft),
      runtimes,
      useCache: true,
      cacheFile: env[ENV.exampleCache] || path.join(caches, 'examples.json'),
      env,
      progress: createProgress(process.stderr, Boolean(process.stderr.isTTY) && !env['CI'], 'examples'),
      settings: settings.examples,
      rules: settings.rules,
      resolver,
    });
    diagnostics.push(...applyRuleLevels(examples.diagnostics, settings.rules));
    verdict = { status: 'verified', byDocument: outcomesByDocument(examples.examples, examples.outcomes) };
    versions = Object.fromEntries(
      [...examples.runtimes].map(([name, runtime]) => [name, runtime.version ?? '']),
    );
    // The same summary as `npm run check`: counts, interpreters, isolation and the slowest examples.
    logger.info(summariseExampleRun(examples).join('\n'));
  }
  diagnostics.sort(compareDiagnostics);
  // Errors the adoption baseline records are counted, not failed on; the build cannot write it.
  const baseline = await settleBaseline(diagnostics, {
    contentDir: settings.contentDir,
    cwd: root,
    write: false,
    verbose: false,
    keep: (entry) => verdict.status !== 'verified' && entry.rule.startsWith('example-'),
    stderr: { write: (text: string) => logger.warn(text.trimEnd()) },
  });
  if (baseline === undefined) throw new ContentCheckError('The baseline cannot be read; nothing was built.');
  const report = formatHuman(baseline.fresh, {
    color: Boolean(process.stderr.isTTY) && !env['NO_COLOR'],
    fileCount: check.fileCount,
  });
  const { errors, warnings } = countBySeverity(baseline.fresh);
  if (mode === 'build' && errors > 0)
    throw new ContentCheckError(`The content has errors; nothing was built.\n\n${report}`);
  // The summary is the report's last line; findings, when there are some, are shown in full above it.
  if (errors + warnings > 0) logger.warn(`\n${report.trimEnd().split('\n').slice(0, -1).join('\n').trim()}`);
  const milliseconds = Math.round(performance.now() - started);
  logger.info(
    `proved in ${milliseconds} ms: ${report.trimEnd().split('\n').at(-1)}; ${check.parsed} document(s) parsed${check.parseThreads > 0 ? ` in ${check.parseThreads} threads` : ''}, ${check.documents.length - check.parsed} from the cache`,
  );

  const labels = runtimeLabels(runtimes, versions);
  // Every readable page, drafts included (the site model leaves them out unless asked).
  const entries = check.documents.flatMap((doc) =>
    doc.title !== undefined
      ? [
          toSiteEntry(
            { ...doc, title: doc.title },
            {
              linksTo: check.graph.get(doc) ?? [],
              index: check.index,
              base: settings.base,
              codeNotes: codeNotesOf(doc, runtimes, labels, verdict),
            },
          ),
        ]
      : [],
  );
  const notes = entries.filter((entry) => !entry.data.draft).flatMap((entry) => entry.codeNotes);
  const examples: ExamplesSummary = {
    status: verdict.status,
    total: notes.filter((note) => note && note.state !== 'not-run').length,
    failing: notes.filter((note) => note?.state === 'known-failure').length,
  };
  return { check, entries, milliseconds, examples };
}

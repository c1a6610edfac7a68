import type { AstroIntegrationLogger } from 'astro';
import { defaultCacheFile } from '../examples/example-cache.ts';
import { createProgress } from '../examples/progress.ts';
import { runExamples } from '../examples/run-examples.ts';
import { DEFAULT_RUNTIMES, type RuntimeSpec } from '../examples/runtimes.ts';
import { checkContent } from '../checks/check-content.ts';
import type { ContentDocument } from '../model/load-document.ts';
import { defaultDocumentCacheFile } from '../model/document-cache.ts';
import { compareDiagnostics, countBySeverity } from '../checks/diagnostics.ts';
import { formatHuman } from '../checks/formatters/human.ts';
import type { SiteSettings } from '../settings/settings.ts';
import type { Verification } from '../markdown/remark-code-figures.ts';
import type { SourceDocument } from './content-source.ts';

/** The environment variable that skips running examples in a build (`KB_EXAMPLES=off`). */
export const EXAMPLES_ENV = 'KB_EXAMPLES';

/** The environment variable naming another example results file (the benchmark builds with the one it warmed). */
export const EXAMPLE_CACHE_ENV = 'KB_EXAMPLE_CACHE';

/** Raised when the content has errors: its message is the whole report, so it carries no stack. */
export class ContentCheckError extends Error {
  override name = 'ContentCheckError';
  constructor(report: string) {
    super(report);
    this.stack = report;
  }
}

/** What proving found: what the pages say about their examples, and the documents it read. */
export interface ProvedContent {
  verification: Verification;
  documents: SourceDocument[];
}

/**
 * Proves the content before Astro reads any of it: the same checks as `npm run check`, then
 * the examples (unless `KB_EXAMPLES=off`). Errors stop the build before it writes anything,
 * so the last good `dist/` stays.
 */
export async function proveContent(
  settings: SiteSettings,
  root: string,
  env: Record<string, string | undefined>,
  logger: AstroIntegrationLogger,
): Promise<ProvedContent> {
  const started = performance.now();
  const runtimes: Record<string, RuntimeSpec> = { ...DEFAULT_RUNTIMES, ...settings.runtimes };
  const check = await checkContent({
    contentDir: settings.contentDir,
    cwd: root,
    rules: settings.rules,
    cacheFile: defaultDocumentCacheFile(root, settings.contentDir),
  });
  const diagnostics = [...check.diagnostics];
  const skip = env[EXAMPLES_ENV] === 'off';
  let versions: Record<string, string> = {};
  if (skip) {
    logger.warn(`${EXAMPLES_ENV}=off: the examples were NOT run; pages mark them as not verified.`);
  } else {
    const examples = await runExamples({
      root,
      documents: check.documents.filter((doc) => !doc.data?.draft),
      runtimes,
      useCache: true,
      cacheFile: env[EXAMPLE_CACHE_ENV] || defaultCacheFile(root),
      env,
      progress: createProgress(process.stderr, Boolean(process.stderr.isTTY) && !env['CI'], 'examples'),
      settings: settings.examples,
      rules: settings.rules,
    });
    diagnostics.push(...examples.diagnostics);
    versions = Object.fromEntries(
      [...examples.runtimes].map(([name, runtime]) => [name, runtime.version ?? '']),
    );
    const { total, ran, cached, failed } = examples.counts;
    logger.info(`examples: ${total} found, ${ran} run, ${cached} cached, ${failed} failed`);
  }
  diagnostics.sort(compareDiagnostics);
  const report = formatHuman(diagnostics, {
    color: Boolean(process.stderr.isTTY) && !env['NO_COLOR'],
    fileCount: check.fileCount,
  });
  if (countBySeverity(diagnostics).errors > 0)
    throw new ContentCheckError(`The content has errors; nothing was built.\n\n${report}`);
  const { warnings } = countBySeverity(diagnostics);
  // The summary is the report's last line; warnings, when there are some, are shown in full above it.
  if (warnings > 0) logger.warn(`\n${report.trimEnd().split('\n').slice(0, -1).join('\n').trim()}`);
  logger.info(
    `proved in ${Math.round(performance.now() - started)} ms: ${report.trimEnd().split('\n').at(-1)}`,
  );
  return {
    verification: { status: skip ? 'skipped' : 'verified', runtimes: runtimeLabels(runtimes, versions) },
    // Without errors every document was read and has valid frontmatter; only what the pages need is kept.
    documents: sourceDocuments(check.documents),
  };
}

/** What each fence language ran on: `{ ts: 'Node.js 24.9.0', py: 'Python 3.11.7' }`. */
export function runtimeLabels(
  runtimes: Record<string, RuntimeSpec>,
  versions: Record<string, string>,
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [name, spec] of Object.entries(runtimes)) {
    const label = versions[name] ? `${spec.label} ${versions[name]}` : spec.label;
    for (const language of spec.languages) labels[language] = label;
  }
  return labels;
}

/** The documents that were read and have valid frontmatter, as the pages need them. */
export function sourceDocuments(documents: readonly ContentDocument[]): SourceDocument[] {
  return documents.flatMap(({ route, file, data, text }) =>
    data && text !== undefined ? [{ id: route.id, url: route.url, file, data, text }] : [],
  );
}

import type { AstroIntegrationLogger } from 'astro';
import { checkContent } from '../pipeline/check-content.ts';
import { countBySeverity } from '../pipeline/diagnostics.ts';
import { formatHuman } from '../pipeline/formatters/human.ts';
import type { SiteSettings } from '../pipeline/settings.ts';

/** Raised when the content has errors: its message is the whole report, so it carries no stack. */
export class ContentCheckError extends Error {
  override name = 'ContentCheckError';
  constructor(report: string) {
    super(report);
    this.stack = report;
  }
}

/**
 * Runs the same checker as `npm run check` before Astro reads any content, so that a
 * build with errors stops before it writes anything and the last good `dist/` stays.
 */
export async function checkBeforeBuild(
  settings: SiteSettings,
  cwd: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const started = performance.now();
  const { diagnostics, fileCount } = await checkContent({
    contentDir: settings.contentDir,
    cwd,
    rules: settings.rules,
  });
  const { errors } = countBySeverity(diagnostics);
  const report = formatHuman(diagnostics, {
    color: Boolean(process.stderr.isTTY) && !process.env['NO_COLOR'],
    fileCount,
  });
  if (errors > 0) throw new ContentCheckError(`The content has errors; nothing was built.\n\n${report}`);
  logger.info(`checked in ${Math.round(performance.now() - started)} ms: ${report.trimEnd()}`);
}

import path from 'node:path';
import type { UserConsoleLog } from 'vitest';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { SKIP_BECAUSE, SKIP_MARK } from './require-tool.ts';

/**
 * Ends a run with the tests it skipped for want of a system tool, grouped by what to install,
 * so that a run on a fresh machine says what it did not prove and how to prove it. Each skip line
 * is printed by `requireTool` in its test file's output too; this gathers them after the summary.
 */
export default class SkippedToolsReporter implements Reporter {
  private vitest: Vitest | undefined;
  private readonly skips: { tests: string; reason: string; taskId: string | undefined }[] = [];

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    for (const line of log.content.split('\n')) {
      if (!line.startsWith(`${SKIP_MARK} `)) continue;
      const [tests = '', ...reason] = line.slice(SKIP_MARK.length + 1).split(SKIP_BECAUSE);
      this.skips.push({ tests, reason: reason.join(SKIP_BECAUSE), taskId: log.taskId });
    }
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (this.skips.length === 0 || !this.vitest) return;
    const root = this.vitest.config.root;
    const files = new Map(testModules.map((module) => [module.id, path.relative(root, module.moduleId)]));
    const byReason = new Map<string, string[]>();
    for (const skip of this.skips) {
      const file = (skip.taskId && files.get(skip.taskId)) || 'a test file';
      const entry = `${file}: ${skip.tests}`;
      const entries = byReason.get(skip.reason) ?? [];
      if (!entries.includes(entry)) byReason.set(skip.reason, [...entries, entry]);
    }
    const lines = [
      '',
      'Skipped for want of a system tool (CI installs them all, and fails instead of skipping):',
    ];
    for (const [reason, entries] of [...byReason].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${reason}`);
      for (const entry of entries.sort()) lines.push(`    ${entry}`);
    }
    this.vitest.logger.log(lines.join('\n'));
  }
}

import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, type CheckOptions, type CheckResult } from '../../src/checks/check-content.ts';
import type { Diagnostic } from '../../src/checks/diagnostics.ts';

/** `test/checker/fixtures/`, where each folder is a small content folder. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Checks a content folder the way `npm run check` does, naming files relative to that folder. */
export function check(contentDir: string, options: Partial<CheckOptions> = {}): Promise<CheckResult> {
  return checkContent({ contentDir, cwd: contentDir, ...options });
}

/** One line per diagnostic, `file:line:col  severity  message  rule-id`, for exact snapshots. */
export function show(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`)
    .join('\n');
}

/** A fresh temporary folder, and a function that removes it. */
export async function makeTempDir(label: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `kb-checker-${label}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies `fixtures/<name>` into `into/<name>` and returns the copy's path. */
export async function copyFixture(name: string, into: string): Promise<string> {
  const target = path.join(into, name);
  await cp(path.join(FIXTURES, name), target, { recursive: true });
  return target;
}

import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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

const CHECK_SCRIPT = fileURLToPath(new URL('../../scripts/check.ts', import.meta.url));

/** What `npm run check` did: its exit code and output. */
export interface CheckRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run check` the way a person does: `scripts/check.ts` in its own process, from `cwd`,
 * with `KB_CONTENT_DIR` set to `content`, stdout not a TTY.
 */
export async function runCheckScript(cwd: string, content: string, args: string[] = []): Promise<CheckRun> {
  if (Number(process.versions.node.split('.')[0]) < 24)
    throw new Error(
      `scripts/check.ts needs the pinned Node.js 24 (it runs TypeScript directly), but vitest runs on ${process.version}; run it with node_modules/.bin/node`,
    );
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', KB_CONTENT_DIR: content };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CHECK_SCRIPT, ...args], {
      cwd,
      env,
      timeout: 60_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import {
  runExamples,
  type ExampleRunOptions,
  type ExampleRunReport,
} from '../../src/examples/run-examples.ts';
import { DEFAULT_RUNTIMES } from '../../src/examples/runtimes.ts';
import { createSandbox, type IsolationKind } from '../../src/examples/sandbox.ts';
import { checkContent, type CheckResult } from '../../src/checks/check-content.ts';
import { compareDiagnostics, type Diagnostic } from '../../src/checks/diagnostics.ts';
import { requireTool, type SystemTool } from '../helpers/require-tool.ts';

/** The repository: the pinned Node.js is found from here. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The content folders the tests run. */
export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** A fresh temporary folder, removed when the current test (or hook) ends. */
export async function tempDir(prefix = 'kb-examples-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A temporary folder for a whole file's tests; the caller removes it in `afterAll`. */
export async function sharedTempDir(prefix = 'kb-examples-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Loads a content folder the way the CLI does; file names in diagnostics are relative to it. */
export async function loadContent(contentDir: string): Promise<CheckResult> {
  return checkContent({ contentDir, cwd: contentDir });
}

/** Runs every example of a content folder, without the cache unless asked for, with this process's environment. */
export async function runContent(
  contentDir: string,
  options: Partial<ExampleRunOptions> & { cacheFile: string },
): Promise<ExampleRunReport> {
  const { documents } = await loadContent(contentDir);
  return runExamples({
    root: ROOT,
    documents,
    runtimes: DEFAULT_RUNTIMES,
    useCache: false,
    env: process.env,
    ...options,
  });
}

/** Copies a fixture folder into `target` (made if missing) and returns `target`. */
export async function copyFixture(name: string, target: string): Promise<string> {
  await mkdir(target, { recursive: true });
  await cp(path.join(FIXTURES, name), target, { recursive: true });
  return target;
}

/** Writes content files (`{ 'topic/a.md': '…' }`) into `dir`. */
export async function writeContent(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

/** Reads a text file. */
export function read(file: string): Promise<string> {
  return readFile(file, 'utf8');
}

/**
 * Diagnostics as a person reads them, sorted: `file:line:col  severity  rule-id`, then the
 * message indented below, one blank line between diagnostics.
 */
export function show(diagnostics: readonly Diagnostic[]): string {
  return [...diagnostics]
    .sort(compareDiagnostics)
    .map(
      (d) =>
        `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.ruleId}\n${d.message
          .split('\n')
          .map((line) => `    ${line}`)
          .join('\n')}`,
    )
    .join('\n\n');
}

/** Diagnostics of one file only. */
export function ofFile(diagnostics: readonly Diagnostic[], file: string): Diagnostic[] {
  return diagnostics.filter((d) => d.file === file);
}

/** What an example of `file` that opens at `line` printed, and whether it passed. */
export function outcomeAt(
  report: ExampleRunReport,
  file: string,
  line: number,
): { passed: boolean; printed: string } | undefined {
  const example = report.examples.find((e) => e.doc.file === file && e.line === line);
  if (!example) throw new Error(`no example opens at ${file}:${line}`);
  const outcome = report.outcomes.get(example);
  return outcome && { passed: outcome.passed, printed: outcome.printed };
}

/** How `npm run check` ended, its output with the content folder's path shown as `<site>`. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `scripts/check.ts` as `npm run check` does, on `contentDir`, in an environment of
 * `process.env` with `env` over it; `onSpawn` gets the child (to signal it).
 */
export function checkCli(
  contentDir: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  onSpawn?: (child: ChildProcess) => void,
): Promise<CliResult> {
  const site = path.relative(ROOT, contentDir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/check.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, KB_CONTENT_DIR: contentDir, NO_COLOR: '1', CI: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    onSpawn?.(child);
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: out.stdout.replaceAll(site, '<site>'),
        stderr: out.stderr.replaceAll(site, '<site>'),
      }),
    );
  });
}

/** The processes of this machine whose command line holds `marker`, as `pid: command`. */
export async function processesWith(marker: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const command = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (command.includes(marker)) found.push(`${entry}: ${command.replaceAll('\0', ' ').trim()}`);
  }
  return found;
}

/** The processes holding `marker` once the dead have had a moment to go (up to 3 s). */
export async function survivors(marker: string): Promise<string[]> {
  let found = await processesWith(marker);
  for (let round = 0; round < 30 && found.length > 0; round++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    found = await processesWith(marker);
  }
  return found;
}

/** An isolation kind as a tool the runaway tests need: installed, and able to isolate here. */
export function isolationTool(kind: Exclude<IsolationKind, 'none'>): SystemTool {
  const [name, install] =
    kind === 'bubblewrap'
      ? ['bubblewrap (`bwrap`), able to create namespaces,', 'apt-get install bubblewrap']
      : ["util-linux's `unshare`, able to create namespaces,", 'apt-get install util-linux'];
  return {
    name,
    install: `${install} (as root, or where user namespaces are allowed)`,
    available: async () => {
      try {
        const sandbox = await createSandbox({ env: process.env, slots: 1, kinds: [kind] });
        await sandbox.dispose();
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * Whether an isolation kind works on this machine, and if not, why its tests are skipped. In CI
 * both sandboxes must work: a missing one fails the run there (see `requireTool`).
 */
export async function isolationStatus(
  kind: Exclude<IsolationKind, 'none'>,
): Promise<{ usable: boolean; reason: string }> {
  const usable = await requireTool(isolationTool(kind), `the runaway examples isolated with ${kind}`);
  return { usable, reason: usable ? '' : `${kind} cannot isolate examples on this machine` };
}

import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../src/cli/check-command.ts';
import { committedCases, CORPUS_SETTINGS, GENERATED_CASES, type BadInput } from './corpus.ts';
import { stackTraceLines } from './report.ts';

const execFileAsync = promisify(execFile);
const CHECK_SCRIPT = path.resolve(import.meta.dirname, '../../scripts/check.ts');
const COMMAND = pathToFileURL(path.resolve(import.meta.dirname, '../../src/cli/check-command.ts')).href;

/** What one run of the checker printed, and its exit code. */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
  milliseconds: number;
}

let work: string;
const cases: BadInput[] = [...(await committedCases()), ...GENERATED_CASES].sort((a, b) =>
  a.name.localeCompare(b.name),
);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'kb-bad-input-'));
});

afterAll(async () => {
  // A case may have closed a folder to its owner.
  await chmod(path.join(work, 'content-folder-closed', 'content'), 0o755).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
});

/** Makes the case's project folder: its files, and the corpus settings unless it brings its own. */
async function project(kase: BadInput): Promise<string> {
  const dir = path.join(work, kase.name);
  await kase.make(dir);
  const settings = path.join(dir, 'site.config.ts');
  if (!(await stat(settings).catch(() => undefined))) await writeFile(settings, CORPUS_SETTINGS);
  return dir;
}

/**
 * Checks the project as `npm run check` does, with the project's `site.config.ts` as the settings
 * file and nothing from this environment: in this process (`runCheckCommand`); in a Node process
 * of its own when the case is about the settings file, which Node must import as it does for
 * the command line (Vitest would compile it with Vite's own rules); with the real script when the
 * case is about the command line itself.
 */
async function check(kase: BadInput, dir: string): Promise<Run> {
  const started = performance.now();
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' };
  const child = (args: string[]) =>
    execFileAsync(process.execPath, args, { cwd: dir, env, timeout: 60_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  if (kase.argv) {
    const run = await child([CHECK_SCRIPT, ...kase.argv]);
    return { ...run, milliseconds: performance.now() - started };
  }
  if (kase.settingsFileOfItsOwn) {
    const script = `import { runCheckCommand } from ${JSON.stringify(COMMAND)};
process.exitCode = await runCheckCommand(${JSON.stringify({ examples: false, ...kase.flags })}, {
  cwd: process.cwd(), root: process.cwd(), env: {}, settingsFile: ${JSON.stringify(path.join(dir, 'site.config.ts'))},
  stdout: process.stdout, stderr: process.stderr,
});`;
    const run = await child(['--input-type=module', '-e', script]);
    return { ...run, milliseconds: performance.now() - started };
  }
  let stdout = '';
  let stderr = '';
  const code = await runCheckCommand(
    { examples: false, ...kase.flags },
    {
      cwd: dir,
      root: dir,
      env: {},
      settingsFile: path.join(dir, 'site.config.ts'),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
  );
  return { code, stdout, stderr, milliseconds: performance.now() - started };
}

/** `file:line:column  rule-id` of each diagnostic of a human report, in its order. */
function locations(report: string): string[] {
  return report
    .split('\n')
    .flatMap((line) => /^(\S+:\d+:\d+)\s+(?:error|warning|info)\s.*\s(\S+)$/.exec(line) ?? [])
    .filter((_, index) => index % 3 !== 0)
    .reduce<string[]>(
      (pairs, part, index, parts) => (index % 2 === 0 ? [...pairs, `${part}  ${parts[index + 1]}`] : pairs),
      [],
    );
}

describe('the bad-input corpus', () => {
  it('holds at least 40 kinds of bad input', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((kase) => [kase.name, kase] as const))(
    '%s: reported with its place and rule (or the setting), the right exit code, no stack trace',
    async (_name, kase) => {
      const run = await check(kase, await project(kase));
      expect(stackTraceLines(`${run.stdout}\n${run.stderr}`)).toEqual([]);
      expect(run.code, run.stdout + run.stderr).toBe(kase.exit);
      if (kase.exit === 2) {
        expect(run.stdout).toBe('');
        for (const text of kase.expect) expect(run.stderr).toContain(text);
      } else {
        expect(locations(run.stdout)).toEqual(kase.expect);
      }
      // Deep nesting, alias bombs and huge files are refused quickly, not worked through.
      expect(run.milliseconds).toBeLessThan(15_000);
    },
  );
});

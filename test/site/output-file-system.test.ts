import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { requireOutputOnWorkingFileSystem } from '../../src/integration/output-file-system.ts';
import { SettingsError } from '../../src/settings/settings-error.ts';
import { stackTraceLines } from '../bad-input/report.ts';
import { inheritedEnv, ROOT } from '../helpers/build-site.ts';

const execFileAsync = promisify(execFile);

/** A folder on another file system than the repository's, where the machine has one. */
const other = '/dev/shm';
const separate = await Promise.all([stat(other), stat(ROOT)]).then(
  ([a, b]) => a.isDirectory() && a.dev !== b.dev,
  () => false,
);

/** Devices by folder: `/mnt/other` and what is under it are another file system. */
const deviceOf = (file: string) => (file === '/mnt/other' || file.startsWith('/mnt/other/') ? 2 : 1);

describe('an output folder on another file system', () => {
  it('stops the build, naming the folder, the variable and what to do', () => {
    const check = () => requireOutputOnWorkingFileSystem('/mnt/other/site', '/home/me/kb', deviceOf);
    expect(check).toThrow(SettingsError);
    expect(check).toThrow(
      /\/mnt\/other\/site \(KB_OUT_DIR\) is on another file system than .*\/home\/me\/kb/,
    );
    expect(check).toThrow(/Set KB_OUT_DIR to a folder on the same file system/);
  });

  it('lets an output outside the project on the same file system be, and one inside it wherever it is', () => {
    expect(() => requireOutputOnWorkingFileSystem('/srv/site', '/home/me/kb', deviceOf)).not.toThrow();
    // A mount inside the project: Astro then keeps its assets inside the output, so nothing crosses.
    expect(() =>
      requireOutputOnWorkingFileSystem('/mnt/other/kb/dist', '/mnt/other/kb', (file) =>
        file.startsWith('/mnt/other/kb/dist') ? 3 : 2,
      ),
    ).not.toThrow();
  });

  it('reads the device of the nearest folder that exists when the output is not made yet', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'kb-out-fs-'));
    try {
      expect(() =>
        requireOutputOnWorkingFileSystem(path.join(work, 'not', 'made', 'site'), path.dirname(work)),
      ).not.toThrow();
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  // A real build, where the machine has a second file system to write to (/dev/shm is one on Linux).
  it.skipIf(!separate)(
    'ends `astro build` with the report alone and exit code 2, writing nothing (needs /dev/shm on its own file system)',
    async () => {
      const target = await mkdtemp(path.join(other, 'kb-out-fs-'));
      try {
        const env = {
          ...inheritedEnv(),
          KB_OUT_DIR: path.join(target, 'site'),
          KB_CACHE_DIR: path.join(target, 'cache'),
          KB_EXAMPLES: 'off',
          ASTRO_TELEMETRY_DISABLED: '1',
        };
        const astro = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
        const result = await execFileAsync(process.execPath, [astro, 'build'], {
          cwd: ROOT,
          env,
          timeout: 120_000,
        }).then(
          ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
          (error: { code: number; stdout: string; stderr: string }) => ({
            code: error.code,
            output: error.stdout + error.stderr,
          }),
        );
        expect(result.code, result.output).toBe(2);
        expect(result.output).toContain('(KB_OUT_DIR) is on another file system');
        expect(stackTraceLines(result.output)).toEqual([]);
        expect((await readdir(target)).filter((name) => name !== 'cache')).toEqual([]);
      } finally {
        await rm(target, { recursive: true, force: true });
      }
    },
    150_000,
  );
});

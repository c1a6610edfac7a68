import { spawn } from 'node:child_process';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleRunFolders } from '../../src/examples/run-folders.ts';
import { ROOT, tempDir } from './helpers.ts';

const HOUR = 60 * 60;

/** Makes folders in `base`, each `seconds` old. */
async function folders(base: string, ages: Record<string, number>): Promise<void> {
  const now = Date.now() / 1000;
  for (const [name, seconds] of Object.entries(ages)) {
    await mkdir(path.join(base, name, 'ex-1'), { recursive: true });
    await utimes(path.join(base, name), now - seconds, now - seconds);
  }
}

/** A process id that no process has: the child of a shell that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

describe('the folders examples run in', () => {
  it('of a killed run are removed by the next run; those of running or recent runs, and others, stay', async () => {
    const base = await tempDir();
    const dead = await deadPid();
    await folders(base, {
      [`kb-examples-${dead}-AbC123`]: HOUR,
      [`kb-sandbox-probe-${dead}-XyZ789`]: HOUR,
      [`kb-examples-${dead}-Recent`]: 60,
      [`kb-examples-${process.pid}-Mine12`]: HOUR,
      'kb-examples-Old123': 2 * 24 * HOUR,
      'kb-examples-New123': HOUR,
      'kb-examples-test-abc123': 2 * 24 * HOUR,
      'something-else': 2 * 24 * HOUR,
    });
    expect((await removeStaleRunFolders(base)).sort()).toEqual(
      [`kb-examples-${dead}-AbC123`, `kb-sandbox-probe-${dead}-XyZ789`, 'kb-examples-Old123'].sort(),
    );
    expect((await readdir(base)).sort()).toEqual(
      [
        `kb-examples-${dead}-Recent`,
        `kb-examples-${process.pid}-Mine12`,
        'kb-examples-New123',
        'kb-examples-test-abc123',
        'something-else',
      ].sort(),
    );
  });

  it('are left by a check killed with SIGKILL while an example runs, named for its process, and go on the next run', async () => {
    const base = await tempDir();
    const content = path.join(base, 'content');
    await mkdir(path.join(content, 't'), { recursive: true });
    await writeFile(
      path.join(content, 't', 'a.md'),
      '---\ntitle: "How long does this take?"\n---\n\n```js\nawait new Promise((resolve) => setTimeout(resolve, 20_000));\n```\n',
    );
    const tmp = path.join(base, 'tmp');
    await mkdir(tmp);
    const check = spawn(process.execPath, [path.join(ROOT, 'scripts/check.ts'), '--no-cache'], {
      cwd: base,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        TMPDIR: tmp,
        KB_CONTENT_DIR: content,
        KB_CACHE_DIR: path.join(base, 'cache'),
      },
      stdio: 'ignore',
    });
    const running = async () => {
      for (const name of await readdir(tmp)) {
        if (!name.startsWith(`kb-examples-${check.pid}-`)) continue;
        if ((await readdir(path.join(tmp, name))).some((entry) => entry.startsWith('ex-'))) return name;
      }
      return undefined;
    };
    let left: string | undefined;
    for (let waited = 0; !left && waited < 60_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      left = await running();
    }
    expect(left, 'the example never started').toBeDefined();
    const killed = new Promise((resolve) => check.on('close', resolve));
    check.kill('SIGKILL');
    await killed;
    expect(await readdir(tmp)).toContain(left);
    // Once nothing has touched it for a while, the next run's folder-making removes it.
    const old = Date.now() / 1000 - HOUR;
    await utimes(path.join(tmp, left!), old, old);
    expect(await removeStaleRunFolders(tmp)).toEqual([left]);
  }, 90_000);
});

import { chmod, mkdtemp, writeFile, copyFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { createSandbox } from './src/examples/sandbox.ts';
import { runProcess } from './src/examples/run-process.ts';
import { resolveRuntimes } from './src/examples/runtime-versions.ts';
import { DEFAULT_RUNTIMES } from './src/examples/runtimes.ts';
const box = await createSandbox({ env: process.env, slots: 1, kinds: ['bubblewrap'] });
const rts = await resolveRuntimes(DEFAULT_RUNTIMES, ['python', 'typescript'], { root: process.cwd(), env: process.env });
const dir = await mkdtemp('/tmp/perf/sb/rp-'); await chmod(dir, 0o777);
await copyFile('/tmp/perf/sb/ex/main2.mjs', `${dir}/main.mjs`); await copyFile('/tmp/perf/sb/ex/main2.py', `${dir}/main.py`);
const env = { PATH: '/usr/bin:/bin', HOME: '/tmp/example' };
for (const name of ['typescript', 'python']) {
  const rt = rts.get(name)!;
  console.log(name, rt.command, rt.paths);
  const cmd = box.wrap([...rt.command, `/tmp/example/main${name === 'python' ? '.py' : '.mjs'}`], dir, 0, rt.paths);
  const bare = [...rt.command, `${dir}/main${name === 'python' ? '.py' : '.mjs'}`];
  for (const [label, c] of [['sandboxed', cmd], ['bare', bare]] as const) {
    const N = 20; let s = performance.now();
    for (let i = 0; i < N; i++) await runProcess(c, { cwd: dir, env, limits: { timeoutMs: 10000, maxOutputBytes: 1e6 } });
    const rp = (performance.now() - s) / N; s = performance.now();
    for (let i = 0; i < N; i++) spawnSync(c[0]!, c.slice(1), { cwd: dir, env });
    console.log(' ', label, 'runProcess', rp.toFixed(1), 'spawnSync', ((performance.now() - s) / N).toFixed(1));
  }
}
await box.dispose();

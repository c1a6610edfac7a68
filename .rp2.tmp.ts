import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { spawn, spawnSync } from 'node:child_process';
import { createSandbox } from './src/examples/sandbox.ts';
import { runProcess } from './src/examples/run-process.ts';
const box = await createSandbox({ env: process.env, slots: 1, kinds: ['bubblewrap'] });
const dir = await mkdtemp('/tmp/perf/sb/rp-'); await chmod(dir, 0o777);
await writeFile(`${dir}/main.py`, 'print(1)\n');
const py = '/root/.pyenv/versions/3.11.7/bin/python3';
const variants: Record<string, string[]> = {
  full: box.wrap([py, '-I', '-X', 'utf8', '/tmp/example/main.py'], dir, 0, ['/root/.pyenv/versions/3.11.7']),
};
const full = variants.full!;
const bw = full.indexOf('/usr/bin/bwrap');
variants.noCgroupNoPrlimit = full.slice(bw);
variants.noCgroup = full.slice(4);
const env = { PATH: '/usr/bin:/bin', HOME: '/tmp/example' };
for (const [name, cmd] of Object.entries(variants)) {
  const N = 20; let s = performance.now();
  for (let i = 0; i < N; i++) await runProcess(cmd, { cwd: dir, env, limits: { timeoutMs: 10000, maxOutputBytes: 1e6 } });
  const rp = (performance.now() - s) / N; s = performance.now();
  for (let i = 0; i < N; i++) spawnSync(cmd[0]!, cmd.slice(1), { cwd: dir, env });
  const ss = (performance.now() - s) / N; s = performance.now();
  for (let i = 0; i < N; i++) await new Promise((r) => { const c = spawn(cmd[0]!, cmd.slice(1), { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }); c.stdout.resume(); c.stderr.resume(); c.on('close', r); });
  const sp = (performance.now() - s) / N;
  console.log(name, 'runProcess', rp.toFixed(1), 'spawnSync', ss.toFixed(1), 'spawn detached+close', sp.toFixed(1));
}
await box.dispose();

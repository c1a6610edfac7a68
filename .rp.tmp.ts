import { runProcess } from './src/examples/run-process.ts';
import { spawnSync, spawn } from 'node:child_process';
const cmds: Record<string, string[]> = { true: ['/bin/true'], python: ['/root/.pyenv/versions/3.11.7/bin/python3', '-I', '-c', 'print(1)'], node: [process.execPath, '-e', 'console.log(1)'] };
for (const [name, cmd] of Object.entries(cmds)) {
  const N = 20;
  let s = performance.now();
  for (let i = 0; i < N; i++) await runProcess(cmd, { cwd: '/tmp', env: { PATH: '/usr/bin:/bin' }, limits: { timeoutMs: 10000, maxOutputBytes: 1e6 } });
  const rp = (performance.now() - s) / N;
  s = performance.now();
  for (let i = 0; i < N; i++) spawnSync(cmd[0]!, cmd.slice(1), { cwd: '/tmp', env: { PATH: '/usr/bin:/bin' } });
  const ss = (performance.now() - s) / N;
  s = performance.now();
  for (let i = 0; i < N; i++) await new Promise((r) => { const c = spawn(cmd[0]!, cmd.slice(1), { cwd: '/tmp', env: { PATH: '/usr/bin:/bin' }, stdio: ['ignore', 'pipe', 'pipe'] }); c.stdout.resume(); c.stderr.resume(); c.on('close', r); });
  const sp = (performance.now() - s) / N;
  console.log(name, 'runProcess', rp.toFixed(1), 'spawnSync', ss.toFixed(1), 'spawn+close', sp.toFixed(1));
}

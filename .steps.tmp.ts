import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSandbox } from './src/examples/sandbox.ts';
import { resolveRuntimes } from './src/examples/runtime-versions.ts';
import { DEFAULT_RUNTIMES } from './src/examples/runtimes.ts';
import { runProcess } from './src/examples/run-process.ts';
import { createWorkRoot } from './src/examples/run-example.ts';
import { tmpdir } from 'node:os';
const kind = (process.env.ISO ?? 'bubblewrap') as 'bubblewrap';
const box = await createSandbox({ env: process.env, slots: 1, kinds: [kind] });
const rts = await resolveRuntimes(DEFAULT_RUNTIMES, ['python', 'typescript'], { root: process.cwd(), env: process.env });
console.log([...rts.keys()]);
const workRoot = await createWorkRoot(tmpdir());
const code: Record<string, string> = { python: 'import asyncio\nasync def main():\n    await asyncio.sleep(0)\n    print("x", 6*7)\nasyncio.run(main())\n', typescript: 'const v = await Promise.resolve(42);\nconsole.log(`total: ${v}`);\n' };
for (const name of ['python', 'typescript']) {
  const rt = rts.get(name)!;
  const t = { prep: 0, run: 0, sweep: 0, rm: 0 }; const N = 30;
  for (let i = 0; i < N; i++) {
    let s = performance.now();
    const hostDir = await mkdtemp(path.join(workRoot, 'ex-')); await chmod(hostDir, 0o777);
    const file = `main${rt.spec.stripTypes ? '.mjs' : rt.spec.extension}`;
    await writeFile(path.join(hostDir, file), code[name]!);
    t.prep += performance.now() - s; s = performance.now();
    const folder = box.folder(hostDir);
    const out = await runProcess(box.wrap([...rt.command, `${folder}/${file}`], hostDir, 0, rt.paths), { cwd: hostDir, env: { PATH: '/usr/bin:/bin', HOME: folder }, limits: { timeoutMs: 10000, maxOutputBytes: 1e6 } });
    if (i === 0) console.log(JSON.stringify(out).slice(0, 200));
    t.run += performance.now() - s; s = performance.now();
    await box.sweep(0);
    t.sweep += performance.now() - s; s = performance.now();
    await rm(hostDir, { recursive: true, force: true });
    t.rm += performance.now() - s;
  }
  console.log(name, kind, Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v / N).toFixed(1)])));
}
await box.dispose(); await rm(workRoot, { recursive: true, force: true });

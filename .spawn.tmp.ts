import { spawn } from 'node:child_process';
const mb = Number(process.argv[2] ?? 0);
const keep: Buffer[] = []; for (let i = 0; i < mb; i++) keep.push(Buffer.alloc(1 << 20, 1));
const objs: object[] = []; for (let i = 0; i < mb * 2000; i++) objs.push({ a: i, b: String(i) });
const N = 50; let blocked = 0; const s = performance.now();
for (let i = 0; i < N; i++) {
  await new Promise<void>((r) => { const t = performance.now(); const c = spawn('/bin/true', [], { stdio: ['ignore', 'pipe', 'pipe'], detached: true }); blocked += performance.now() - t; c.on('close', () => r()); });
}
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB: spawn blocks ${(blocked / N).toFixed(2)} ms, total ${((performance.now() - s) / N).toFixed(2)} ms per /bin/true; uv ${process.versions.uv}`);

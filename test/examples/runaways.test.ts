import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExampleRunReport } from '../../src/examples/run-examples.ts';
import {
  copyFixture,
  ofFile,
  outcomeAt,
  ROOT,
  runContent,
  sharedTempDir,
  show,
  writeContent,
} from './helpers.ts';

const SECRET = 'KB_TEST_SECRET';
const PIDS_CGROUP = '/sys/fs/cgroup/pids';
/** Files the escaping examples try to create in the repository; none may exist afterwards. */
const escapeName = `escaped-${randomUUID().slice(0, 8)}`;
const escapeTargets = [
  path.join(ROOT, 'test/examples', `${escapeName}-py.txt`),
  path.join(ROOT, `${escapeName}-node.txt`),
];

let report: ExampleRunReport;
let elapsedMs: number;
let scratch: string;
let server: Server;
let connections = 0;

/** The examples that need this run's repository path or port, which a committed fixture cannot know. */
function generatedArticles(port: number): Record<string, string> {
  const front = (title: string) =>
    `---\ntitle: ${title}\ndescription: A generated article of the runaway examples.\ndate: 2025-01-01\n---\n\n`;
  return {
    't/escape.md': `${front('Can an example write outside its folder?')}\`\`\`python
open("/tmp/..${escapeTargets[0]}", "w").write("escaped")
\`\`\`

\`\`\`js
import { writeFileSync } from 'node:fs';

try {
  writeFileSync('${escapeTargets[1]}', 'escaped');
} catch (error) {
  console.error(\`refused: \${error.code}\`);
  process.exit(1);
}
\`\`\`
`,
    't/network-node.md': `${front('Can an example reach the host?')}\`\`\`js
const response = await fetch('http://127.0.0.1:${port}/').catch((error) => {
  console.error(\`fetch failed: \${error.cause?.code}\`);
  process.exit(1);
});
console.log(response.status);
\`\`\`

\`\`\`js
import net from 'node:net';

const socket = net.connect(${port}, '127.0.0.1');
socket.on('connect', () => {
  console.log('connected');
  socket.end();
});
socket.on('error', (error) => {
  console.error(\`connect failed: \${error.code}\`);
  process.exitCode = 1;
});
\`\`\`
`,
  };
}

beforeAll(async () => {
  scratch = await sharedTempDir();
  server = createServer((socket) => {
    connections++;
    socket.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const content = await copyFixture('runaways', path.join(scratch, 'content'));
  await writeContent(content, generatedArticles(port));
  process.env[SECRET] = 'correct horse battery staple';
  const started = performance.now();
  report = await runContent(content, { cacheFile: path.join(scratch, 'examples.json'), jobs: 2 });
  elapsedMs = performance.now() - started;
}, 60_000);

afterAll(async () => {
  delete process.env[SECRET];
  await new Promise((resolve) => server.close(resolve));
  await rm(scratch, { recursive: true, force: true });
  for (const target of escapeTargets) await rm(target, { force: true });
});

describe('runaway examples', () => {
  it('run in the sandbox, with processes capped by a cgroup', () => {
    expect(report.sandbox).toBe(
      'isolated with bubblewrap (no network, system folders read-only, no home folders, own folder writable), process count capped by cgroup',
    );
  });

  it('each end as a clear failure within its limit', () => {
    expect(elapsedMs).toBeLessThan(20_000);
    // The repository's path, this run's file names and Python's carets under them vary by machine.
    const text = show(report.diagnostics.filter((d) => d.file !== 't/passing.md'))
      .replaceAll(ROOT, '<repo>')
      .replaceAll(escapeName, 'escaped-<id>')
      .replace(/\^{3,}/g, '^^^');
    expect(text).toMatchInlineSnapshot(`
      "t/escape.md:7:1  error  example-failed
          the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
            | Traceback (most recent call last):
            |   File "/tmp/example/main.py", line 1, in <module>
            |     open("/tmp/..<repo>/test/examples/escaped-<id>-py.txt", "w").write("escaped")
            |     ^^^
            | FileNotFoundError: [Errno 2] No such file or directory: '/tmp/..<repo>/test/examples/escaped-<id>-py.txt'

      t/escape.md:11:1  error  example-failed
          the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
            | refused: EROFS

      t/flood.md:9:1  error  example-output-limit
          the example printed more than 1 MB and was stopped

      t/fork-bomb.md:11:1  error  example-timeout
          the example did not finish within 2 s and was stopped; make it faster or raise the limit with \`timeout=10s\` in the fence

      t/loop.md:9:1  error  example-timeout
          the example did not finish within 1 s and was stopped; make it faster or raise the limit with \`timeout=10s\` in the fence

      t/network-node.md:7:1  error  example-failed
          the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
            | fetch failed: ECONNREFUSED

      t/network-node.md:15:1  error  example-failed
          the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
            | connect failed: ECONNREFUSED

      t/network.md:9:1  error  example-failed
          the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
            | no network: Network is unreachable"
    `);
  });

  it('leave the other examples of the same run passing', () => {
    expect(ofFile(report.diagnostics, 't/passing.md')).toEqual([]);
    expect(outcomeAt(report, 't/passing.md', 9)?.passed).toBe(true);
    expect(outcomeAt(report, 't/passing.md', 17)?.passed).toBe(true);
    expect(outcomeAt(report, 't/passing.md', 27)?.passed).toBe(true);
    expect(outcomeAt(report, 't/environment.md', 9)?.passed).toBe(true);
    expect(report.counts).toEqual({ total: 14, ran: 14, cached: 0, notRun: 0, failed: 8 });
  });

  it('a fork bomb is held by the process cap and leaves nothing running', async () => {
    const counted = outcomeAt(report, 't/fork-bomb.md', 23);
    expect(counted?.passed).toBe(true);
    const children = Number(/after (\d+) children/.exec(counted?.printed ?? '')?.[1]);
    expect(children).toBeGreaterThan(100);
    expect(children).toBeLessThan(128);
    // A pids cgroup can only be removed once empty: none left means no process outlived the run.
    const groups = (await readdir(PIDS_CGROUP)).filter((name) =>
      name.startsWith(`proven-kb-${process.pid}-`),
    );
    expect(groups).toEqual([]);
    // And the machine still starts processes.
    expect(execFileSync('/bin/echo', ['fine'], { encoding: 'utf8', timeout: 5_000 })).toBe('fine\n');
  });

  it('a write outside the example’s folder fails, and the file does not exist afterwards', async () => {
    for (const target of escapeTargets) await expect(stat(target)).rejects.toThrow(/ENOENT/);
  });

  it('a connection to the host’s loopback never reaches it', () => {
    expect(connections).toBe(0);
  });

  it('the caller’s environment is not visible to the example', () => {
    expect(ofFile(report.diagnostics, 't/environment.md')).toEqual([]);
    expect(outcomeAt(report, 't/environment.md', 23)).toEqual({
      passed: true,
      printed: 'KB_TEST_SECRET: not set\n',
    });
  });
});

import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectExamples, type Example } from '../../src/examples/collect-examples.ts';
import { createForkServers, type ForkServers } from '../../src/examples/python-fork-server.ts';
import { importedModules } from '../../src/examples/python-fork-plan.ts';
import { createWorkRoot } from '../../src/examples/run-example.ts';
import { cleanEnvironment, runProgram, type RunContext } from '../../src/examples/run-program.ts';
import { resolveRuntimes, type ResolvedRuntime } from '../../src/examples/runtime-versions.ts';
import { DEFAULT_RUNTIMES } from '../../src/examples/runtimes.ts';
import { createSandbox, type Sandbox } from '../../src/examples/sandbox.ts';
import { isolationStatus, loadContent, ROOT, runContent, tempDir, writeContent } from './helpers.ts';

const SANDBOXES = ['bubblewrap', 'unshare'] as const;
const status = Object.fromEntries(
  await Promise.all(SANDBOXES.map(async (kind) => [kind, await isolationStatus(kind)] as const)),
);
const LIMITS = { timeoutMs: 10_000, maxOutputBytes: 64 * 1024 };

function article(title: string, blocks: string): string {
  return `---\ntitle: ${title}\ndescription: A test of the Python fork server.\ndate: 2025-01-01\n---\n\n${blocks}`;
}

/** The Python examples of one article, in order. */
async function examplesOf(code: Record<string, string>): Promise<Example[]> {
  const dir = await tempDir();
  const content = path.join(dir, 'content');
  await writeContent(
    content,
    Object.fromEntries(
      Object.entries(code).map(([name, body]) => [`t/${name}.md`, article(`${name}?`, body)]),
    ),
  );
  const { documents } = await loadContent(content);
  return documents.flatMap((doc) => collectExamples(doc, DEFAULT_RUNTIMES));
}

const fence = (code: string, output?: string) =>
  `\`\`\`python\n${code}\n\`\`\`\n${output === undefined ? '' : `\n**Output:**\n\n\`\`\`text\n${output}\n\`\`\`\n`}\n`;

for (const kind of SANDBOXES) {
  const { usable } = status[kind]!;

  describe.skipIf(!usable)(`a Python example forked from a warm interpreter (${kind})`, () => {
    let sandbox: Sandbox;
    let workRoot: string;
    let servers: ForkServers;
    let python: ResolvedRuntime;
    const context = (forked: boolean): RunContext => ({
      sandbox,
      workRoot,
      slot: 0,
      limits: LIMITS,
      forkServers: forked ? servers : undefined,
    });

    beforeAll(async () => {
      sandbox = await createSandbox({ env: process.env, slots: 2, kinds: [kind] });
      workRoot = await createWorkRoot(tmpdir());
      python = (await resolveRuntimes(DEFAULT_RUNTIMES, ['python'], { root: ROOT, env: process.env })).get(
        'python',
      )!;
      servers = createForkServers({
        sandbox,
        workRoot,
        serverSlot: (slot) => slot + 1,
        imports: new Map([['python', ['asyncio', 'json']]]),
        environment: cleanEnvironment,
      });
    });
    afterAll(async () => {
      await servers.close();
      await sandbox.dispose();
      await rm(workRoot, { recursive: true, force: true });
    });

    it('sees what a fresh `python3 main.py` sees, and fails as it does', async () => {
      const [example] = await examplesOf({
        a: fence(
          [
            'import sys',
            'print(list(globals()), __file__, sys.argv, __loader__.name, __spec__, __name__)',
            'def fail():',
            '    raise ValueError("no")',
            'fail()',
          ].join('\n'),
        ),
      });
      const forked = await runProgram(example!, [], python, context(true));
      const fresh = await runProgram(example!, [], python, context(false));
      expect(forked.forked).toBe(true);
      expect(fresh.forked).toBe(false);
      expect(fresh.stderr).toContain('ValueError: no');
      expect(forked.stdout).toBe(fresh.stdout);
      expect(forked.stderr).toBe(fresh.stderr);
      expect(forked.process.exitCode).toBe(1);
      expect(fresh.process.exitCode).toBe(1);
    });

    it('ends as the interpreter does: `SystemExit`, syntax errors, threads, exit functions', async () => {
      const examples = await examplesOf({
        a: fence('import sys\nprint("leaving")\nsys.exit("bye")'),
        b: fence('x = (\n'),
        c: fence(
          [
            'import atexit, sys, threading, time',
            'atexit.register(print, "exit functions run")',
            'def late():',
            '    time.sleep(0.2)',
            '    print("threads are waited for")',
            'threading.Thread(target=late).start()',
            'sys.exit(3)',
          ].join('\n'),
        ),
      });
      for (const example of examples) {
        const forked = await runProgram(example, [], python, context(true));
        const fresh = await runProgram(example, [], python, context(false));
        expect(forked.forked).toBe(true);
        expect([forked.stdout, forked.stderr, forked.process.exitCode]).toEqual([
          fresh.stdout,
          fresh.stderr,
          fresh.process.exitCode,
        ]);
      }
    });

    it('cannot read the server’s memory, and leaves no process for the next example', async () => {
      const [probe, daemon] = await examplesOf({
        a: fence(
          [
            'import os',
            // Found by its command line: code that asks for process ids runs afresh.
            'pids = [p for p in os.listdir("/proc") if p.isdigit()]',
            'server = [p for p in pids if b"_kb_serve" in open(f"/proc/{p}/cmdline", "rb").read()][0]',
            'try:',
            '    open(f"/proc/{server}/mem", "rb").read(1)',
            '    print("read")',
            'except OSError:',
            '    print("refused")',
            'print(len(pids))',
          ].join('\n'),
        ),
        b: fence(
          [
            'import os, time',
            'if os.fork() == 0:',
            '    os.setsid()',
            '    if os.fork() == 0:',
            '        time.sleep(30)',
            '    os._exit(0)',
            'print("started")',
          ].join('\n'),
        ),
      });
      const before = await runProgram(probe!, [], python, context(true));
      expect(before.forked).toBe(true);
      expect(before.stdout.split('\n')[0]).toBe('refused');
      const left = await runProgram(daemon!, [], python, context(true));
      expect(left.stdout).toBe('started\n');
      const after = await runProgram(probe!, [], python, context(true));
      // As many processes as before the daemon: it went with the example that started it.
      expect(after.stdout).toBe(before.stdout);
    });

    it('runs the example afresh when it kills the server, and starts another for the next', async () => {
      const [killer, plain] = await examplesOf({
        a: fence('import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nprint("still here")'),
        b: fence('print(6 * 7)'),
      });
      const killed = await runProgram(killer!, [], python, context(true));
      expect(killed.forked).toBe(false);
      expect(killed.stdout).toBe('still here\n');
      const next = await runProgram(plain!, [], python, context(true));
      expect(next.forked).toBe(true);
      expect(next.stdout).toBe('42\n');
    });
  });

  describe.skipIf(!usable)(`the verdict of a forked Python example (${kind})`, () => {
    it('is decided afresh unless the fork passes, and afresh for code that looks at the interpreter', async () => {
      const dir = await tempDir();
      const content = path.join(dir, 'content');
      // A forked example runs a few frames deeper than a fresh one, from a longer command line.
      const depth = 'import inspect\nprint(len(inspect.stack()))';
      await writeContent(content, {
        't/depth.md': article('Depth?', fence(depth, '1')),
        't/forked-depth.md': article('Forked depth?', fence(depth, '4')),
        't/argv.md': article('Argv?', fence('import sys\nprint(len(sys.orig_argv))', '5')),
        // Printed as the interpreter tears the module down, which a forked child skips.
        't/teardown.md': article(
          'Teardown?',
          fence(
            'class Noisy:\n    def __del__(self):\n        print("gone")\n\nkept = Noisy()\nprint("made")',
            'made',
          ),
        ),
        't/asyncio.md': article(
          'Asyncio?',
          fence('import asyncio\nprint(asyncio.run(asyncio.sleep(0, "done")))', 'done'),
        ),
      });
      const report = await runContent(content, {
        cacheFile: path.join(dir, 'cache.json'),
        isolation: [kind],
        jobs: 1,
      });
      expect(report.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
        ['t/forked-depth.md', 'example-output-mismatch'],
        ['t/teardown.md', 'example-output-mismatch'],
      ]);
    });
  });
}

describe('a fork server that cannot start', () => {
  it('leaves its slot to fresh processes after a few tries', async () => {
    const workRoot = await tempDir();
    const python = (
      await resolveRuntimes(DEFAULT_RUNTIMES, ['python'], { root: ROOT, env: process.env })
    ).get('python')!;
    let starts = 0;
    const sandbox = {
      kind: 'bubblewrap',
      ownProcesses: true,
      description: 'a sandbox whose program is missing',
      notEnforced: [],
      folder: (hostDir: string) => hostDir,
      wrap: () => {
        starts++;
        return [path.join(workRoot, 'no-such-program')];
      },
      sweep: async () => undefined,
      abort: () => undefined,
      dispose: async () => undefined,
    } satisfies Sandbox;
    const servers = createForkServers({
      sandbox,
      workRoot,
      serverSlot: (slot) => slot + 1,
      imports: new Map(),
      environment: cleanEnvironment,
    });
    for (let i = 0; i < 6; i++) expect(await servers.lease(0, python)).toBeUndefined();
    expect(starts).toBe(2);
    await servers.close();
  });
});

describe('the modules a Python example imports', () => {
  it('are read from its import statements, its earlier blocks’ and a session’s', async () => {
    const [first, second, session] = await examplesOf({
      a: [
        fence('import asyncio, json as j\nfrom collections.abc import Mapping\nfrom . import nothing'),
        fence('import os.path\n\ndef f():\n    import re', undefined).replace(
          '```python',
          '```python continue',
        ),
        fence('>>> import fractions\n>>> 1'),
      ].join(''),
    });
    expect(importedModules(first!).sort()).toEqual(['asyncio', 'collections.abc', 'json']);
    expect(importedModules(second!).sort()).toEqual(['asyncio', 'collections.abc', 'json', 'os.path', 're']);
    expect(importedModules(session!)).toEqual(expect.arrayContaining(['fractions', 'doctest']));
  });
});

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IsolationKind } from '../../src/examples/sandbox.ts';
import {
  checkCli,
  copyFixture,
  isolationStatus,
  processesWith,
  ROOT,
  sharedTempDir,
  survivors,
  writeContent,
  type CliResult,
} from './helpers.ts';
import { isAlive } from '../../src/core/process-alive.ts';
import { groupOwner } from '../../src/examples/process-groups.ts';

const SECRET = 'KB_TEST_SECRET';
const PIDS_CGROUP = '/sys/fs/cgroup/pids';
const MARKER = 'kb-runaway-';
const SANDBOXES = ['bubblewrap', 'unshare'] as const;
const status = Object.fromEntries(
  await Promise.all(SANDBOXES.map(async (kind) => [kind, await isolationStatus(kind)] as const)),
);
const isRoot = process.getuid?.() === 0;

/** The examples that need this run's repository path or port, which a committed fixture cannot know. */
function generatedArticles(port: number, escapeTargets: readonly string[]): Record<string, string> {
  const front = (title: string) =>
    `---\ntitle: ${title}\ndescription: A generated article of the runaway examples.\ndate: 2025-01-01\n---\n\n`;
  return {
    // How the write fails differs (bubblewrap shows no repository, unshare a read-only one); that it fails does not.
    't/escape.md': `${front('Can an example write outside its folder?')}\`\`\`python
try:
    open("/tmp/..${escapeTargets[0]}", "w").write("escaped")
except OSError:
    raise SystemExit("refused")
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

/** One checker run of the runaway fixture, as a person would start it, and what it left behind. */
interface RunawayRun {
  result: CliResult;
  /** The examples' findings, as a person reads them; paths that vary by machine replaced. */
  findings: string;
  /** What is left in the folder the checker made its temporary folders in. */
  leftovers: string[];
  survivors: string[];
  connections: number;
  escapeTargets: string[];
}

/** The example findings of a JSON report, `file:line:col  severity  rule-id`, the message indented below. */
function exampleFindings(stdout: string, replacements: [string, string][]): string {
  const rows = JSON.parse(stdout) as {
    file: string;
    line: number;
    column: number;
    severity: string;
    message: string;
    ruleId: string;
  }[];
  let text = rows
    .filter((row) => row.ruleId.startsWith('example-'))
    .map(
      (row) =>
        `${row.file.replace('<site>/', '')}:${row.line}:${row.column}  ${row.severity}  ${row.ruleId}\n${row.message
          .split('\n')
          .map((line) => `    ${line}`)
          .join('\n')}`,
    )
    .join('\n\n');
  for (const [from, to] of replacements) text = text.replaceAll(from, to);
  // Python's carets under an expression vary with its version.
  return text.replace(/\^{3,}/g, '^^^');
}

/** Runs the runaway fixture (or the `only` articles of it) through `npm run check` with one isolation kind. */
async function runRunaways(kind: IsolationKind, only?: readonly string[]): Promise<RunawayRun> {
  const scratch = await sharedTempDir();
  const escapeName = `escaped-${randomUUID().slice(0, 8)}`;
  const escapeTargets = [
    path.join(ROOT, 'test/examples', `${escapeName}-py.txt`),
    path.join(ROOT, `${escapeName}-node.txt`),
  ];
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    socket.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    const content = await copyFixture('runaways', path.join(scratch, 'content'));
    if (only) {
      for (const file of await readdir(path.join(content, 't')))
        if (!only.includes(file)) await rm(path.join(content, 't', file));
    } else {
      await writeContent(content, generatedArticles(port, escapeTargets));
    }
    const temporary = path.join(scratch, 'tmp');
    await mkdir(temporary);
    const result = await checkCli(content, ['--no-cache', '--format', 'json', '--jobs', '2'], {
      KB_ISOLATION: kind,
      [SECRET]: 'correct horse battery staple',
      TMPDIR: temporary,
    });
    return {
      result,
      findings: exampleFindings(result.stdout, [
        [ROOT, '<repo>'],
        [escapeName, 'escaped-<id>'],
      ]),
      leftovers: await readdir(temporary),
      survivors: await survivors(MARKER),
      connections,
      escapeTargets,
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await rm(scratch, { recursive: true, force: true });
    for (const target of escapeTargets) await rm(target, { force: true });
  }
}

const runs = new Map<IsolationKind, RunawayRun>();

describe.each(SANDBOXES)('runaway examples, isolated with %s', (kind) => {
  const { usable, reason } = status[kind]!;
  let run: RunawayRun;
  beforeAll(async () => {
    if (!usable) return;
    run = await runRunaways(kind);
    runs.set(kind, run);
  }, 120_000);

  it.skipIf(!usable)(
    `says it isolates with ${kind}, and survives an example that kills its parent${reason && ` (${reason})`}`,
    () => {
      expect(run.result.signal).toBeNull();
      expect(run.result.code).toBe(1);
      expect(run.result.stderr).toContain(`  isolation: ${kind}: no network`);
      if (isRoot) expect(run.result.stderr).toContain('at most 128 processes');
    },
  );

  it.skipIf(!usable)(
    'ends each runaway as a clear failure within its limit, as with any other sandbox',
    () => {
      // The same findings whichever sandbox runs them: the first sandbox's are pinned, the others must equal them.
      const first = runs.get(SANDBOXES.find((k) => runs.has(k))!)!;
      expect(run.findings).toBe(first.findings);
      expect(run.findings).toMatchInlineSnapshot(`
        "t/escape.md:7:1  error  example-failed
            the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
              | refused

        t/escape.md:14:1  error  example-failed
            the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
              | refused: EROFS

        t/flood.md:9:1  error  example-output-limit
            the example printed more than 1 MB and was stopped

        t/fork-bomb.md:11:1  error  example-timeout
            the example did not finish within 2 s and was stopped; make it faster or raise the limit with \`timeout=4s\` in the fence

        t/limits.md:9:1  error  example-failed
            the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
              | refused: File too large

        t/limits.md:17:1  error  example-failed
            the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
              | refused: MemoryError

        t/loop.md:9:1  error  example-timeout
            the example did not finish within 1 s and was stopped; make it faster or raise the limit with \`timeout=2s\` in the fence

        t/network-node.md:7:1  error  example-failed
            the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
              | fetch failed: ECONNREFUSED

        t/network-node.md:15:1  error  example-failed
            the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
              | connect failed: ECONNREFUSED

        t/network.md:9:1  error  example-needs-network
            the example tried to reach \`1.1.1.1:80\` but examples run without a network; mark it \`norun\` and show its output as text, or make it talk to a server it starts itself"
      `);
    },
  );

  it.skipIf(!usable)('leaves no process, folder or process group behind', async () => {
    expect(run.survivors).toEqual([]);
    expect(run.leftovers).toEqual([]);
    // A process group can only be removed once empty; each left must belong to a checker still running.
    const owners = (await readdir(PIDS_CGROUP).catch(() => [] as string[]))
      .map(groupOwner)
      .filter((owner) => owner !== undefined);
    expect(owners.filter((owner) => !isAlive(owner))).toEqual([]);
    // And the machine still starts processes.
    expect(execFileSync('/bin/echo', ['fine'], { encoding: 'utf8', timeout: 5_000 })).toBe('fine\n');
  });

  it.skipIf(!usable)(
    'keeps writes outside the example’s folder and connections to the host from happening',
    async () => {
      for (const target of run.escapeTargets) await expect(stat(target)).rejects.toThrow(/ENOENT/);
      expect(run.connections).toBe(0);
    },
  );
});

describe('runaway examples without isolation (`KB_ISOLATION=none`)', () => {
  let run: RunawayRun;
  beforeAll(async () => {
    run = await runRunaways('none', [
      'setsid.md',
      'daemon.md',
      'parent.md',
      'environ.md',
      'immutable.md',
      'loop.md',
      'passing.md',
    ]);
  }, 120_000);

  it('say so, and what they do not enforce', () => {
    expect(run.result.stderr).toMatch(
      /^ {2}isolation: NOT isolated: .*; not enforced: network, writes outside its folder/m,
    );
  });

  it('still keep the time limit, the checker alive and its folders clean; what they cannot stop shows', () => {
    expect(run.result.signal).toBeNull();
    expect(run.leftovers).toEqual([]);
    // Killing its parent kills only the shell between the checker and the example; the
    // checker's environment is readable to an example running as the same user.
    expect(run.findings.replace(/\/tmp\/\S*/g, '<tmp>')).toMatchInlineSnapshot(`
      "t/environ.md:9:1  error  example-output-mismatch
          the example printed something other than its output block:
            --- expected
            +++ actual
            @@ -1,1 +1,1 @@
            -the secret is not visible
            +the secret is visible

      t/loop.md:9:1  error  example-timeout
          the example did not finish within 1 s and was stopped; make it faster or raise the limit with \`timeout=2s\` in the fence

      t/parent.md:9:1  error  example-failed
          the example was killed by SIGKILL (out of memory?); mark it \`throws\` if that is the point"
    `);
  });

  it.skipIf(!isRoot)('with a process cgroup (as root), leave no process behind', () => {
    expect(run.survivors).toEqual([]);
  });
});

describe.each([...SANDBOXES, 'none'] as const)('Ctrl-C of the checker, with %s', (kind) => {
  const { usable, reason } = kind === 'none' ? { usable: true, reason: '' } : status[kind]!;
  it.skipIf(!usable || (kind === 'none' && !isRoot))(
    `stops the running example and all it started${reason && ` (${reason})`}`,
    async () => {
      const scratch = await sharedTempDir();
      const temporary = path.join(scratch, 'tmp');
      await mkdir(temporary);
      try {
        const content = await copyFixture('interrupt', path.join(scratch, 'content'));
        const result = await checkCli(
          content,
          ['--no-cache'],
          { KB_ISOLATION: kind, TMPDIR: temporary },
          (child) => {
            // Interrupt once the example and its detached child both run.
            const poll = setInterval(() => {
              void processesWith(`${MARKER}interrupt-`).then((found) => {
                if (found.length >= 2) {
                  clearInterval(poll);
                  child.kill('SIGINT');
                }
              });
            }, 200);
            child.on('close', () => clearInterval(poll));
          },
        );
        expect(result.signal).toBe('SIGINT');
        expect(await survivors(`${MARKER}interrupt-`)).toEqual([]);
        expect(await readdir(temporary)).toEqual([]);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

import { execFileSync } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExecutable } from '../../src/examples/runtime-versions.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { outcomeAt, runContent, show, tempDir, writeContent } from './helpers.ts';

const front = (title: string) =>
  `---\ntitle: ${title}\ndescription: An article of the environment tests.\ndate: 2025-01-01\n---\n\n`;

/** An article whose one example prints the interpreter, its version and its prefix. */
const WHICH_PYTHON = `${front('Which Python runs the examples?')}\`\`\`python
import platform
import sys

print(sys.executable)
print(platform.python_version())
print(sys.prefix)
\`\`\`
`;

const MISSING = `${front('What if a module is missing?')}\`\`\`python
import kb_fixture_absent_package
\`\`\`

\`\`\`python
from urllib.request import urlopen

urlopen("https://api.example.invalid/status", timeout=5)
\`\`\`
`;

/** Where the system's own `python3` is, which needs no environment of its own (as a pyenv shim does). */
const SYSTEM_FOLDERS = '/usr/local/bin:/usr/bin:/bin';
const hasSystemPython = await requireTool(
  {
    name: `a \`python3\` in ${SYSTEM_FOLDERS.replaceAll(':', ', ')}`,
    install: 'apt-get install python3',
    available: async () => (await findExecutable('python3', SYSTEM_FOLDERS)) !== undefined,
  },
  'the tests of a second Python (a launcher, a virtualenv)',
);

/** A second Python: a virtualenv without pip (made in a second or two) of the system's `python3`. */
async function makeVirtualenv(dir: string): Promise<string> {
  const python = (await findExecutable('python3', SYSTEM_FOLDERS))!;
  execFileSync(python, ['-m', 'venv', '--without-pip', path.join(dir, 'venv')], { timeout: 60_000 });
  return path.join(dir, 'venv', 'bin', 'python');
}

const pyenvRoot = process.env['PYENV_ROOT'] ?? path.join(process.env['HOME'] ?? '/root', '.pyenv');
const PYENV_VERSIONS = ['3.11.7', '3.12.1', '3.13.0'];
const pyenvShim = await findExecutable('python3', path.join(pyenvRoot, 'shims'));
await requireTool(
  {
    name: `pyenv (its shims in ${path.join(pyenvRoot, 'shims')})`,
    install: `install pyenv and one of Python ${PYENV_VERSIONS.join(', ')} with it`,
    available: () => pyenvShim !== undefined,
  },
  'the test of pyenv’s shim',
  { optionalInCi: true },
);

describe('the interpreter that runs Python examples', () => {
  it('is the one a launcher on PATH resolves to in the caller’s environment, and a change of it is a new cache key', async ({
    skip,
  }) => {
    skip(!hasSystemPython);
    const dir = await tempDir();
    const venv = await makeVirtualenv(dir);
    const system = (await findExecutable('python3', SYSTEM_FOLDERS))!;
    // A launcher, like pyenv's shims, that needs a variable of the caller's environment.
    const bin = path.join(dir, 'bin');
    await mkdir(bin);
    await writeFile(path.join(bin, 'python3'), '#!/bin/sh\nexec "$KB_TEST_REAL_PYTHON" "$@"\n');
    await chmod(path.join(bin, 'python3'), 0o755);
    const content = path.join(dir, 'content');
    await writeContent(content, { 't/which.md': WHICH_PYTHON });
    const cacheFile = path.join(dir, 'examples.json');
    const run = (real: string) =>
      runContent(content, {
        cacheFile,
        useCache: true,
        env: { ...process.env, PATH: `${bin}:${process.env['PATH']}`, KB_TEST_REAL_PYTHON: real },
      });

    const first = await run(system);
    const printed = outcomeAt(first, 't/which.md', 7)?.printed.split('\n') ?? [];
    expect(printed[0]).toBe(first.runtimes.get('python')?.executable);
    expect(first.runtimes.get('python')?.label).toBe(`Python ${printed[1]}`);
    expect(first.counts).toMatchObject({ ran: 1, cached: 0 });

    const second = await run(venv);
    expect(second.runtimes.get('python')?.executable).toBe(venv);
    expect(outcomeAt(second, 't/which.md', 7)?.printed.split('\n')[2]).toBe(path.join(dir, 'venv'));
    expect(second.counts).toMatchObject({ ran: 1, cached: 0 });
    expect((await run(venv)).counts).toMatchObject({ ran: 0, cached: 1 });
  }, 120_000);

  it.skipIf(!pyenvShim)(
    'follows `PYENV_VERSION` through pyenv’s shim, for each installed 3.x',
    async () => {
      const dir = await tempDir();
      const content = path.join(dir, 'content');
      await writeContent(content, { 't/which.md': WHICH_PYTHON });
      const cacheFile = path.join(dir, 'examples.json');
      const seen: string[] = [];
      for (const version of PYENV_VERSIONS) {
        const report = await runContent(content, {
          cacheFile,
          useCache: true,
          env: {
            ...process.env,
            PATH: `${path.dirname(pyenvShim!)}:${process.env['PATH']}`,
            PYENV_VERSION: version,
          },
        });
        if (report.runtimes.get('python')?.problem) continue; // Not installed here.
        expect(outcomeAt(report, 't/which.md', 7)?.printed.split('\n')[1]).toBe(version);
        expect(report.runtimes.get('python')?.label).toBe(`Python ${version}`);
        expect(report.counts).toMatchObject({ ran: 1, cached: 0 });
        seen.push(version);
      }
      expect(seen.length).toBeGreaterThan(0);
    },
    120_000,
  );

  it('can be a virtualenv’s Python named in the settings, and then missing modules point to its requirements file', async ({
    skip,
  }) => {
    skip(!hasSystemPython);
    const dir = await tempDir();
    const venv = await makeVirtualenv(dir);
    const content = path.join(dir, 'content');
    await writeContent(content, { 't/which.md': WHICH_PYTHON, 't/missing.md': MISSING });
    await writeFile(path.join(dir, 'requirements.txt'), 'kb-fixture-absent-package==1.0\n');
    const report = await runContent(content, {
      cacheFile: path.join(dir, 'examples.json'),
      root: dir,
      settings: {
        environments: { python: { interpreter: 'venv/bin/python', requirements: 'requirements.txt' } },
      },
    });
    expect(outcomeAt(report, 't/which.md', 7)?.printed.split('\n')[2]).toBe(path.join(dir, 'venv'));
    const python = report.runtimes.get('python')!;
    expect(python.executable).toBe(venv);
    expect(
      show(report.diagnostics.filter((d) => d.file === 't/missing.md'))
        .replaceAll(python.label, 'Python <version>')
        .replaceAll(dir, '<project>'),
    ).toMatchInlineSnapshot(`
      "t/missing.md:7:1  error  example-missing-module
          \`kb_fixture_absent_package\` is not installed for Python <version> at \`<project>/venv/bin/python\`; add it to \`requirements.txt\` and install that file there (\`<project>/venv/bin/python -m pip install -r requirements.txt\`), or mark the example \`norun\`

      t/missing.md:11:1  error  example-needs-network
          the example tried to reach \`api.example.invalid:443\` but examples run without a network; mark it \`norun\` and show its output as text, or make it talk to a server it starts itself"
    `);
  }, 120_000);

  it('is named in a runtime problem when the settings name one that does not exist', async () => {
    const dir = await tempDir();
    const content = path.join(dir, 'content');
    await writeContent(content, { 't/which.md': WHICH_PYTHON });
    const report = await runContent(content, {
      cacheFile: path.join(dir, 'examples.json'),
      settings: { environments: { python: { interpreter: '.venv/bin/python' } } },
    });
    expect(show(report.diagnostics)).toMatchInlineSnapshot(`
      "t/which.md:7:1  error  example-runtime-missing
          this \`python\` example cannot run: \`.venv/bin/python\` (examples.environments.python.interpreter in the site settings) does not exist or is not executable; install it or mark the example \`norun\`"
    `);
  });
});

describe('rule levels of the site settings', () => {
  it('apply to the examples’ findings: a missing module made a warning, a network need switched off', async () => {
    const dir = await tempDir();
    const content = path.join(dir, 'content');
    await writeContent(content, { 't/missing.md': MISSING });
    const report = await runContent(content, {
      cacheFile: path.join(dir, 'examples.json'),
      rules: { 'example-missing-module': 'warning', 'example-needs-network': 'off' },
    });
    expect(report.diagnostics.map((d) => `${d.line} ${d.severity} ${d.ruleId}`)).toEqual([
      '7 warning example-missing-module',
    ]);
    expect(report.counts.failed).toBe(0);
  }, 60_000);
});

describe('the time limit of the site settings', () => {
  it('applies to examples whose fence sets none', async () => {
    const dir = await tempDir();
    const content = path.join(dir, 'content');
    await writeContent(content, {
      't/slow.md': `${front('How slow?')}\`\`\`python\nimport time\n\ntime.sleep(3)\n\`\`\`\n\n\`\`\`python timeout=5s\nimport time\n\ntime.sleep(3)\n\`\`\`\n`,
    });
    const report = await runContent(content, {
      cacheFile: path.join(dir, 'examples.json'),
      settings: { timeout: '1s' },
    });
    expect(report.diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toEqual(['7 example-timeout']);
  }, 60_000);
});

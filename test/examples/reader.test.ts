import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExampleRunReport } from '../../src/examples/run-examples.ts';
import { FIXTURES, ofFile, outcomeAt, runContent, sharedTempDir, show } from './helpers.ts';

const FIXTURE = path.join(FIXTURES, 'reader');

// One run of the whole fixture; each test reads its article's part of the verdict.
let report: ExampleRunReport;
let scratch: string;
beforeAll(async () => {
  scratch = await sharedTempDir();
  report = await runContent(FIXTURE, { cacheFile: path.join(scratch, 'examples.json') });
}, 120_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The findings of one article, with the machine's interpreter paths replaced. */
function findings(file: string): string {
  const python = report.runtimes.get('python');
  const node = report.runtimes.get('javascript');
  return show(ofFile(report.diagnostics, file))
    .replaceAll(`${python?.label} at \`${python?.executable}\``, 'Python <version> at `<python>`')
    .replaceAll(`${python?.executable} -m pip`, '<python> -m pip')
    .replaceAll(`${node?.label} at \`${node?.executable}\``, 'Node.js <version> at `<node>`')
    .replace(/\^{3,}/g, '^^^');
}

describe('console sessions', () => {
  it('pass when every value shown is what Python prints: `pycon`, `>>>` in a `python` block, `...`, an expected error', () => {
    for (const line of [11, 21, 34])
      expect(outcomeAt(report, 't/sessions.md', line)?.passed, `line ${line}`).toBe(true);
  });

  it('report the first wrong value at its own line, an empty one at its statement, an undefined name as an error', () => {
    expect(findings('t/sessions.md')).toMatchInlineSnapshot(`
      "t/sessions.md:46:1  error  example-output-mismatch
          \`>>> shelf[1:3]\` prints something other than the session shows:
            --- expected
            +++ actual
            @@ -1,1 +1,1 @@
            -['bible']
            +['bible', 'codex']

      t/sessions.md:55:1  error  example-output-mismatch
          \`>>> width = 4 * 3\` prints nothing, but the session shows a value after it:
            | 12

      t/sessions.md:61:1  error  example-failed
          \`>>> area_of(3, 4)\` raised an error the session does not show:
            | NameError: name 'area_of' is not defined

      t/sessions.md:77:1  info  example-fragment
          this block uses \`rectangle\`, which the block at line 67 defines, so it was run after the article's earlier blocks; add \`continue\` to its fence to say so

      t/sessions.md:81:1  info  example-fragment
          this block uses \`label\`, which the block at line 77 defines, so it was run after the article's earlier blocks; add \`continue\` to its fence to say so"
    `);
  });
});

describe('sessions with the blocks around them', () => {
  it('continue a block, and define what a later block uses; the errors an earlier session shows do not stop them', () => {
    expect(outcomeAt(report, 't/sessions.md', 72)?.passed).toBe(true);
    expect(outcomeAt(report, 't/sessions.md', 77)?.passed).toBe(true);
    expect(outcomeAt(report, 't/sessions.md', 81)).toEqual({ passed: true, printed: '10 m²\n' });
  });
});

describe('fragments', () => {
  it('run after the earlier blocks of their article and language when they use a name those define, with a note', () => {
    expect(outcomeAt(report, 't/fragments.md', 22)).toEqual({ passed: true, printed: '75.0\n' });
    expect(outcomeAt(report, 't/fragments.md', 57)).toEqual({ passed: true, printed: 'AL\n' });
  });

  it('are judged by that run, and fail as before when nothing defines the name', () => {
    expect(findings('t/fragments.md')).toMatchInlineSnapshot(`
      "t/fragments.md:22:1  info  example-fragment
          this block uses \`percent\`, which the block at line 9 defines, so it was run after the article's earlier blocks; add \`continue\` to its fence to say so

      t/fragments.md:32:1  info  example-fragment
          this block uses \`percent\`, which the block at line 9 defines, so it was run after the article's earlier blocks; add \`continue\` to its fence to say so

      t/fragments.md:32:1  error  example-output-mismatch
          the example printed something other than its output block:
            --- expected
            +++ actual
            @@ -1,1 +1,1 @@
            -33.4
            +33.3

      t/fragments.md:42:1  error  example-failed
          the example exited with code 1; mark it \`throws\` if that is the point; its last lines of stderr:
            | Traceback (most recent call last):
            |   File "/tmp/example/main.py", line 1, in <module>
            |     print(ratio(1, 3))
            |           ^^^
            | NameError: name 'ratio' is not defined

      t/fragments.md:57:1  info  example-fragment
          this block uses \`initials\`, which the block at line 48 defines, so it was run after the article's earlier blocks; add \`continue\` to its fence to say so"
    `);
  });
});

describe('what the environment lacks', () => {
  it('names a missing module and the interpreter it is missing from, and the host a network call tried', () => {
    expect(findings('t/environment.md')).toMatchInlineSnapshot(`
      "t/environment.md:9:1  error  example-missing-module
          \`kb_fixture_absent_package\` is not installed for Python <version> at \`<python>\`; install it there (\`<python> -m pip install kb_fixture_absent_package\`), or name a Python that has it in \`examples.environments.python.interpreter\` in the site settings; or mark the example \`norun\`

      t/environment.md:16:1  error  example-missing-module
          \`kb_fixture_absent_package\` is not installed for Python <version> at \`<python>\`; install it there (\`<python> -m pip install kb_fixture_absent_package\`), or name a Python that has it in \`examples.environments.python.interpreter\` in the site settings; or mark the example \`norun\`

      t/environment.md:19:1  error  example-missing-module
          \`kb-fixture-absent-package\` is not installed for Node.js <version> at \`<node>\`; examples run in a folder of their own, where only the modules built into Node.js can be imported; mark the example \`norun\`

      t/environment.md:25:1  error  example-needs-network
          the example tried to reach \`api.example.invalid:443\` but examples run without a network; mark it \`norun\` and show its output as text, or make it talk to a server it starts itself

      t/environment.md:32:1  error  example-needs-network
          the example tried to reach \`api.example.invalid\` but examples run without a network; mark it \`norun\` and show its output as text, or make it talk to a server it starts itself"
    `);
  });
});

describe('unstable output', () => {
  it('is a warning naming the part that changes and how to write it, not a mismatch', () => {
    expect(findings('t/unstable.md').replace(/took \d+ ns/g, 'took <n> ns')).toMatchInlineSnapshot(`
      "t/unstable.md:9:1  warning  example-output-unstable
          the example printed something different on a second run, so no output block can show what every run prints; where it changes, write \`...\` in the output block:
            line 2: \`took <n> ns\`, then \`took <n> ns\`; write \`took ... ns\`"
    `);
    expect(outcomeAt(report, 't/unstable.md', 25)?.passed).toBe(true);
  });
});

describe('time', () => {
  it('lets an 8 s example pass under the 10 s default, and lists it first among the slowest', () => {
    expect(outcomeAt(report, 't/slow.md', 9)).toEqual({
      passed: true,
      printed: 'finished after eight seconds\n',
    });
    expect(report.slowest[0]).toMatchObject({ file: 't/slow.md', line: 9 });
    expect(report.slowest[0]!.ms).toBeGreaterThanOrEqual(8000);
  });

  it('says when a stopped example had already printed lines other than its block shows', () => {
    expect(findings('t/slow.md')).toMatchInlineSnapshot(`
      "t/slow.md:22:1  error  example-timeout
          the example did not finish within 1 s and was stopped; make it faster or raise the limit with \`timeout=2s\` in the fence; what it printed before then already differs from its output block:
            --- expected
            +++ actual
            @@ -1,2 +1,2 @@
            -first
             second
            +first"
    `);
  });
});

it('counts the examples that fail, not those with a warning or a note', () => {
  expect(report.counts).toEqual({ total: 25, ran: 25, cached: 0, notRun: 0, failed: 11 });
});

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputMatches } from '../../src/examples/match-output.ts';
import type { ExampleRunReport } from '../../src/examples/run-examples.ts';
import {
  FIXTURES,
  ofFile,
  outcomeAt,
  runContent,
  sharedTempDir,
  show,
  tempDir,
  writeContent,
} from './helpers.ts';

const FIXTURE = path.join(FIXTURES, 'matching');

let report: ExampleRunReport;
let scratch: string;
beforeAll(async () => {
  scratch = await sharedTempDir();
  report = await runContent(FIXTURE, { cacheFile: path.join(scratch, 'examples.json') });
}, 60_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('matching an example’s output', () => {
  it('normalises CRLF line endings and trailing spaces, in the article and in the output', async () => {
    const dir = await tempDir();
    const article = [
      '---',
      'title: Are line endings normalised?',
      'description: An article saved with CRLF line endings and trailing spaces in its output block.',
      'date: 2025-01-01',
      '---',
      '',
      '```python',
      'import sys',
      'sys.stdout.write("one  \\r\\ntwo\\t\\r\\n\\r\\nthree\\n\\n\\n")',
      '```',
      '',
      '```text',
      'one',
      'two   ',
      '',
      'three',
      '```',
      '',
    ].join('\r\n');
    await writeContent(dir, { 't/crlf.md': article });
    const crlf = await runContent(dir, { cacheFile: path.join(dir, 'examples.json') });
    expect(crlf.diagnostics).toEqual([]);
    expect(crlf.counts).toMatchObject({ total: 1, ran: 1, failed: 0 });
  });

  it('`...` inside a line matches any text, such as an object’s address', () => {
    expect(outcomeAt(report, 't/ellipsis.md', 11)?.printed).toMatch(
      /^<coroutine object greet at 0x[0-9a-f]+>\n$/,
    );
    expect(outcomeAt(report, 't/ellipsis.md', 11)?.passed).toBe(true);
  });

  it('a line of only `...` matches no line, one line or several, in the middle or at the end', () => {
    for (const line of [26, 39, 53, 68, 79]) {
      expect(outcomeAt(report, 't/ellipsis.md', line)?.passed, `example at line ${line}`).toBe(true);
    }
  });

  it('the text around `...` must still match', () => {
    expect(show(ofFile(report.diagnostics, 't/ellipsis.md'))).toMatchInlineSnapshot(`
      "t/ellipsis.md:92:1  error  example-output-mismatch
          the example printed something other than its output block:
            --- expected
            +++ actual
            @@ -1,3 +1,3 @@
             start
            -...
            -end
            +middle
            +finish"
    `);
  });

  it('a mismatch shows a unified diff, expected against actual, at the example’s line', () => {
    expect(show(ofFile(report.diagnostics, 't/mismatch.md'))).toMatchInlineSnapshot(`
      "t/mismatch.md:9:1  error  example-output-mismatch
          the example printed something other than its output block:
            --- expected
            +++ actual
            @@ -1,3 +1,3 @@
             apples: 3
            -pears: 4
            +pears: 5
             plums: 7"
    `);
  });

  it('a process failure shows its exit code and the tail of stderr; a signal is named', () => {
    expect(show(ofFile(report.diagnostics, 't/failure.md'))).toMatchInlineSnapshot(`
      "t/failure.md:9:1  error  example-failed
          the example exited with code 3; mark it \`throws\` if that is the point; its last lines of stderr:
            | log line 4
            | log line 5
            | log line 6
            | log line 7
            | log line 8
            | log line 9
            | log line 10
            | log line 11

      t/failure.md:18:1  error  example-failed
          the example was killed by SIGTERM; mark it \`throws\` if that is the point

      t/failure.md:26:1  error  example-failed
          the example was killed by SIGKILL (out of memory?); mark it \`throws\` if that is the point"
    `);
  });
});

describe('outputMatches', () => {
  it.each([
    ['a\nb', 'a\r\nb\r\n', true],
    ['a  \nb\t', 'a\nb', true],
    ['a\n\n', 'a', true],
    ['a\nb', 'a\nc', false],
    ['<object at 0x...>', '<object at 0x7f3a2c>', true],
    ['<object at 0x...>', '<thing at 0x7f3a2c>', false],
    ['start\n...\nend', 'start\nend', true],
    ['start\n...\nend', 'start\nx\nend', true],
    ['start\n...\nend', 'start\nx\ny\nz\nend', true],
    ['start\n...\nend', 'start\nx\nfinish', false],
    ['start\n...', 'start', true],
    ['start\n...', 'start\nx\ny', true],
    ['start\n...', 'begin\nx', false],
    ['...\nRuntimeError: boom', 'Traceback (most recent call last):\n  File "x"\nRuntimeError: boom', true],
    ['...\nRuntimeError: boom', 'RuntimeError: boom', true],
    ['...\nRuntimeError: boom', 'Traceback\nValueError: boom', false],
    ['...', '', true],
    ['a.b', 'axb', false],
  ])('%j against %j: %s', (expected, actual, matches) => {
    expect(outputMatches(expected, actual)).toBe(matches);
  });
});

describe('outputMatches on adversarial patterns', () => {
  // A backtracking matcher takes time exponential in the number of `...` here: the old one took
  // 27 s on the first case. The pieces are found left to right, once each, as CPython does.
  it.each([
    ['x...x...x...x...Y', 'x'.repeat(1000), false],
    ['x...x...x...x...x...x...x...x...x...x...Y', `${'x'.repeat(20_000)}y`, false],
    ['x...x...x...x...x...x...x...x...x...x...Y', `${'x'.repeat(20_000)}Y`, true],
    ['...\nx...\n...\nx...\n...\nY', `${'x\n'.repeat(5_000)}Z`, false],
    ['a...b...c', 'a'.repeat(10_000) + 'c', false],
  ])(
    '%#: finishes, and matches only what it describes',
    (expected, actual, matches) => {
      expect(outputMatches(expected, actual)).toBe(matches);
    },
    5_000,
  );

  it.each([
    ['aa...aa', 'aaa', false],
    ['start\n...\n...\nend', 'start\nend', true],
    ['...\nx\n...', 'xy\nx', true],
    ['...\nx\n...', 'xy\nxz', false],
    ['a\n...\n', 'a\nb\nc', true],
    ['one ... three', 'one two\nlines three', true],
  ])('%j against %j: %s (the edge cases of anchoring)', (expected, actual, matches) => {
    expect(outputMatches(expected, actual)).toBe(matches);
  });
});

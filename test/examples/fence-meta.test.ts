import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExampleRunReport } from '../../src/examples/run-examples.ts';
import { FIXTURES, ofFile, outcomeAt, runContent, sharedTempDir, show } from './helpers.ts';

const FIXTURE = path.join(FIXTURES, 'meta');

// One run of the whole fixture; each test reads its article's part of the verdict.
let report: ExampleRunReport;
let scratch: string;
beforeAll(async () => {
  scratch = await sharedTempDir();
  report = await runContent(FIXTURE, { cacheFile: path.join(scratch, 'examples.json') });
}, 60_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('fence meta words', () => {
  it('`norun`: the block is not run, and counted as not run', () => {
    expect(ofFile(report.diagnostics, 't/norun.md')).toEqual([]);
    expect(outcomeAt(report, 't/norun.md', 9)).toBeUndefined();
    expect(outcomeAt(report, 't/norun.md', 13)).toEqual({ passed: true, printed: 'this one runs\n' });
    expect(report.counts.notRun).toBe(1);
  });

  it('`throws`: a failing program passes, its output matched against stdout then stderr', () => {
    const python = outcomeAt(report, 't/throws.md', 9);
    expect(python?.passed).toBe(true);
    expect(python?.printed).toMatch(
      /^checking the answer\nTraceback \(most recent call last\):\n[\s\S]*\nValueError: the answer must be positive\n$/,
    );
    const node = outcomeAt(report, 't/throws.md', 24);
    expect(node?.passed).toBe(true);
    expect(node?.printed).toContain('\nTypeError: expected a string, got 42\n');
  });

  it('`throws`: a clean exit fails with a clear message, and a different error shows a diff', () => {
    expect(show(ofFile(report.diagnostics, 't/throws.md'))).toMatchInlineSnapshot(`
      "t/throws.md:38:1  error  example-failed
          the example is marked \`throws\` but exited cleanly (exit code 0)

      t/throws.md:42:1  error  example-output-mismatch
          the example printed something other than its output block:
            --- expected
            +++ actual
            @@ -1,2 +1,4 @@
            -...
            -ValueError: no colour
            +Traceback (most recent call last):
            +  File "/tmp/example/main.py", line 1, in <module>
            +    raise KeyError("colour")
            +KeyError: 'colour'"
    `);
  });

  it('`timeout=1s` and `timeout=500ms` stop a runaway within its own limit', () => {
    expect(show(ofFile(report.diagnostics, 't/timeout.md'))).toMatchInlineSnapshot(`
      "t/timeout.md:9:1  error  example-timeout
          the example did not finish within 1 s and was stopped; make it faster or raise the limit with \`timeout=2s\` in the fence

      t/timeout.md:14:1  error  example-timeout
          the example did not finish within 500 ms and was stopped; make it faster or raise the limit with \`timeout=1s\` in the fence"
    `);
    expect(outcomeAt(report, 't/timeout.md', 18)).toEqual({ passed: true, printed: 'done in time\n' });
  });

  it('`continue`: the fragment runs after the block before it, and only its own output is compared', () => {
    expect(ofFile(report.diagnostics, 't/continue.md')).toEqual([]);
    expect(outcomeAt(report, 't/continue.md', 20)).toEqual({ passed: true, printed: 'HELLO!\n' });
    expect(outcomeAt(report, 't/continue.md', 33)).toEqual({ passed: true, printed: 'hi Ada\n' });
  });

  it('without `continue`, the same fragment runs after the block that defines its function, with a note', () => {
    expect(outcomeAt(report, 't/continue-missing.md', 16)).toEqual({ passed: true, printed: 'HELLO!\n' });
    expect(show(ofFile(report.diagnostics, 't/continue-missing.md'))).toMatchInlineSnapshot(`
      "t/continue-missing.md:16:1  info  example-fragment
          this block uses \`shout\`, which the block at line 9 defines, so it was run after the article's earlier blocks; add \`continue\` to its fence to say so"
    `);
  });

  it('`nocheck`: a TypeScript block with a type error is not type-checked, and still runs', () => {
    expect(ofFile(report.diagnostics, 't/nocheck.md')).toEqual([]);
    expect(outcomeAt(report, 't/nocheck.md', 9)).toEqual({ passed: true, printed: 'three\n' });
  });

  it('an unknown word is a warning that lists the known ones; the block still runs', () => {
    expect(show(ofFile(report.diagnostics, 't/unknown.md'))).toMatchInlineSnapshot(`
      "t/unknown.md:9:1  warning  example-unknown-meta
          \`retries\` is not a fence option the runner knows; known: norun, throws, continue, nocheck, timeout=…, title=…, hl_lines=…, linenums=…

      t/unknown.md:9:1  warning  example-unknown-meta
          \`sandboxed\` is not a fence option the runner knows; known: norun, throws, continue, nocheck, timeout=…, title=…, hl_lines=…, linenums=…

      t/unknown.md:17:1  warning  example-unknown-meta
          \`throw\` is not a fence option the runner knows; did you mean \`throws\`?

      t/unknown.md:17:1  warning  example-unknown-meta
          \`timeout=soon\` is not a duration; write \`timeout=2s\` or \`timeout=500ms\` (the default 10 s applies)"
    `);
    expect(outcomeAt(report, 't/unknown.md', 9)).toEqual({ passed: true, printed: 'still runs\n' });
  });

  it('counts every block', () => {
    expect(report.counts).toEqual({ total: 18, ran: 17, cached: 0, notRun: 1, failed: 4 });
  });
});

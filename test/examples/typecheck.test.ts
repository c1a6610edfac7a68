import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExampleRunReport } from '../../src/examples/run-examples.ts';
import { FIXTURES, ofFile, outcomeAt, runContent, sharedTempDir, show, tempDir } from './helpers.ts';

const FIXTURE = path.join(FIXTURES, 'typecheck');

let report: ExampleRunReport;
let scratch: string;
beforeAll(async () => {
  scratch = await sharedTempDir();
  report = await runContent(FIXTURE, { cacheFile: path.join(scratch, 'examples.json') });
}, 60_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

const typeErrors = (file: string) =>
  show(ofFile(report.diagnostics, file).filter((d) => d.ruleId === 'example-type-error'));

describe('type-checking TypeScript examples', () => {
  it('passes correct code that uses Node.js types, imports and top-level await', () => {
    expect(ofFile(report.diagnostics, 't/clean.md')).toEqual([]);
    expect(outcomeAt(report, 't/clean.md', 9)).toEqual({ passed: true, printed: 'OK\n' });
  });

  it('reports a type error at its Markdown line and column, in a callout too, and in `throws` examples', () => {
    expect(typeErrors('t/errors.md')).toMatchInlineSnapshot(`
      "t/errors.md:13:20  error  example-type-error
          type error in the example: Argument of type 'string' is not assignable to parameter of type 'number'.

      t/errors.md:18:11  error  example-type-error
          type error in the example: Type 'string' is not assignable to type 'boolean'.

      t/errors.md:25:7  error  example-type-error
          type error in the example: Type 'string' is not assignable to type 'number'."
    `);
    // Type errors do not stop a block from running: Node.js strips the types.
    expect(outcomeAt(report, 't/errors.md', 9)).toEqual({ passed: true, printed: '12\n' });
  });

  it('maps an error in a `continue` chain to the block that holds it, once', () => {
    expect(typeErrors('t/chain.md')).toMatchInlineSnapshot(`
      "t/chain.md:17:7  error  example-type-error
          type error in the example: Type 'number' is not assignable to type 'string'.

      t/chain.md:22:7  error  example-type-error
          type error in the example: Type 'string' is not assignable to type 'number'."
    `);
  });

  it('`nocheck` skips the block, even when a later block continues it', () => {
    expect(ofFile(report.diagnostics, 't/nocheck-chain.md')).toEqual([]);
    expect(outcomeAt(report, 't/nocheck-chain.md', 13)).toEqual({ passed: true, printed: 'wide\n' });
  });

  it('still type-checks a `norun` block (mark it `nocheck` to skip that too)', () => {
    expect(typeErrors('t/norun.md')).toMatchInlineSnapshot(`
      "t/norun.md:10:7  error  example-type-error
          type error in the example: Type 'string | undefined' is not assignable to type 'number'.
            Type 'undefined' is not assignable to type 'number'."
    `);
  });

  it('checks with `strict`, as a reader’s own project does: `list[0]` after a length check passes', () => {
    expect(ofFile(report.diagnostics, 't/indexed.md')).toEqual([]);
    expect(outcomeAt(report, 't/indexed.md', 9)).toEqual({ passed: true, printed: 'tea\n' });
  });

  it('checks a fragment after the earlier block whose function it uses, as it runs, and still finds its own errors', () => {
    expect(outcomeAt(report, 't/fragment.md', 15)).toEqual({ passed: true, printed: '100\n' });
    expect(show(ofFile(report.diagnostics, 't/fragment.md'))).toMatchInlineSnapshot(`
      "t/fragment.md:15:1  info  example-fragment
          this block uses \`celsius\`, which the block at line 9 defines, so it was run after the article's earlier blocks; add \`continue\` to its fence to say so

      t/fragment.md:23:1  info  example-fragment
          this block uses \`celsius\`, which the block at line 9 defines, so it was run after the article's earlier blocks; add \`continue\` to its fence to say so

      t/fragment.md:24:7  error  example-type-error
          type error in the example: Type 'number' is not assignable to type 'string'."
    `);
  });

  it('checks more when the site asks for it in its settings', async () => {
    const strict = await runContent(FIXTURE, {
      cacheFile: path.join(await tempDir(), 'examples.json'),
      settings: { typecheck: { noUncheckedIndexedAccess: true } },
    });
    expect(show(ofFile(strict.diagnostics, 't/indexed.md'))).toMatchInlineSnapshot(`
      "t/indexed.md:11:28  error  example-type-error
          type error in the example: Type 'T | undefined' is not assignable to type 'T'.
            'T' could be instantiated with an arbitrary type which could be unrelated to 'T | undefined'."
    `);
  }, 60_000);

  it('reports nothing else', () => {
    expect(
      report.diagnostics.every((d) => d.ruleId === 'example-type-error' || d.ruleId === 'example-fragment'),
    ).toBe(true);
  });
});

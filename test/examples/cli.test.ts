import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCli, copyFixture, FIXTURES, read, tempDir } from './helpers.ts';

const SITE = path.join(FIXTURES, 'cli-site');
const ARTICLE = 'guide/how-do-i-count-to-three.md';

/** The `examples:` summary line of a run. */
function summary(stderr: string): string | undefined {
  return /^examples: [^\n]*/m.exec(stderr)?.[0];
}

/**
 * Stderr with the summary's machine-dependent lines (the interpreters' paths, the isolation in
 * force, the examples' times) reduced to their labels, so that it reads the same everywhere.
 */
function stable(stderr: string): string {
  return stderr.replace(/^ {2}(ran on|isolation|slowest): .*$/gm, '  $1: …');
}

describe('npm run check and the examples', () => {
  it('exits 1 and prints the failing example’s diagnostic', async () => {
    const result = await checkCli(SITE, ['--no-cache']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "<site>/guide/how-do-i-count-to-three.md:12:1  error  the example printed something other than its output block:  example-output-mismatch
            --- expected
            +++ actual
            @@ -1,3 +1,3 @@
             1
             2
            -4
            +3

      2 files, 1 error, 0 warnings
      "
    `);
    expect(stable(result.stderr)).toMatchInlineSnapshot(`
      "examples: 2 found, 2 run, 0 cached, 0 not run (norun), 1 failed
        ran on: …
        isolation: …
        slowest: …
      "
    `);
    expect(result.stderr).toMatch(
      /^ {2}ran on: Python 3\.\d+\.\d+ \(\/\S+\), Node\.js \d+\.\d+\.\d+ \(\/\S+\/node\)$/m,
    );
    expect(result.stderr).toMatch(/^ {2}isolation: (bubblewrap|unshare|NOT isolated).*; not enforced: /m);
    expect(result.stderr).toMatch(
      /^ {2}slowest: <site>\/guide\/how-do-i-count-to-three\.md:\d+ \(\d+\.\d s\)/m,
    );
  }, 60_000);

  it('`--no-examples` skips them: a site whose only problem is a failing example passes', async () => {
    const result = await checkCli(SITE, ['--no-examples']);
    expect(result).toEqual({ code: 0, signal: null, stdout: '2 files, 0 errors, 0 warnings\n', stderr: '' });
  }, 60_000);

  it('`--jobs 1` runs one example at a time; `--jobs 3` runs three at once', async () => {
    const intervals = async (jobs: string) => {
      const result = await checkCli(path.join(FIXTURES, 'cli-jobs'), [
        '--jobs',
        jobs,
        '--no-cache',
        '--format',
        'json',
      ]);
      expect(result.code).toBe(1);
      const rows = JSON.parse(result.stdout) as { message: string }[];
      return rows
        .map(
          (row) =>
            /ran from ([\d.]+) to ([\d.]+)/.exec(row.message)!.slice(1).map(Number) as [number, number],
        )
        .sort((a, b) => a[0] - b[0]);
    };
    const one = await intervals('1');
    expect(one).toHaveLength(3);
    for (let i = 1; i < one.length; i++) expect(one[i]![0]).toBeGreaterThanOrEqual(one[i - 1]![1]);
    const three = await intervals('3');
    expect(three).toHaveLength(3);
    expect(three[1]![0]).toBeLessThan(three[0]![1]);
  }, 60_000);

  it('rejects a bad `--jobs` or `--update` with exit code 2', async () => {
    const [jobs, update, updateWithout] = await Promise.all([
      checkCli(SITE, ['--jobs', '0']),
      checkCli(SITE, ['--update=everything']),
      checkCli(SITE, ['--update', '--no-examples']),
    ]);
    expect(jobs).toMatchInlineSnapshot(`
      {
        "code": 2,
        "signal": null,
        "stderr": "\`--jobs 0\` is not a positive whole number.
      Run \`npm run check -- --help\` for the options.
      ",
        "stdout": "",
      }
    `);
    expect(update).toMatchInlineSnapshot(`
      {
        "code": 2,
        "signal": null,
        "stderr": "\`--update=everything\` is not a mode; use --update, --update=all or --update=throws.
      Run \`npm run check -- --help\` for the options.
      ",
        "stdout": "",
      }
    `);
    expect(updateWithout).toMatchInlineSnapshot(`
      {
        "code": 2,
        "signal": null,
        "stderr": "\`--update\` needs the examples to run; drop \`--no-examples\`.
      Run \`npm run check -- --help\` for the options.
      ",
        "stdout": "",
      }
    `);
  }, 60_000);

  it('rejects an unknown `KB_ISOLATION` with exit code 2, listing the kinds', async () => {
    const result = await checkCli(SITE, ['--no-cache'], { KB_ISOLATION: 'chroot' });
    expect(result).toMatchInlineSnapshot(`
      {
        "code": 2,
        "signal": null,
        "stderr": "\`KB_ISOLATION=chroot\` is not an isolation kind; use bubblewrap, unshare, none, or leave it unset for the best that works.
      ",
        "stdout": "",
      }
    `);
  }, 60_000);

  it('`--update` rewrites the wrong output block, says what it changed, and passes', async () => {
    const content = await copyFixture('cli-site', path.join(await tempDir(), 'content'));
    const before = await read(path.join(content, ARTICLE));
    const result = await checkCli(content, ['--update', '--no-cache']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('2 files, 0 errors, 0 warnings\n');
    expect(stable(result.stderr)).toMatchInlineSnapshot(`
      "updated <site>/guide/how-do-i-count-to-three.md:12: output block rewritten
      1 output block(s) updated.
      examples: 2 found, 2 run, 0 cached, 0 not run (norun), 0 failed
        ran on: …
        isolation: …
        slowest: …
      "
    `);
    expect(await read(path.join(content, ARTICLE))).toBe(
      before.replace('```text\n1\n2\n4\n```', '```text\n1\n2\n3\n```'),
    );
    const again = await checkCli(content, ['--no-cache']);
    expect(again.code).toBe(0);
  }, 60_000);

  it('`--no-cache` runs every example, even right after a run that cached them', async () => {
    // This run may write to the repository's cache (node_modules/.cache): the CLI has no other place.
    await checkCli(SITE, []);
    const result = await checkCli(SITE, ['--no-cache']);
    expect(summary(result.stderr)).toBe('examples: 2 found, 2 run, 0 cached, 0 not run (norun), 1 failed');
  }, 60_000);
});

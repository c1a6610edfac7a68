import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, makeTempDir, runCheckScript } from './helpers.ts';

// baseline-site: a broken link and a broken anchor in t/links.md, an example printing 4 where t/sums.md says 5.
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let content: string;
const baselineFile = () => path.join(temp.dir, 'kb-baseline.json');
const check = (args: string[] = []) => runCheckScript(temp.dir, content, args);
const noExamples = (args: string[] = []) => check([...args, '--no-examples']);

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const absolute = path.join(content, file);
  await writeFile(absolute, change(await readFile(absolute, 'utf8')));
}

beforeEach(async () => {
  temp = await makeTempDir('baseline');
  content = await copyFixture('baseline-site', temp.dir);
});

afterEach(async () => {
  await temp?.remove();
});

describe('the adoption baseline', { timeout: 60_000 }, () => {
  it('records every current error beside the content folder, keyed by rule, file and fingerprint', async () => {
    expect((await noExamples()).code).toBe(1);
    const written = await noExamples(['--write-baseline']);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('Recorded 2 known error(s) in kb-baseline.json');
    const data = JSON.parse(await readFile(baselineFile(), 'utf8')) as {
      version: number;
      problems: { file: string; rule: string; fingerprint: string; count: number }[];
    };
    expect(data.version).toBe(1);
    expect(data.problems.map(({ file, rule, count }) => [file, rule, count])).toEqual([
      ['t/links.md', 'link-missing-anchor', 1],
      ['t/links.md', 'link-missing-file', 1],
    ]);
    for (const entry of data.problems) expect(entry.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(data)).not.toMatch(/"line"/);
  });

  it('then reports the known errors as a count, lists them with --verbose, and passes', async () => {
    await noExamples(['--write-baseline']);
    const plain = await noExamples();
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(/ error /);
    expect(plain.stderr).toContain(
      '2 known error(s) of kb-baseline.json not counted (`--verbose` lists them)',
    );
    const verbose = await noExamples(['--verbose']);
    expect(verbose.stderr).toContain(
      'baseline-site/t/links.md:12:4  known  the link `gone.md` points to `t/gone.md`, which does not exist  link-missing-file',
    );
  });

  it('keeps knowing an error when lines above it move, and fails on a new one only', async () => {
    await noExamples(['--write-baseline']);
    await edit('t/links.md', (text) =>
      text.replace('## Details\n', '## Details\n\nA new paragraph.\n\nAnother one.\n'),
    );
    expect((await noExamples()).code).toBe(0);
    await edit('t/links.md', (text) => `${text}\nAlso to [another lost page](lost.md).\n`);
    const run = await noExamples();
    expect(run.code).toBe(1);
    expect(run.stdout.match(/ error /g)).toHaveLength(1);
    expect(run.stdout).toContain('the link `lost.md` points to `t/lost.md`, which does not exist');
    expect(run.stderr).toContain('2 known error(s)');
  });

  it('fails when a known error is made a second time: the entry counts its errors', async () => {
    await noExamples(['--write-baseline']);
    await edit(
      't/sums.md',
      (text) =>
        `${text}\nTo [a page that is gone](gone.md), and to [a heading that is not there](sums.md#nowhere).\n`,
    );
    const run = await noExamples();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('t/sums.md');
  });

  it('reports an entry whose error is gone as stale, and drops it when written again', async () => {
    await noExamples(['--write-baseline']);
    await edit('t/links.md', (text) => text.replace('[a page that is gone](gone.md)', 'a page that is gone'));
    const run = await noExamples();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 entry of kb-baseline.json match no error any more');
    expect(run.stderr).toMatch(/t\/links\.md {2}stale {2}the link `gone\.md`.*link-missing-file/);
    await noExamples(['--write-baseline']);
    expect((await noExamples()).stderr).not.toContain('stale');
  });

  it('records a failing example, keeps it when the examples are not run, and knows it when they are', async () => {
    const written = await check(['--write-baseline']);
    expect(written.stderr).toContain('Recorded 3 known error(s)');
    expect(await readFile(baselineFile(), 'utf8')).toContain('"rule": "example-output-mismatch"');
    await noExamples(['--write-baseline']);
    expect(await readFile(baselineFile(), 'utf8')).toContain('"rule": "example-output-mismatch"');
    const run = await check();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('3 known error(s)');
    await edit('t/sums.md', (text) => text.replace('print(2 + 2)', 'print(2 + 3)'));
    const fixed = await check();
    expect(fixed.stderr).toMatch(/sums\.md {2}stale .*example-output-mismatch/);
  });

  it('stops with a usage error naming the file when the baseline is not one', async () => {
    await writeFile(baselineFile(), '{ "problems": [ ');
    const run = await noExamples();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kb-baseline.json: not valid JSON');
    expect(run.stderr).toContain('write it again with `npm run check -- --write-baseline`');
  });
});

import { link, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNNER_VERSION } from '../../src/examples/example-cache.ts';
import { copyFixture, outcomeAt, read, runContent, show, tempDir, writeContent } from './helpers.ts';

/** A fresh copy of the cache fixture and a cache file of its own. */
async function setUp(): Promise<{
  content: string;
  cacheFile: string;
  run: () => ReturnType<typeof runContent>;
}> {
  const dir = await tempDir();
  const content = await copyFixture('cache', path.join(dir, 'content'));
  const cacheFile = path.join(dir, 'cache', 'examples.json');
  return { content, cacheFile, run: () => runContent(content, { cacheFile, useCache: true }) };
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await read(file);
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

const FAILURE = `t/two.md:13:1  error  example-output-mismatch
    the example printed something other than its output block:
      --- expected
      +++ actual
      @@ -1,1 +1,1 @@
      -two, 2nd
      +two, second`;

describe('the example cache', () => {
  it('runs nothing the second time when nothing changed, and still reports cached failures', async () => {
    const { run } = await setUp();
    const first = await run();
    expect(first.counts).toEqual({ total: 5, ran: 4, cached: 0, notRun: 1, failed: 1 });
    expect(show(first.diagnostics)).toBe(FAILURE);
    const second = await run();
    expect(second.counts).toEqual({ total: 5, ran: 0, cached: 4, notRun: 1, failed: 1 });
    expect(show(second.diagnostics)).toBe(FAILURE);
    expect(outcomeAt(second, 't/one.md', 17)).toEqual({ passed: true, printed: 'one, second\n' });
  }, 30_000);

  it('re-runs only the example whose code changed', async () => {
    const { content, run } = await setUp();
    await run();
    await edit(path.join(content, 't/one.md'), "console.log('one, second');", "console.log('one, changed');");
    const second = await run();
    expect(second.counts).toEqual({ total: 5, ran: 1, cached: 3, notRun: 1, failed: 1 });
    expect(outcomeAt(second, 't/one.md', 17)).toEqual({ passed: true, printed: 'one, changed\n' });
  }, 30_000);

  it('re-runs an example whose expected output changed', async () => {
    const { content, run } = await setUp();
    await run();
    await edit(path.join(content, 't/two.md'), 'two, 2nd', 'two, second');
    const second = await run();
    expect(second.counts).toEqual({ total: 5, ran: 1, cached: 3, notRun: 1, failed: 0 });
    expect(second.diagnostics).toEqual([]);
  }, 30_000);

  it('runs everything with `useCache: false`, even with a warm cache', async () => {
    const { content, cacheFile, run } = await setUp();
    await run();
    const uncached = await runContent(content, { cacheFile, useCache: false });
    expect(uncached.counts).toEqual({ total: 5, ran: 4, cached: 0, notRun: 1, failed: 1 });
    expect(show(uncached.diagnostics)).toBe(FAILURE);
  }, 30_000);

  it('does not cache a time-out, whose verdict depends on the moment', async () => {
    const { content, run } = await setUp();
    await writeContent(content, {
      't/slow.md':
        '---\ntitle: Slow?\ndescription: d\n---\n\n```python timeout=300ms\nwhile True:\n    pass\n```\n',
    });
    expect((await run()).counts).toMatchObject({ ran: 5, cached: 0, failed: 2 });
    expect((await run()).counts).toMatchObject({ ran: 1, cached: 4, failed: 2 });
  }, 30_000);

  it('writes the cache file atomically: a new file renamed over the old, nothing left behind', async () => {
    const { content, cacheFile, run } = await setUp();
    await run();
    const before = await stat(cacheFile);
    const old = `${cacheFile}.old`;
    await link(cacheFile, old);
    const oldText = await read(old);
    await edit(path.join(content, 't/two.md'), 'two, 2nd', 'two, second');
    await run();
    // Written in place, the old name would share the new contents; renamed over, it keeps the old file whole.
    expect((await stat(cacheFile)).ino).not.toBe(before.ino);
    expect(await read(old)).toBe(oldText);
    expect(JSON.parse(oldText)).toMatchObject({ version: RUNNER_VERSION });
    expect(JSON.parse(await read(cacheFile))).toMatchObject({ version: RUNNER_VERSION });
    expect((await readdir(path.dirname(cacheFile))).sort()).toEqual(['examples.json', 'examples.json.old']);
  }, 30_000);

  it('treats a corrupted cache file as empty, and replaces it', async () => {
    const { cacheFile, run } = await setUp();
    await run();
    const whole = await readFile(cacheFile, 'utf8');
    await writeFile(cacheFile, whole.slice(0, Math.floor(whole.length / 2)));
    const second = await run();
    expect(second.counts).toEqual({ total: 5, ran: 4, cached: 0, notRun: 1, failed: 1 });
    expect(show(second.diagnostics)).toBe(FAILURE);
    const repaired = JSON.parse(await read(cacheFile)) as { entries: object };
    expect(Object.keys(repaired.entries).filter((key) => key.startsWith('run:'))).toHaveLength(4);
    expect((await run()).counts).toMatchObject({ ran: 0, cached: 4 });
  }, 30_000);

  it('ignores a verdict edited on disk, and runs that example again', async () => {
    const { cacheFile, run } = await setUp();
    await run();
    // Turn the failing example's cached verdict into a pass, as a hand (or a bad disk) might.
    const stored = JSON.parse(await read(cacheFile)) as { entries: Record<string, { json: string }> };
    const failing = Object.values(stored.entries).filter((entry) => entry.json.includes('"passed":false'));
    expect(failing).toHaveLength(1);
    failing[0]!.json = failing[0]!.json.replace('"passed":false', '"passed":true');
    await writeFile(cacheFile, JSON.stringify(stored));
    const second = await run();
    expect(second.counts).toEqual({ total: 5, ran: 1, cached: 3, notRun: 1, failed: 1 });
    expect(show(second.diagnostics)).toBe(FAILURE);
  }, 30_000);

  it('keeps its file where KB_EXAMPLE_CACHE names it, whatever the name', async () => {
    const { content, cacheFile } = await setUp();
    const named = path.join(path.dirname(cacheFile), 'shared-results');
    await runContent(content, { cacheFile: named, useCache: true });
    expect(await readdir(path.dirname(named))).toEqual(['shared-results']);
    expect((await runContent(content, { cacheFile: named, useCache: true })).counts).toMatchObject({
      ran: 0,
      cached: 4,
    });
  }, 30_000);

  it('treats a cache file of another shape as empty', async () => {
    const { cacheFile, run } = await setUp();
    await writeContent(path.dirname(cacheFile), { 'examples.json': '[1, 2, 3]' });
    expect((await run()).counts).toMatchObject({ ran: 4, cached: 0 });
  }, 30_000);
});

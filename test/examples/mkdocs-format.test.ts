import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, loadContent, outcomeAt, read, runContent, show, tempDir } from './helpers.ts';

const FIXTURE = path.join(FIXTURES, 'mkdocs-format');
const ARTICLE = 'asyncio/why-does-calling-an-async-function-not-run-it.md';

/** A temporary copy of the fixture with one edit to the article. */
async function editedCopy(from: string, to: string): Promise<{ content: string; cacheFile: string }> {
  const dir = await tempDir();
  const content = await copyFixture('mkdocs-format', path.join(dir, 'content'));
  const file = path.join(content, ARTICLE);
  const text = await read(file);
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
  return { content, cacheFile: path.join(dir, 'examples.json') };
}

describe('a knowledge base in the Material-for-MkDocs format', () => {
  it('is a valid site as it is', async () => {
    const { diagnostics, fileCount } = await loadContent(FIXTURE);
    expect(diagnostics).toEqual([]);
    expect(fileCount).toBe(4);
  });

  it('proves every example: an output block, a `continue` fragment and a `throws` traceback', async () => {
    const report = await runContent(FIXTURE, { cacheFile: path.join(await tempDir(), 'examples.json') });
    expect(report.diagnostics).toEqual([]);
    expect(report.counts).toEqual({ total: 4, ran: 4, cached: 0, notRun: 0, failed: 0 });
    expect(outcomeAt(report, ARTICLE, 54)?.printed).toBe('coroutine\n');
    expect(outcomeAt(report, ARTICLE, 72)?.printed).toMatch(
      /^poured 2 cups\nTraceback \(most recent call last\):\n[\s\S]+\nRuntimeError: the pot holds 3 cups, not 5\n$/,
    );
  }, 30_000);

  it('runs the "Wrong way" fragment without `continue` after the block that defines its function, and suggests `continue`', async () => {
    const { content, cacheFile } = await editedCopy('```python continue', '```python');
    const report = await runContent(content, { cacheFile });
    expect(outcomeAt(report, ARTICLE, 54)).toEqual({ passed: true, printed: 'coroutine\n' });
    expect(show(report.diagnostics)).toMatchInlineSnapshot(`
      "asyncio/why-does-calling-an-async-function-not-run-it.md:54:1  info  example-fragment
          this block uses \`brew\`, which the block at line 26 defines, so it was run after the article's earlier blocks; add \`continue\` to its fence to say so"
    `);
  }, 30_000);

  it('fails the traceback example without `throws`, showing the error', async () => {
    const { content, cacheFile } = await editedCopy('```python throws', '```python');
    const report = await runContent(content, { cacheFile });
    expect(report.diagnostics).toHaveLength(1);
    const [diagnostic] = report.diagnostics;
    expect(diagnostic).toMatchObject({ file: ARTICLE, line: 72, column: 1, ruleId: 'example-failed' });
    // The frames in between name the machine's Python installation; the first and last lines do not.
    expect(diagnostic?.message).toMatch(
      /^the example exited with code 1; mark it `throws` if that is the point; its last lines of stderr:\n[\s\S]*\n {2}\| RuntimeError: the pot holds 3 cups, not 5$/,
    );
  }, 30_000);

  it('needs the `...` before the traceback’s last line', async () => {
    const { content, cacheFile } = await editedCopy(
      'Traceback (most recent call last):\n...\n',
      'Traceback (most recent call last):\n',
    );
    const report = await runContent(content, { cacheFile });
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      `${ARTICLE}:72:1 example-output-mismatch`,
    ]);
  }, 30_000);
});

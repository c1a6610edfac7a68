import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateOutputs, type UpdateMode } from '../../src/examples/update-outputs.ts';
import { copyFixture, FIXTURES, runContent, show, tempDir } from './helpers.ts';

const ARTICLE = 't/a.md';
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** A temporary copy of the fixture's content, its article saved with CRLF line endings unless told otherwise. */
async function setUp(lineEnding: 'crlf' | 'lf' = 'crlf') {
  const dir = await tempDir();
  const content = await copyFixture('update/input', path.join(dir, 'content'));
  const file = path.join(content, ARTICLE);
  if (lineEnding === 'crlf') await writeFile(file, crlf(await readFile(file, 'utf8')));
  const cacheFile = path.join(dir, 'examples.json');
  const update = async (mode: UpdateMode) =>
    updateOutputs(await runContent(content, { cacheFile }), content, mode);
  return { content, file, cacheFile, update };
}

async function expected(mode: UpdateMode, lineEnding: 'crlf' | 'lf' = 'crlf'): Promise<Buffer> {
  const text = await readFile(path.join(FIXTURES, 'update/expected', `${mode}.md`), 'utf8');
  return Buffer.from(lineEnding === 'crlf' ? crlf(text) : text);
}

describe('updating output blocks', () => {
  it('`changed` rewrites only the mismatching blocks, in a callout too, keeping every other byte', async () => {
    const { file, update } = await setUp();
    expect(await update('changed')).toEqual([
      { file: 't/a.md', line: 26, change: 'rewritten' },
      { file: 't/a.md', line: 40, change: 'rewritten' },
    ]);
    expect(await readFile(file)).toEqual(await expected('changed'));
  }, 30_000);

  it('`changed` leaves nothing to update the second time, and the rewritten blocks pass', async () => {
    const { content, file, cacheFile, update } = await setUp();
    await update('changed');
    const after = await readFile(file);
    expect(await update('changed')).toEqual([]);
    expect(await readFile(file)).toEqual(after);
    const report = await runContent(content, { cacheFile });
    expect(show(report.diagnostics)).toMatchInlineSnapshot(`
      "t/a.md:72:1  error  example-output-mismatch
          the example printed something other than its output block:
            --- expected
            +++ actual
            @@ -1,2 +1,5 @@
             before the error
            -ValueError: old message
            +Traceback (most recent call last):
            +  File "/tmp/example/main.py", line 2, in <module>
            +    raise ValueError("bad value")
            +ValueError: bad value

      t/a.md:84:1  error  example-failed
          the example exited with code 2; mark it \`throws\` if that is the point"
    `);
  }, 30_000);

  it('`all` also adds an output block to an example that prints but has none', async () => {
    const { file, update } = await setUp();
    expect(await update('all')).toEqual([
      { file: 't/a.md', line: 26, change: 'rewritten' },
      { file: 't/a.md', line: 40, change: 'rewritten' },
      { file: 't/a.md', line: 56, change: 'added' },
    ]);
    expect(await readFile(file)).toEqual(await expected('all'));
  }, 30_000);

  it('`throws` also rewrites the output block of a `throws` example, from stdout then stderr', async () => {
    const { file, update } = await setUp();
    expect(await update('throws')).toEqual([
      { file: 't/a.md', line: 26, change: 'rewritten' },
      { file: 't/a.md', line: 40, change: 'rewritten' },
      { file: 't/a.md', line: 68, change: 'rewritten' },
    ]);
    expect(await readFile(file)).toEqual(await expected('throws'));
  }, 30_000);

  it('keeps LF line endings LF', async () => {
    const { file, update } = await setUp('lf');
    await update('changed');
    expect(await readFile(file)).toEqual(await expected('changed', 'lf'));
  }, 30_000);
});

describe('updating output blocks that hold fences and headings', () => {
  it('writes a fence longer than any fence run in the output, so the block holds exactly what was printed', async () => {
    const dir = await tempDir();
    const content = await copyFixture('update-fences', path.join(dir, 'content'));
    const cacheFile = path.join(dir, 'examples.json');
    const notes = await updateOutputs(await runContent(content, { cacheFile }), content, 'all');
    expect(notes).toEqual([
      { file: 't/fences.md', line: 11, change: 'rewritten' },
      { file: 't/fences.md', line: 26, change: 'rewritten' },
      { file: 't/fences.md', line: 38, change: 'added' },
    ]);
    const text = await readFile(path.join(content, 't/fences.md'), 'utf8');
    expect(text.slice(text.indexOf('```python\nprint("# Report")'))).toMatchInlineSnapshot(`
      "\`\`\`python
      print("# Report")
      print("\`\`\`python")
      print("print('nested')")
      print("\`\`\`")
      print("~~~~")
      print("## done")
      \`\`\`

      \`\`\`\`text
      # Report
      \`\`\`python
      print('nested')
      \`\`\`
      ~~~~
      ## done
      \`\`\`\`

      A tilde-fenced output block, and a program that prints a tilde fence:

      \`\`\`python
      print("~~~")
      print("# not a heading")
      print("~~~")
      \`\`\`

      ~~~~text
      ~~~
      # not a heading
      ~~~
      ~~~~

      A program without an output block:

      \`\`\`python
      print("\`\`\`\`")
      print("# added")
      \`\`\`

      **Output:**

      \`\`\`\`\`text
      \`\`\`\`
      # added
      \`\`\`\`\`
      "
    `);
    // Read back as the checker reads it: each block holds the whole output, and every example passes.
    const again = await runContent(content, { cacheFile });
    expect(again.diagnostics).toEqual([]);
    const blocks = again.examples.map((example) => example.expected?.text);
    expect(blocks).toEqual([
      "# Report\n```python\nprint('nested')\n```\n~~~~\n## done",
      '~~~\n# not a heading\n~~~',
      '````\n# added',
    ]);
  }, 30_000);
});

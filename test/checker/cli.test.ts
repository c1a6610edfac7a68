import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { copyFixture, FIXTURES, makeTempDir, runCheckScript, type CheckRun } from './helpers.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Run = CheckRun;

let temp: Awaited<ReturnType<typeof makeTempDir>>;

/**
 * `npm run check` from a project folder (the temporary copy) that holds the content folder.
 * Examples are not run unless asked: these sites have none, and the runner has its own tests.
 */
function runCheck(content: string, args: string[] = [], cwd = temp.dir): Promise<Run> {
  return runCheckScript(cwd, content, args);
}

const quickRuns = new Map<string, Promise<Run>>();

/** `runCheck` without the examples step; the same arguments share one run (the output is deterministic). */
function quick(content: string, args: string[] = []): Promise<Run> {
  const key = JSON.stringify([content, args]);
  if (!quickRuns.has(key)) quickRuns.set(key, runCheck(content, [...args, '--no-examples']));
  return quickRuns.get(key)!;
}

beforeAll(async () => {
  temp = await makeTempDir('cli');
  // cli-site: errors and warnings in two files, a clean third; warnings-site: one warning; mutation-site: clean.
  for (const site of ['cli-site', 'warnings-site', 'mutation-site']) await copyFixture(site, temp.dir);
});

afterAll(async () => {
  await temp?.remove();
});

describe.concurrent('human format', { timeout: 30_000 }, () => {
  it('groups by file, sorts, indents a message’s extra lines, ends with a summary; no colour when piped', async ({
    expect,
  }) => {
    const { code, stdout, stderr } = await quick('cli-site');
    expect(stdout).toMatchInlineSnapshot(`
      "cli-site/t/a.md:10:19  error  the link \`b.md#nope\` names the anchor \`#nope\`, but no heading on \`t/b.md\` has that id  link-missing-anchor
      cli-site/t/a.md:12:1  warning  the FAQPage answer differs from the In-short text, which the site publishes as the answer; copy the In-short text here, or delete this script (the build generates one).  jsonld-answer-mismatch
            answer:   Top to bottom.
            In short: File by file, line by line.

      cli-site/t/b.md:3:14  warning  \`description\` is 10 characters long; search engines show 50–160  description-length
      cli-site/t/b.md:8:37  error  the link \`gone.md\` points to \`t/gone.md\`, which does not exist  link-missing-file

      5 files, 2 errors, 2 warnings
      "
    `);
    expect(stdout).not.toContain('\u001B[');
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('prints the same with the examples step on (the default), which reports on stderr', async ({
    expect,
  }) => {
    // The runner finds the pinned Node.js from the project folder, so this run starts there;
    // `--no-cache` keeps it from writing the project's example cache.
    const fixture = path.relative(PROJECT_ROOT, path.join(FIXTURES, 'cli-site'));
    const withExamples = await runCheck(fixture, ['--no-cache'], PROJECT_ROOT);
    const without = await runCheck(fixture, ['--no-examples'], PROJECT_ROOT);
    expect(withExamples.stdout).toBe(without.stdout);
    expect(withExamples.stdout).toBe((await quick('cli-site')).stdout.replaceAll('cli-site/', `${fixture}/`));
    expect(withExamples.stderr).toMatch(/^examples: 0 found/m);
    expect(withExamples.code).toBe(1);
  });

  it('is byte-for-byte the same on a second run', async ({ expect }) => {
    const again = (args: string[]) => runCheck('cli-site', [...args, '--no-examples']);
    expect(await again([])).toEqual(await quick('cli-site'));
    expect(await again(['--format', 'json'])).toEqual(await quick('cli-site', ['--format', 'json']));
  });
});

describe.concurrent('--format json', { timeout: 30_000 }, () => {
  it('prints an array of diagnostics with the keys in a fixed order, and nothing else', async ({
    expect,
  }) => {
    const { code, stdout, stderr } = await quick('cli-site', ['--format', 'json']);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows).toMatchInlineSnapshot(`
      [
        {
          "column": 19,
          "file": "cli-site/t/a.md",
          "line": 10,
          "message": "the link \`b.md#nope\` names the anchor \`#nope\`, but no heading on \`t/b.md\` has that id",
          "ruleId": "link-missing-anchor",
          "severity": "error",
        },
        {
          "column": 1,
          "file": "cli-site/t/a.md",
          "line": 12,
          "message": "the FAQPage answer differs from the In-short text, which the site publishes as the answer; copy the In-short text here, or delete this script (the build generates one).
        answer:   Top to bottom.
        In short: File by file, line by line.",
          "ruleId": "jsonld-answer-mismatch",
          "severity": "warning",
        },
        {
          "column": 14,
          "file": "cli-site/t/b.md",
          "line": 3,
          "message": "\`description\` is 10 characters long; search engines show 50–160",
          "ruleId": "description-length",
          "severity": "warning",
        },
        {
          "column": 37,
          "file": "cli-site/t/b.md",
          "line": 8,
          "message": "the link \`gone.md\` points to \`t/gone.md\`, which does not exist",
          "ruleId": "link-missing-file",
          "severity": "error",
        },
      ]
    `);
    expect(stdout).toBe(`${JSON.stringify(rows, null, 2)}\n`);
    for (const row of rows)
      expect(Object.keys(row)).toEqual(['file', 'line', 'column', 'severity', 'message', 'ruleId']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('prints an empty array for a clean site', async ({ expect }) => {
    expect(await quick('mutation-site', ['--format', 'json'])).toEqual({
      code: 0,
      stdout: '[]\n',
      stderr: '',
    });
  });
});

describe.concurrent('--format github', { timeout: 30_000 }, () => {
  it('prints workflow commands; a whole-file finding has no line, newlines and commas are escaped', async ({
    expect,
  }) => {
    const { code, stdout } = await quick('cli-site', ['--format', 'github']);
    expect(stdout).toMatchInlineSnapshot(`
      "::error file=cli-site/t/a.md,line=10,col=19,title=link-missing-anchor::the link \`b.md#nope\` names the anchor \`#nope\`, but no heading on \`t/b.md\` has that id
      ::warning file=cli-site/t/a.md,line=12,col=1,title=jsonld-answer-mismatch::the FAQPage answer differs from the In-short text, which the site publishes as the answer; copy the In-short text here, or delete this script (the build generates one).%0A  answer:   Top to bottom.%0A  In short: File by file, line by line.
      ::warning file=cli-site/t/b.md,line=3,col=14,title=description-length::\`description\` is 10 characters long; search engines show 50–160
      ::error file=cli-site/t/b.md,line=8,col=37,title=link-missing-file::the link \`gone.md\` points to \`t/gone.md\`, which does not exist
      5 files, 2 errors, 2 warnings
      "
    `);
    expect(code).toBe(1);
  });
});

describe.concurrent('exit codes', { timeout: 30_000 }, () => {
  it('0 for a clean site', async ({ expect }) => {
    expect(await quick('mutation-site')).toEqual({
      code: 0,
      stdout: '8 files, 0 errors, 0 warnings\n',
      stderr: '',
    });
  });

  it('0 for warnings only, 1 once --max-warnings is exceeded', async ({ expect }) => {
    const warningsOnly = await quick('warnings-site');
    expect(warningsOnly.code).toBe(0);
    expect(warningsOnly.stdout).toMatch(/\n2 files, 0 errors, 1 warning\n$/);
    expect((await quick('warnings-site', ['--max-warnings', '1'])).code).toBe(0);
    const tooMany = await quick('warnings-site', ['--max-warnings', '0']);
    expect(tooMany.code).toBe(1);
    expect(tooMany.stdout).toBe(warningsOnly.stdout);
  });

  it('1 for errors', async ({ expect }) => {
    expect((await quick('cli-site')).code).toBe(1);
  });

  it('0 for --help, which prints the usage', async ({ expect }) => {
    const { code, stdout } = await quick('cli-site', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run check -- \[options\]\n/);
    expect(stdout).toMatch(/\nExit codes: 0 no errors, 1 content errors, 2 bad usage or settings\.\n$/);
  });

  it('2 for an unknown flag, printing the usage', async ({ expect }) => {
    const { code, stdout, stderr } = await quick('cli-site', ['--colour']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').slice(0, 3).join('\n')).toMatchInlineSnapshot(`
      "Unknown option '--colour'

      Usage: npm run check -- [options]"
    `);
  });

  it.for([
    ['--format', 'xml'],
    ['--max-warnings', 'many'],
    ['--max-warnings=-1'],
    ['--max-warnings', '1.5'],
    ['--max-warnings='],
  ])('2 for %j', async (args, { expect }) => {
    const { code, stdout, stderr } = await quick('cli-site', args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/\nRun `npm run check -- --help` for the options\.\n$/);
  });

  it('2 for a bad --format or --max-warnings, saying which value is wrong', async ({ expect }) => {
    expect((await quick('cli-site', ['--format', 'xml'])).stderr).toMatchInlineSnapshot(`
      "\`--format xml\` is not a format; use human, json or github.
      Run \`npm run check -- --help\` for the options.
      "
    `);
    expect((await quick('cli-site', ['--max-warnings', 'many'])).stderr).toMatchInlineSnapshot(`
      "\`--max-warnings many\` is not a count; use a whole number, 0 or more.
      Run \`npm run check -- --help\` for the options.
      "
    `);
  });

  it('2 for a content folder that does not exist', async ({ expect }) => {
    const { code, stdout, stderr } = await quick('no-such-folder');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.replace(temp.dir, '<project>')).toMatchInlineSnapshot(`
      "The content folder \`<project>/no-such-folder\` does not exist; set \`contentDir\` in src/site.config.ts or KB_CONTENT_DIR.
      "
    `);
  });
});

describe.concurrent('--only', { timeout: 30_000 }, () => {
  it('reports on the matching files only, while links into the other files still resolve', async ({
    expect,
  }) => {
    // t/a.md links to b.md#nope (broken: b.md has no such heading) and c.md#details (fine):
    // both targets are outside the selection, and still read.
    const { code, stdout } = await quick('cli-site', ['--only', 't/a.md']);
    expect(stdout).toMatchInlineSnapshot(`
      "cli-site/t/a.md:10:19  error  the link \`b.md#nope\` names the anchor \`#nope\`, but no heading on \`t/b.md\` has that id  link-missing-anchor
      cli-site/t/a.md:12:1  warning  the FAQPage answer differs from the In-short text, which the site publishes as the answer; copy the In-short text here, or delete this script (the build generates one).  jsonld-answer-mismatch
            answer:   Top to bottom.
            In short: File by file, line by line.

      1 file, 1 error, 1 warning
      "
    `);
    expect(code).toBe(1);
  });

  it('takes several globs, and counts only the matching files', async ({ expect }) => {
    const { stdout } = await quick('cli-site', ['--only', 't/c.md', '--only', '*.md']);
    expect(stdout).toBe('2 files, 0 errors, 0 warnings\n');
  });
});

describe.concurrent('--fix', { timeout: 30_000 }, () => {
  it('rewrites an H1 that differs from the title only in case or punctuation, keeping every other byte', async ({
    expect,
  }) => {
    const project = await makeTempDir('fix');
    try {
      const site = await copyFixture('fix-site', project.dir);
      const original = async (file: string) => readFile(path.join(FIXTURES, 'fix-site', file), 'utf8');
      const current = async (file: string) => readFile(path.join(site, file), 'utf8');

      const { code, stdout, stderr } = await runCheck('fix-site', ['--fix', '--no-examples'], project.dir);
      expect(stderr).toBe('Fixed 2 problem(s); checking again.\n');
      // What is left after the fix: H1s that only a person can settle.
      // A title holding Markdown would come back as another H1 that differs again, so it is not "fixed".
      expect(stdout).toMatchInlineSnapshot(`
        "fix-site/t/different.md:7:1  warning  the page shows the H1 \`How do I cancel a task?\`, and the browser tab and search results the title \`How do I stop a task?\`; make them the same if they name one question  h1-title-mismatch

        fix-site/t/markdown-title.md:7:1  warning  the title holds Markdown, which the browser tab shows as typed; write the title as plain text, \`What does await do?\`, as the H1 reads  h1-title-mismatch

        5 files, 0 errors, 2 warnings
        "
      `);
      // Warnings: MkDocs publishes such pages, showing the H1.
      expect(code).toBe(0);

      expect(await current('t/case.md')).toBe(
        (await original('t/case.md')).replace('# what is an EVENT loop\n', '# What is an event loop?\n'),
      );
      expect(await current('t/punctuation.md')).toBe(
        (await original('t/punctuation.md')).replace(
          '#   Why doesnt my timer fire  #\n',
          "# Why doesn't my timer fire?\n",
        ),
      );
      for (const untouched of ['t/different.md', 't/markdown-title.md'])
        expect(await current(untouched)).toBe(await original(untouched));
      expect(await current('t/index.md')).toBe(await original('t/index.md'));

      // A second --fix finds nothing more to fix and changes nothing.
      const again = await runCheck('fix-site', ['--fix', '--no-examples'], project.dir);
      expect(again).toEqual({ code: 0, stdout, stderr: '' });
      expect(await current('t/case.md')).toBe(
        (await original('t/case.md')).replace('# what is an EVENT loop\n', '# What is an event loop?\n'),
      );
    } finally {
      await project.remove();
    }
  });
});

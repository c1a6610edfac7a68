import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../src/cli/check-command.ts';
import { committedCases, CORPUS_SETTINGS, GENERATED_CASES, type BadInput } from './corpus.ts';
import { stackTraceLines } from './report.ts';

const execFileAsync = promisify(execFile);
const CHECK_SCRIPT = path.resolve(import.meta.dirname, '../../scripts/check.ts');
const COMMAND = pathToFileURL(path.resolve(import.meta.dirname, '../../src/cli/check-command.ts')).href;

/** What one run of the checker printed, and its exit code. */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
  milliseconds: number;
}

let work: string;
const cases: BadInput[] = [...(await committedCases()), ...GENERATED_CASES].sort((a, b) =>
  a.name.localeCompare(b.name),
);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'kb-bad-input-'));
});

afterAll(async () => {
  // A case may have closed a folder to its owner.
  await chmod(path.join(work, 'content-folder-closed', 'content'), 0o755).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
});

/** Makes the case's project folder: its files, and the corpus settings unless it brings its own. */
async function project(kase: BadInput): Promise<string> {
  const dir = path.join(work, kase.name);
  await kase.make(dir);
  const settings = path.join(dir, 'site.config.ts');
  if (!(await stat(settings).catch(() => undefined))) await writeFile(settings, CORPUS_SETTINGS);
  return dir;
}

/**
 * Checks the project as `npm run check` does, with the project's `site.config.ts` as the settings
 * file and nothing from this environment: in this process (`runCheckCommand`); in a Node process
 * of its own when the case is about the settings file, which Node must import as it does for
 * the command line (Vitest would compile it with Vite's own rules); with the real script when the
 * case is about the command line itself.
 */
async function check(kase: BadInput, dir: string): Promise<Run> {
  const started = performance.now();
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' };
  const child = (args: string[]) =>
    execFileAsync(process.execPath, args, { cwd: dir, env, timeout: 60_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  if (kase.argv) {
    const run = await child([CHECK_SCRIPT, ...kase.argv]);
    return { ...run, milliseconds: performance.now() - started };
  }
  if (kase.settingsFileOfItsOwn) {
    const script = `import { runCheckCommand } from ${JSON.stringify(COMMAND)};
process.exitCode = await runCheckCommand(${JSON.stringify({ examples: false, ...kase.flags })}, {
  cwd: process.cwd(), root: process.cwd(), env: {}, settingsFile: ${JSON.stringify(path.join(dir, 'site.config.ts'))},
  stdout: process.stdout, stderr: process.stderr,
});`;
    const run = await child(['--input-type=module', '-e', script]);
    return { ...run, milliseconds: performance.now() - started };
  }
  let stdout = '';
  let stderr = '';
  const code = await runCheckCommand(
    { examples: false, ...kase.flags },
    {
      cwd: dir,
      root: dir,
      env: {},
      settingsFile: path.join(dir, 'site.config.ts'),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
  );
  return { code, stdout, stderr, milliseconds: performance.now() - started };
}

/** `file:line:column  rule-id` of each diagnostic of a human report, in its order. */
function locations(report: string): string[] {
  return report.split('\n').flatMap((line) => {
    const found = /^(\S+:\d+:\d+)\s+(?:error|warning|info)\s.*\s(\S+)$/.exec(line);
    return found ? [`${found[1]}  ${found[2]}`] : [];
  });
}

describe('the bad-input corpus', () => {
  it('holds at least 40 kinds of bad input', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((kase) => [kase.name, kase] as const))(
    '%s: reported with its place and rule (or the setting), the right exit code, no stack trace',
    async (_name, kase) => {
      const run = await check(kase, await project(kase));
      expect(stackTraceLines(`${run.stdout}\n${run.stderr}`)).toEqual([]);
      expect(run.code, run.stdout + run.stderr).toBe(kase.exit);
      if (kase.exit === 2) {
        expect(run.stdout).toBe('');
        for (const text of kase.expect) expect(run.stderr).toContain(text);
      } else {
        expect(locations(run.stdout)).toEqual(kase.expect);
      }
      // Deep nesting, alias bombs and huge files are refused quickly, not worked through.
      expect(run.milliseconds).toBeLessThan(15_000);
    },
  );
});

/** The whole output of the checker for one case of the corpus, its temporary folder written `<project>`. */
async function report(name: string): Promise<string> {
  const kase = cases.find((candidate) => candidate.name === name)!;
  const dir = await project({ ...kase, name: `${name}-report` });
  const run = await check(kase, dir);
  return `${run.stdout}${run.stderr}`.replaceAll(dir, '<project>').trimEnd();
}

describe('what the checker says about new kinds of bad input', () => {
  it('nesting too deep: where the level past the limit opens, and that the rest is not read', async () => {
    expect(await report('too-deep-quotes')).toMatchInlineSnapshot(`
      "content/t/a.md:10:51  error  the Markdown here nests more than 50 levels deep (block quotes, lists, indented blocks); the rest of the file is not read. Flatten it  markdown-too-deep

      1 file, 1 error, 0 warnings"
    `);
    expect(await report('too-deep-html')).toMatchInlineSnapshot(`
      "content/t/a.md:10:251  error  the HTML here nests more than 50 elements deep; the rest of the file is not read. Close the elements, or flatten them  markdown-too-deep

      1 file, 1 error, 0 warnings"
    `);
  });

  it('JSON-LD whose script ends early, or never', async () => {
    expect(await report('jsonld-script-end-lines')).toMatchInlineSnapshot(`
      "content/t/a.md:11:194  error  the JSON-LD holds \`</script>\`, where a browser ends the script and reads \`<img src=x onerror=alert(1)>”}}}\` as HTML; inside JSON, write \`<\\/script>\`  jsonld-invalid

      1 file, 1 error, 0 warnings"
    `);
    expect(await report('jsonld-unclosed')).toMatchInlineSnapshot(`
      "content/t/a.md:10:1  warning  \`<script>\` is never closed; MkDocs would show the rest of the page as raw HTML, so close it with \`</script>\`  html-unclosed
      content/t/a.md:10:1  error  the JSON-LD script never closes; end it with \`</script>\`  jsonld-invalid

      1 file, 1 error, 1 warning"
    `);
  });

  it('YAML that expands too far, or nests too deep', async () => {
    expect(await report('yaml-alias-bomb')).toMatchInlineSnapshot(`
      "content/t/a.md:6:8  error  the frontmatter's aliases (\`*a\`…) expand to more than 100 copies of their values; write the values out instead  frontmatter-yaml

      1 file, 1 error, 0 warnings"
    `);
    expect(await report('yaml-deep-nesting')).toMatchInlineSnapshot(`
      "content/t/a.md:5:1  error  the frontmatter is not valid YAML: its lists or mappings nest too deeply to read  frontmatter-yaml

      1 file, 1 error, 0 warnings"
    `);
  });

  it('symbolic links out of the content folder, names that differ in case, a folder without Markdown', async () => {
    expect(await report('link-to-a-file-outside')).toMatchInlineSnapshot(`
      "content/t/secret.md:0:0  error  this symbolic link leads outside the content folder (to \`../../outside/secret.md\`), whose files would be published with the site; copy what you need into the content folder, or remove the link  content-outside

      1 file, 1 error, 0 warnings"
    `);
    expect(await report('folders-differ-in-case')).toMatchInlineSnapshot(`
      "content/topic:0:0  warning  this name and \`content/Topic\` differ only in case: on macOS, Windows and many hosts one replaces the other; rename one  case-collision

      2 files, 0 errors, 1 warning"
    `);
    expect(await report('no-markdown')).toMatchInlineSnapshot(`
      "content:0:0  warning  the content folder holds no Markdown file; the site has nothing to publish. Is \`content\` the folder you meant?  content-empty

      0 files, 0 errors, 1 warning"
    `);
  });

  it('a page where the build publishes its own page, or in a folder a tool fills', async () => {
    expect(await report('page-at-search')).toMatchInlineSnapshot(`
      "content/search.md:0:0  error  this file would publish at \`/search/\`, which is the build's own search page; rename it  duplicate-url

      1 file, 1 error, 0 warnings"
    `);
    expect(await report('topic-in-pagefind')).toMatchInlineSnapshot(`
      "content/pagefind/x.md:0:0  error  this file would publish at \`/pagefind/x/\`, inside \`/pagefind/\`, which the build fills with files of its own; rename it  duplicate-url

      1 file, 1 error, 0 warnings"
    `);
  });

  it('a settings file that does not load, and a content folder that is not one', async () => {
    expect(await report('settings-syntax')).toMatchInlineSnapshot(`
      "Invalid site settings in src/site.config.ts:
      src/site.config.ts:2:18: the file is not valid TypeScript: Unexpected token \`,\`. Expected identifier, string literal, numeric literal or [ for the computed key"
    `);
    expect(await report('settings-runtime')).toMatchInlineSnapshot(`
      "Invalid site settings in src/site.config.ts:
      src/site.config.ts:3:37: the file fails when it runs (TypeError): Cannot read properties of undefined (reading 'trim')"
    `);
    expect(await report('settings-not-typescript')).toMatchInlineSnapshot(`
      "Invalid site settings in src/site.config.ts:
      src/site.config.ts:1:1: the file uses TypeScript that Node.js cannot run as it is (TypeScript enum is not supported in strip-only mode); write the settings as a plain object, with type annotations only"
    `);
    expect(await report('content-folder-is-a-file')).toMatchInlineSnapshot(
      `"The content folder \`<project>/content\` is a file, not a folder; set \`contentDir\` in src/site.config.ts or KB_CONTENT_DIR."`,
    );
  });
});

import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inheritedEnv, ROOT } from '../helpers/build-site.ts';
import { treeSnapshot } from '../helpers/tree-snapshot.ts';
import { CASES_DIR, GOOD_SITE } from './corpus.ts';
import { stackTraceLines } from './report.ts';

const execFileAsync = promisify(execFile);

let work: string;
let published: Record<string, string>;

/** Runs `astro build` of `content` (from `project`, the repository unless given) into the one output folder. */
async function build(content: string, project = ROOT): Promise<{ code: number; output: string }> {
  const env = {
    ...inheritedEnv(),
    KB_CONTENT_DIR: content,
    KB_OUT_DIR: path.join(work, 'dist'),
    KB_CACHE_DIR: path.join(work, 'cache'),
    KB_EXAMPLES: 'off',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const astro = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
  return execFileAsync(process.execPath, [astro, 'build'], { cwd: project, env, timeout: 240_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

/**
 * A copy of the project whose `src/site.config.ts` is `settings`: its own `astro.config.mjs`, and
 * everything else of `src/` and `node_modules` linked to the repository's.
 */
async function projectWithSettings(settings: string): Promise<string> {
  const project = path.join(work, 'project');
  await mkdir(path.join(project, 'src'), { recursive: true });
  for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json'])
    await cp(path.join(ROOT, file), path.join(project, file));
  for (const folder of ['node_modules', 'public'])
    await symlink(path.join(ROOT, folder), path.join(project, folder));
  for (const entry of await readdir(path.join(ROOT, 'src'))) {
    if (entry !== 'site.config.ts')
      await symlink(path.join(ROOT, 'src', entry), path.join(project, 'src', entry));
  }
  await cp(settings, path.join(project, 'src/site.config.ts'));
  return project;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'kb-bad-build-'));
  const first = await build(path.join(GOOD_SITE, 'content'));
  expect(first.code, first.output).toBe(0);
  published = await treeSnapshot(path.join(work, 'dist'));
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const content = (name: string) => path.join(CASES_DIR, name, 'content');

/**
 * A representative few of the corpus, through a real `astro build` into a folder that holds the
 * last good site: each stops with its report alone (the place, the rule or setting), its exit
 * code, no stack trace and none of Astro's hints, and the last good site stays byte for byte.
 */
describe.each([
  // The attack that passed the check and failed inside Astro after emptying the output.
  [
    'an alias that is an address',
    () => build(content('alias-address')),
    1,
    /t\/a\.md:6:5 +error .* alias-invalid$/m,
  ],
  [
    'JSON-LD that ends its script early',
    () => build(content('jsonld-script-end')),
    1,
    /t\/a\.md:10:229 +error .* jsonld-invalid$/m,
  ],
  [
    'a block quote 10,000 deep',
    () => build(content('too-deep-quotes')),
    1,
    /t\/a\.md:10:51 +error .* markdown-too-deep$/m,
  ],
  [
    'YAML that does not parse in mkdocs.yml',
    () => build(content('mkdocs-yaml-invalid')),
    2,
    /mkdocs\.yml:3:1: /,
  ],
  [
    'a content folder that is not there',
    () => build(path.join(work, 'nowhere')),
    2,
    /The content folder `.*\/nowhere` does not exist/,
  ],
  [
    'a syntax error in src/site.config.ts',
    async () =>
      build(
        path.join(GOOD_SITE, 'content'),
        await projectWithSettings(path.join(CASES_DIR, 'settings-syntax/site.config.ts')),
      ),
    2,
    /^src\/site\.config\.ts:2:18: the file is not valid TypeScript/m,
  ],
] as const)('a build of %s', (_name, run, exit, report) => {
  let result: { code: number; output: string };

  beforeAll(async () => {
    result = await run();
  }, 240_000);

  it(`stops with exit code ${exit} and the report alone`, () => {
    expect(result.code, result.output).toBe(exit);
    expect(result.output).toMatch(report);
    expect(stackTraceLines(result.output)).toEqual([]);
    expect(result.output).not.toMatch(/Stack trace|Browser APIs|An unhandled error/);
  });

  it('leaves the last good site byte for byte as it was, and nothing beside it', async () => {
    expect(await treeSnapshot(path.join(work, 'dist'))).toEqual(published);
    expect((await readdir(work)).filter((name) => /^\.dist\./.test(name))).toEqual([]);
  });
});

describe('the good site', () => {
  it('publishes the article, so that an untouched output is a real one', () => {
    expect(Object.keys(published)).toContain(path.join('t', 'a', 'index.html'));
  });
});

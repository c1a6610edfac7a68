import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inheritedEnv, ROOT } from '../helpers/build-site.ts';
import { treeSnapshot } from '../helpers/tree-snapshot.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/mkdocs-site');
const ARTICLE = 'recipes/how-do-i-say-goodbye.md';

/** Starts `astro build` of `content` into `outDir` in its own process group; resolves with its exit. */
function startBuild(work: string) {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env: {
      ...inheritedEnv(),
      KB_CONTENT_DIR: path.join(work, 'content'),
      KB_OUT_DIR: path.join(work, 'dist'),
      KB_CACHE_DIR: path.join(work, 'cache'),
      KB_EXAMPLES: 'off',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const watchers: { text: string; resolve: () => void }[] = [];
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    for (const watcher of watchers) if (output.includes(watcher.text)) watcher.resolve();
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output })),
  );
  /** Resolves when the build's log shows `text` (or the build ended). */
  const reaches = (text: string) =>
    Promise.race([
      new Promise<void>((resolve) => watchers.push({ text, resolve })),
      exited.then(() => undefined),
    ]);
  return { child, exited, reaches };
}

/** The site's files but pagefind's, whose names are digests of the content. */
async function pages(dir: string): Promise<string[]> {
  return Object.keys(await treeSnapshot(dir)).filter((file) => !file.startsWith('pagefind/'));
}

/** Leftovers beside the output: staging and previous folders of builds. */
async function leftovers(work: string): Promise<string[]> {
  return (await readdir(work)).filter((name) => /^\.dist\.(staging|previous)-/.test(name));
}

describe('publishing a build', () => {
  let work: string;
  let published: Record<string, string>;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'kb-atomic-'));
    await cp(FIXTURE, path.join(work, 'content'), { recursive: true });
    const first = await startBuild(work).exited;
    expect(first.code, first.output).toBe(0);
    published = await treeSnapshot(path.join(work, 'dist'));
    // From now on a finished build would publish something else.
    const file = path.join(work, 'content', ARTICLE);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Print `Goodbye`.', 'Print `Farewell`.'));
  }, 240_000);

  // Moments from the start to the last step before publishing: while Astro starts, once the content
  // is proved, while pages are written, while the search index and social cards are written.
  const moments = [
    ['after 200 ms', { afterMs: 200 }],
    ['once proved', { logShows: 'proved in' }],
    ['while writing pages', { logShows: 'generating static routes' }],
    ['while indexing', { logShows: 'while the search index is built' }],
  ] as const;

  it.each(
    moments.flatMap(([moment, when]) =>
      (['SIGKILL', 'SIGINT'] as const).map((signal) => [signal, moment, when] as const),
    ),
  )(
    'leaves the last good site byte for byte as it was when %s stops the build %s',
    async (signal, _moment, when) => {
      const build = startBuild(work);
      if ('afterMs' in when) await new Promise((resolve) => setTimeout(resolve, when.afterMs));
      else await build.reaches(when.logShows);
      if (build.child.exitCode !== null)
        expect.fail(`the build ended before the moment to stop it:\n${(await build.exited).output}`);
      // The whole group, as a terminal's Ctrl-C or an OOM kill reaches a build and its children.
      process.kill(-build.child.pid!, signal);
      const { code } = await build.exited;
      expect(code).not.toBe(0);
      expect(await treeSnapshot(path.join(work, 'dist'))).toEqual(published);
    },
    120_000,
  );

  it('publishes the next finished build whole, and cleans what the stopped ones left', async () => {
    const build = await startBuild(work).exited;
    expect(build.code, build.output).toBe(0);
    const html = await readFile(path.join(work, 'dist', 'recipes/how-do-i-say-goodbye/index.html'), 'utf8');
    expect(html).toContain('<code>Farewell</code>');
    expect(await pages(path.join(work, 'dist'))).toEqual(
      Object.keys(published).filter((file) => !file.startsWith('pagefind/')),
    );
    expect(await leftovers(work)).toEqual([]);
  }, 240_000);

  it('runs two builds of one folder at once, both succeeding, the site whole', async () => {
    const [first, second] = await Promise.all([startBuild(work).exited, startBuild(work).exited]);
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    expect(await pages(path.join(work, 'dist'))).toEqual(
      Object.keys(published).filter((file) => !file.startsWith('pagefind/')),
    );
    expect(await leftovers(work)).toEqual([]);
  }, 480_000);

  it('waits while another build holds the lock, then builds', async () => {
    // This test process plays the other build: the lock names a process that is alive.
    const lock = path.join(work, 'cache', 'build.lock');
    await writeFile(lock, String(process.pid));
    const build = startBuild(work);
    await build.reaches('waiting for it to finish');
    expect(build.child.exitCode).toBeNull();
    await rm(lock);
    const { code, output } = await build.exited;
    expect(code, output).toBe(0);
    expect(output).toMatch(/another build \(process \d+\) is writing this site; waiting for it to finish/);
  }, 240_000);

  it('takes over a lock whose build was killed', async () => {
    await writeFile(path.join(work, 'cache', 'build.lock'), '999999999');
    const { code, output } = await startBuild(work).exited;
    expect(code, output).toBe(0);
    expect(output).not.toContain('waiting');
  }, 240_000);
});

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isMainThread } from 'node:worker_threads';

const run = promisify(execFile);

/** The repository root, where `astro.config.mjs` lives. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The result of building a content folder with the real `astro build`. */
export interface BuiltSite {
  outDir: string;
  stdout: string;
  stderr: string;
}

/** What Vitest mirrors from `import.meta.env` into `process.env`; a child `astro build` would read them as its own mode (`DEV=1` publishes drafts). */
const VITEST_MODE_ENV = new Set(['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']);

/** The test run's environment without what Vitest sets for itself, for a child `astro` command. */
export function inheritedEnv(): Record<string, string | undefined> {
  // `VITEST*` too: Astro's dev server serves no routes when it believes it runs under Vitest.
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !VITEST_MODE_ENV.has(key) && !key.startsWith('VITEST')),
  );
}

/**
 * Builds `contentDir` into a fresh temporary folder with this project's Astro setup,
 * in a child process on the same (pinned) Node, with its own Astro cache.
 */
export async function buildSite(contentDir: string, env: Record<string, string> = {}): Promise<BuiltSite> {
  const work = await mkdtemp(path.join(tmpdir(), 'kb-build-'));
  return buildInto(contentDir, path.join(work, 'dist'), path.join(work, 'cache'), env);
}

/** Builds `contentDir` into `outDir` with the cache folder `cacheDir`, as `buildSite` does. */
export async function buildInto(
  contentDir: string,
  outDir: string,
  cacheDir: string,
  env: Record<string, string> = {},
): Promise<BuiltSite> {
  const { stdout, stderr } = await run(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: ROOT,
      env: {
        ...inheritedEnv(),
        KB_CONTENT_DIR: contentDir,
        KB_OUT_DIR: outDir,
        KB_CACHE_DIR: cacheDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        ...env,
      },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 240_000,
    },
  );
  return { outDir, stdout, stderr };
}

/** How long a test waits for a build that another test file started. */
const SHARED_BUILD_WAIT_MS = 300_000;

/**
 * Builds `contentDir` once per test run and shares the result between test files (each
 * runs in its own worker): the first caller builds, the others wait for its result. A run
 * is known by the process that holds the workers (the parent of a forked worker, or the
 * process of a worker thread), so a new run builds afresh.
 */
export async function buildSiteOnce(
  contentDir: string,
  env: Record<string, string> = {},
): Promise<BuiltSite> {
  const key = createHash('sha256')
    .update(JSON.stringify([isMainThread ? process.ppid : process.pid, contentDir, env]))
    .digest('hex')
    .slice(0, 16);
  const marker = path.join(tmpdir(), `kb-shared-build-${key}`);
  try {
    await mkdir(marker);
  } catch {
    return waitForSharedBuild(marker);
  }
  try {
    const site = await buildSite(contentDir, env);
    await writeFile(path.join(marker, 'site.json'), JSON.stringify(site));
    return site;
  } catch (error) {
    await writeFile(path.join(marker, 'error.txt'), String(error));
    throw error;
  }
}

async function waitForSharedBuild(marker: string): Promise<BuiltSite> {
  const deadline = Date.now() + SHARED_BUILD_WAIT_MS;
  while (Date.now() < deadline) {
    const site = await readFile(path.join(marker, 'site.json'), 'utf8').catch(() => undefined);
    if (site) return JSON.parse(site) as BuiltSite;
    const error = await readFile(path.join(marker, 'error.txt'), 'utf8').catch(() => undefined);
    if (error) throw new Error(`The shared build failed in another test file:\n${error}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for the shared build in ${marker}`);
}

import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root, where `astro.config.mjs` lives. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The result of building a content folder with the real `astro build`. */
export interface BuiltSite {
  outDir: string;
  stdout: string;
  stderr: string;
}

/**
 * Builds `contentDir` into a fresh temporary folder with this project's Astro setup,
 * in a child process on the same (pinned) Node, with its own Astro cache.
 */
export async function buildSite(contentDir: string, env: Record<string, string> = {}): Promise<BuiltSite> {
  const work = await mkdtemp(path.join(tmpdir(), 'kb-build-'));
  const outDir = path.join(work, 'dist');
  const { stdout, stderr } = await run(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        KB_CONTENT_DIR: contentDir,
        KB_OUT_DIR: outDir,
        KB_CACHE_DIR: path.join(work, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
        ...env,
      },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 240_000,
    },
  );
  return { outDir, stdout, stderr };
}

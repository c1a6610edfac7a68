import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from '../core/process-alive.ts';

/** What the runner's temporary folders are called: `<prefix>-<pid>-XXXXXX`. */
const RUN_FOLDER = /^(kb-examples|kb-sandbox-probe)-(\d+)-[A-Za-z0-9]{6}$/;
/** Folders of runners from before folders carried their process id: known stale after a day. */
const UNNAMED_RUN_FOLDER = /^kb-examples-[A-Za-z0-9]{6}$/;
const A_DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A folder changed this recently is in use whatever its process id says: another container
 * that shares /tmp has processes this one cannot see. A run adds and removes a folder per
 * example in its folder, which keeps it fresh.
 */
const IN_USE_MS = 10 * 60 * 1000;

/**
 * Makes a temporary folder in `base` named for this process (`<prefix>-<pid>-XXXXXX`), first
 * removing those that processes no longer running left behind: a run stopped with SIGKILL, or
 * by the machine, cleans nothing up, and its examples' folders would stay in /tmp for good.
 */
export async function makeRunFolder(
  base: string,
  prefix: 'kb-examples' | 'kb-sandbox-probe',
): Promise<string> {
  await removeStaleRunFolders(base);
  return mkdtemp(path.join(base, `${prefix}-${process.pid}-`));
}

/** Removes the run folders in `base` whose process is gone (and that nothing changed for a while); returns their names. */
export async function removeStaleRunFolders(base: string, now = Date.now()): Promise<string[]> {
  const names = await readdir(base).catch(() => [] as string[]);
  const stale: string[] = [];
  for (const name of names) {
    const pid = RUN_FOLDER.exec(name)?.[2];
    const folder = path.join(base, name);
    const gone =
      pid !== undefined
        ? !isAlive(Number(pid)) && (await olderThan(folder, now - IN_USE_MS))
        : UNNAMED_RUN_FOLDER.test(name) && (await olderThan(folder, now - A_DAY_MS));
    if (gone) stale.push(name);
  }
  // Another user's folder, or one being removed by another run, stays as it is.
  await Promise.all(
    stale.map((name) => rm(path.join(base, name), { recursive: true, force: true }).catch(() => undefined)),
  );
  return stale;
}

async function olderThan(file: string, time: number): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  return info !== undefined && info.mtimeMs < time;
}

import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from '../core/process-alive.ts';

/** A build's output, written beside the published one and swapped in only when everything succeeded. */
export interface StagedOutput {
  /** Where this build writes. */
  stagingDir: string;
  /** Puts the staging folder in the output's place; the previous output goes only once the new one is there. */
  publish(): Promise<void>;
  /** Removes what this build left (its staging folder, unless published) and frees the lock. */
  release(): Promise<void>;
}

/** Tells what happens while waiting for another build. */
export interface StageLog {
  info(message: string): void;
}

/** How long a build waits for another one that holds the lock, before it gives up. */
const WAIT_LIMIT_MS = 15 * 60 * 1000;
const POLL_MS = 250;

/** Raised when another build holds the lock for longer than a build may wait. */
export class OutputLockedError extends Error {
  override name = 'OutputLockedError';
}

/**
 * Prepares a build of `outDir`: takes the lock in `lockDir` (waiting for another build that holds
 * it, taking over a lock whose process is gone), repairs what an interrupted build left, and names
 * a fresh staging folder beside `outDir`. Whatever happens to this build (an error, Ctrl-C, a kill)
 * the published folder stays as it was until `publish()`.
 */
export async function stageOutput(outDir: string, lockDir: string, log: StageLog): Promise<StagedOutput> {
  const lockFile = path.join(lockDir, 'build.lock');
  await acquireLock(lockFile, log);
  try {
    await repairLeftovers(outDir);
  } catch (error) {
    await rm(lockFile, { force: true });
    throw error;
  }
  const { dir, base } = split(outDir);
  const stagingDir = path.join(dir, `.${base}.staging-${process.pid}`);
  await rm(stagingDir, { recursive: true, force: true });
  let published = false;
  return {
    stagingDir,
    async publish() {
      const previous = path.join(dir, `.${base}.previous-${process.pid}`);
      const hadOutput = await exists(outDir);
      // Two renames: an interruption between them leaves `previous`, which the next build puts back.
      if (hadOutput) await rename(outDir, previous);
      await rename(stagingDir, outDir);
      published = true;
      if (hadOutput) await rm(previous, { recursive: true, force: true });
    },
    async release() {
      if (!published) await rm(stagingDir, { recursive: true, force: true });
      if ((await readFile(lockFile, 'utf8').catch(() => '')).trim() === String(process.pid))
        await rm(lockFile, { force: true });
    },
  };
}

/** Takes the lock file, made with `wx` so that of two builds only one can; waits while its holder lives. */
async function acquireLock(lockFile: string, log: StageLog): Promise<void> {
  await mkdir(path.dirname(lockFile), { recursive: true });
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      await writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
      // Its build was killed: the lock is free, and what it left is repaired next.
      await rm(lockFile, { force: true });
      continue;
    }
    if (!told) {
      log.info(`another build (process ${holder}) is writing this site; waiting for it to finish`);
      told = true;
    }
    if (Date.now() - started > WAIT_LIMIT_MS)
      throw new OutputLockedError(
        `another build (process ${holder}) has been writing this site for over ${WAIT_LIMIT_MS / 60_000} minutes; stop it, or remove ${lockFile} if no build is running`,
      );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * What builds that were interrupted left beside the output: staging folders are removed; a
 * previous output whose swap was cut short is put back when the output is missing.
 */
async function repairLeftovers(outDir: string): Promise<void> {
  const { dir, base } = split(outDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  // Only what dead builds left: a build of another cache folder may be writing beside us.
  const left = (kind: string) =>
    names.filter((name) => {
      const pid = new RegExp(`^\\.${escape(base)}\\.${kind}-(\\d+)$`).exec(name)?.[1];
      return pid !== undefined && !isAlive(Number(pid));
    });
  const previous = left('previous');
  if (previous.length > 0 && !(await exists(outDir))) {
    await rename(path.join(dir, previous.shift()!), outDir);
  }
  const stale = [...previous, ...left('staging')];
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function split(outDir: string): { dir: string; base: string } {
  const resolved = path.resolve(outDir);
  return { dir: path.dirname(resolved), base: path.basename(resolved) };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

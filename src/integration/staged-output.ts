import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from '../core/process-alive.ts';
import { untouchedSince, walkFiles, type FileStamps } from './file-stamps.ts';

/** A build's output, written beside the published one and swapped in only when everything succeeded. */
export interface StagedOutput {
  /** Where this build writes. */
  stagingDir: string;
  /**
   * Takes the spare (the output before last) as the staging folder, when there is one: called
   * once the build knows it will write, before anything does.
   */
  claim(): Promise<void>;
  /**
   * True when `claim()` took the spare, an earlier build's output, which this build rewrites in
   * place: the build must not empty it first, and calls `prune()` once everything is written.
   */
  readonly recycled: boolean;
  /**
   * Deletes the files of a recycled folder that this build did not write again (nothing has
   * touched them since it was claimed), of those `only` selects, then the folders left empty;
   * returns how many files went.
   */
  prune(only?: (file: string) => boolean): Promise<number>;
  /**
   * Puts the staging folder in the output's place. The previous output stays beside it as the
   * spare that the next build recycles.
   */
  publish(): Promise<void>;
  /**
   * Frees the lock; a staging folder that was not published becomes the spare (a build that
   * failed after `claim()` leaves the next one as much to rewrite in place, and one that failed
   * on its content, or had nothing to do, never took it).
   */
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
  const spare = spareOf(outDir);
  await rm(stagingDir, { recursive: true, force: true });
  let recycled = false;
  let stamps: FileStamps = new Map();
  let published = false;
  return {
    stagingDir,
    get recycled() {
      return recycled;
    },
    async claim() {
      // Renamed: of two builds (of two cache folders) only one gets it.
      recycled = await succeeds(rename(spare, stagingDir));
      if (recycled) stamps = walkFiles(stagingDir);
    },
    async prune(only = () => true) {
      const stale = untouchedSince(stamps, only);
      for (const file of stale) stamps.delete(file);
      await Promise.all(stale.map((file) => rm(file, { force: true })));
      // Deepest first, so that a folder whose folders all went goes too; one still used is not empty.
      const folders = new Set(stale.map((file) => path.dirname(file)));
      for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
        for (let at = folder; at.startsWith(stagingDir + path.sep); at = path.dirname(at)) {
          if (!(await succeeds(rmdir(at)))) break;
        }
      }
      return stale.length;
    },
    async publish() {
      const previous = path.join(dir, `.${base}.previous-${process.pid}`);
      const hadOutput = await exists(outDir);
      // Two renames: an interruption between them leaves `previous`, which the next build puts back.
      if (hadOutput) await rename(outDir, previous);
      await rename(stagingDir, outDir);
      published = true;
      if (hadOutput) await keepAsSpare(previous, spare);
    },
    async release() {
      if (!published) await keepAsSpare(stagingDir, spare);
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
  // Whatever they hold, the next build rewrites or prunes it: one becomes the spare.
  for (const name of [...previous, ...left('staging')])
    await keepAsSpare(path.join(dir, name), spareOf(outDir));
}

/**
 * Keeps `folder` as the spare, or removes it when there is one already. Creating files is what
 * costs in a build's writing (on ext4 without a journal, about 0.3 ms a file soon after many
 * were deleted), and rewriting a file that exists creates none.
 */
async function keepAsSpare(folder: string, spare: string): Promise<void> {
  if (!(await exists(spare)) && (await succeeds(rename(folder, spare)))) return;
  await rm(folder, { recursive: true, force: true });
}

/** `dist` → `.dist.spare`, beside it. */
function spareOf(outDir: string): string {
  const { dir, base } = split(outDir);
  return path.join(dir, `.${base}.spare`);
}

/** Whether `operation` succeeded: a rename another build got to first, a folder not empty, fail. */
function succeeds(operation: Promise<unknown>): Promise<boolean> {
  return operation.then(
    () => true,
    () => false,
  );
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

import { statSync } from 'node:fs';
import path from 'node:path';
import { ENV } from '../core/env.ts';
import { SettingsError } from '../settings/settings-error.ts';

/** The file system a path is on (its device number), or would be on once made. */
export type DeviceOf = (file: string) => number;

/**
 * Stops a build whose output folder cannot receive Astro's files. When the output is outside the
 * working folder, Astro writes its pre-rendered pages' assets in `<working folder>/.astro/` and
 * then renames them into the output; a rename cannot cross file systems, so a build writing to
 * another disk or a mounted volume would fail halfway with `EXDEV` and a stack trace.
 */
export function requireOutputOnWorkingFileSystem(
  outDir: string,
  cwd: string = process.cwd(),
  deviceOf: DeviceOf = existingDevice,
): void {
  const out = path.resolve(outDir);
  // Inside the working folder, Astro keeps its assets inside the output (`<output>/.prerender/`).
  if (out.startsWith(path.resolve(cwd) + path.sep)) return;
  // The build writes beside the output first (staged-output.ts): its parent is where the files go.
  if (deviceOf(path.dirname(out)) === deviceOf(cwd)) return;
  throw new SettingsError(
    `The output folder ${out} (${ENV.outDir}) is on another file system than the folder the build runs in (${cwd}): Astro moves the site's files into the output by renaming them, which cannot cross file systems. Set ${ENV.outDir} to a folder on the same file system (inside the project, or beside it), and copy the site from there.`,
  );
}

/** The device of `file`, or of its nearest folder that exists (where it would be made). */
function existingDevice(file: string): number {
  for (let at = path.resolve(file); ; at = path.dirname(at)) {
    const stats = statSync(at, { throwIfNoEntry: false });
    if (stats) return stats.dev;
    if (path.dirname(at) === at) return -1;
  }
}

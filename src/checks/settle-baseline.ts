import path from 'node:path';
import {
  applyBaseline,
  baselineOf,
  baselinePathFor,
  BaselineError,
  readBaseline,
  writeBaseline,
  type BaselineEntry,
  type BaselineVerdict,
} from './baseline.ts';
import type { Diagnostic } from './diagnostics.ts';

export interface SettleOptions {
  contentDir: string;
  /** The folder diagnostics' file names are relative to. */
  cwd: string;
  /** Record the current errors as the new baseline. */
  write: boolean;
  /** List the known errors, not only count them. */
  verbose: boolean;
  /** Entries of the old baseline that this run could not judge (examples not run, files not selected). */
  keep: (entry: BaselineEntry) => boolean;
  stderr: { write(text: string): unknown };
}

/**
 * Reads (or writes) the baseline and sorts the errors by it, saying on stderr what is known and
 * what is stale. Undefined, with the reason written, when the baseline file is broken.
 */
export async function settleBaseline(
  diagnostics: readonly Diagnostic[],
  options: SettleOptions,
): Promise<BaselineVerdict | undefined> {
  const file = baselinePathFor(options.contentDir);
  const shown = path.relative(options.cwd, file) || file;
  const context = { contentDir: options.contentDir, cwd: options.cwd };
  try {
    const old = await readBaseline(file);
    if (options.write) {
      const entries = [
        ...(old?.entries.filter(options.keep) ?? []),
        ...(await baselineOf(diagnostics, context)),
      ];
      await writeBaseline(file, entries);
      const count = entries.reduce((sum, entry) => sum + entry.count, 0);
      options.stderr.write(
        `Recorded ${count} known error(s) in ${shown}; from now on only new errors fail.\n`,
      );
    }
    const baseline = options.write ? await readBaseline(file) : old;
    const verdict = await applyBaseline(diagnostics, baseline, context);
    verdict.stale = verdict.stale.filter((entry) => !options.keep(entry));
    reportVerdict(verdict, shown, options);
    return verdict;
  } catch (error) {
    if (!(error instanceof BaselineError)) throw error;
    options.stderr.write(`${error.message}\n`);
    return undefined;
  }
}

function reportVerdict(verdict: BaselineVerdict, shown: string, options: SettleOptions): void {
  const { known, stale } = verdict;
  if (known.length > 0) {
    const hint = options.verbose ? ':' : ' (`--verbose` lists them)';
    options.stderr.write(`${known.length} known error(s) of ${shown} not counted${hint}\n`);
    if (options.verbose)
      for (const d of known)
        options.stderr.write(
          `  ${d.file}:${d.line}:${d.column}  known  ${d.message.split('\n')[0]}  ${d.ruleId}\n`,
        );
  }
  if (stale.length > 0) {
    options.stderr.write(
      `${stale.length} entr${stale.length === 1 ? 'y' : 'ies'} of ${shown} match no error any more; run \`npm run check -- --write-baseline\` to drop them:\n`,
    );
    for (const entry of stale)
      options.stderr.write(`  ${entry.file}  stale  ${entry.message.split('\n')[0]}  ${entry.rule}\n`);
  }
}
